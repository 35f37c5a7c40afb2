package oidc

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/uptrace/bun"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/store"
)

// keySkew is added to a key's publication after it stops signing, for
// apps whose clocks run a little behind.
const keySkew = time.Minute

// signingKeys keeps the provider's signing keys in the database: the first
// is made at the first start, the next when the newest is older than the
// rotation period (by the injected clock), and each stays published until
// the ID tokens it signed have run out. Any process may rotate; the
// generation number makes exactly one of them win.
type signingKeys struct {
	db       bun.IDB
	clock    clock.Clock
	rand     io.Reader
	ring     keyring.Ring
	rotation time.Duration
	idTTL    time.Duration
	log      *slog.Logger

	mu     sync.Mutex
	parsed map[string]*rsa.PrivateKey // opened keys by id
}

// key is one opened signing key.
type key struct {
	id  string
	rsa *rsa.PrivateKey
}

// SignatureAlgorithm implements op.SigningKey.
func (k key) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }

// Key implements op.SigningKey.
func (k key) Key() any { return k.rsa }

// ID implements op.SigningKey.
func (k key) ID() string { return k.id }

// publicKey is a published key; it implements op.Key.
type publicKey struct{ key }

// Algorithm implements op.Key.
func (k publicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }

// Use implements op.Key.
func (k publicKey) Use() string { return "sig" }

// Key implements op.Key.
func (k publicKey) Key() any { return &k.rsa.PublicKey }

// active returns the key that signs now, making the next generation first
// when the newest is due for rotation (or cannot be opened: SECRET_KEY no
// longer holds the key it was sealed under).
func (s *signingKeys) active(ctx context.Context) (key, error) {
	now := s.clock.Now()
	rows, err := store.OIDCKeys(ctx, s.db)
	if err != nil {
		return key{}, err
	}
	if len(rows) > 0 && now.Before(rows[0].RotateAt) {
		k, err := s.open(rows[0])
		if err == nil {
			return k, nil
		}
		s.log.Warn("oidc: the signing key cannot be opened with SECRET_KEY; making a new one", "kid", rows[0].ID, "err", err)
	}
	var gen int64 = 1
	if len(rows) > 0 {
		gen = rows[0].Generation + 1
	}
	if err := s.create(ctx, gen, now); err != nil {
		return key{}, err
	}
	if rows, err = store.OIDCKeys(ctx, s.db); err != nil {
		return key{}, err
	}
	if len(rows) == 0 {
		return key{}, errors.New("oidc: no signing key after making one")
	}
	return s.open(rows[0])
}

// published lists the keys apps may verify with: the active one and every
// older one whose ID tokens may still be alive.
func (s *signingKeys) published(ctx context.Context) ([]op.Key, error) {
	active, err := s.active(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := store.OIDCKeys(ctx, s.db)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	out := []op.Key{publicKey{active}}
	for _, r := range rows {
		if r.ID == active.id || !now.Before(r.RetireAt) {
			continue
		}
		k, err := s.open(r)
		if err != nil {
			continue // sealed under a key SECRET_KEY no longer holds: nothing it signed can be checked
		}
		out = append(out, publicKey{k})
	}
	return out, nil
}

// create makes and stores generation gen; when another process stored it
// first, its key is the one.
func (s *signingKeys) create(ctx context.Context, gen int64, now time.Time) error {
	// Since Go 1.26 key generation always draws from the system's secure
	// source, whatever reader it is given.
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return fmt.Errorf("oidc: generate signing key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return fmt.Errorf("oidc: encode signing key: %w", err)
	}
	sealed, err := seal(s.ring.Derive("oidc-signing-key"), s.rand, der)
	if err != nil {
		return err
	}
	id, err := keyring.Random(s.rand, 12)
	if err != nil {
		return err
	}
	rotate := now.Add(s.rotation)
	row := &store.OIDCKey{
		ID: id, Generation: gen, Algorithm: string(jose.RS256), PrivateKey: sealed,
		CreatedAt: now, RotateAt: rotate, RetireAt: rotate.Add(s.idTTL + keySkew),
	}
	added, err := store.AddOIDCKey(ctx, s.db, row)
	if err != nil {
		return err
	}
	if added {
		s.log.Info("oidc: new signing key", "kid", id, "generation", gen, "signs_until", rotate)
	}
	return nil
}

// open returns the key of row, decrypting and parsing it once per process.
func (s *signingKeys) open(row store.OIDCKey) (key, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if k, ok := s.parsed[row.ID]; ok {
		return key{id: row.ID, rsa: k}, nil
	}
	der, err := open(s.ring.DeriveAll("oidc-signing-key"), row.PrivateKey)
	if err != nil {
		return key{}, fmt.Errorf("oidc: open signing key %s: %w", row.ID, err)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return key{}, fmt.Errorf("oidc: parse signing key %s: %w", row.ID, err)
	}
	k, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return key{}, fmt.Errorf("oidc: signing key %s is not RSA", row.ID)
	}
	if s.parsed == nil {
		s.parsed = map[string]*rsa.PrivateKey{}
	}
	s.parsed[row.ID] = k
	return key{id: row.ID, rsa: k}, nil
}

// seal encrypts plain with AES-256-GCM under k: nonce and ciphertext,
// base64url.
func seal(k []byte, rand io.Reader, plain []byte) (string, error) {
	gcm, err := newGCM(k)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand, nonce); err != nil {
		return "", fmt.Errorf("oidc: seal: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(gcm.Seal(nonce, nonce, plain, nil)), nil
}

// open decrypts what seal made under any of keys.
func open(keys [][]byte, sealed string) ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(sealed)
	if err != nil {
		return nil, fmt.Errorf("oidc: open: %w", err)
	}
	for _, k := range keys {
		gcm, err := newGCM(k)
		if err != nil {
			return nil, err
		}
		if len(b) < gcm.NonceSize() {
			break
		}
		if plain, err := gcm.Open(nil, b[:gcm.NonceSize()], b[gcm.NonceSize():], nil); err == nil {
			return plain, nil
		}
	}
	return nil, errors.New("oidc: open: no key of SECRET_KEY opens it")
}

func newGCM(k []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, fmt.Errorf("oidc: cipher: %w", err)
	}
	return cipher.NewGCM(block)
}
