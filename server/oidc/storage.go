package oidc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/uptrace/bun"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/config"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/store"
)

// Lifetimes the configuration does not set.
const (
	// RequestTTL is how long an authorization request waits for its login
	// (and the browser's return address with it): time to log in, or to
	// register and open the confirmation link.
	RequestTTL = 30 * time.Minute
	// CodeTTL is an authorization code's life (RFC 6749 §4.1.2: short).
	CodeTTL = time.Minute
	// codeReuseWindow keeps an exchanged code's request this long after the
	// code ran out, so that a second use is still recognised as one and
	// revokes the grant the first use made.
	codeReuseWindow = 10 * time.Minute
)

// storage implements op.Storage on the database. Times it keeps come from
// the injected clock; the expirations it hands the library are on the real
// clock, because the library stamps tokens with time.Now.
type storage struct {
	db      *bun.DB
	clock   clock.Clock
	rand    io.Reader
	clients Clients
	cfg     config.OIDC
	keys    *signingKeys
	log     *slog.Logger
}

var (
	_ op.Storage                        = (*storage)(nil)
	_ op.CanSetUserinfoFromRequest      = (*storage)(nil)
	_ op.CanTerminateSessionFromRequest = (*storage)(nil)
)

func newStorage(db *bun.DB, clk clock.Clock, rand io.Reader, ring keyring.Ring, clients Clients, cfg config.OIDC, log *slog.Logger) *storage {
	return &storage{
		db: db, clock: clk, rand: rand, clients: clients, cfg: cfg, log: log,
		keys: &signingKeys{db: db, clock: clk, rand: rand, ring: ring, rotation: cfg.KeyRotation, idTTL: cfg.IDTokenTTL, log: log},
	}
}

// realDeadline is ttl from now on the real clock, for the library.
func realDeadline(ttl time.Duration) time.Time { return time.Now().UTC().Add(ttl) }

// hashSecret is the stored form of a random secret (a code, a refresh
// token): 256-bit random values need no key, a plain hash is enough.
func hashSecret(s string) string {
	sum := sha256.Sum256([]byte("oidc:" + s))
	return hex.EncodeToString(sum[:])
}

func (s *storage) random() (string, error) { return keyring.Random(s.rand, 32) }

// Health implements op.Storage.
func (s *storage) Health(ctx context.Context) error { return store.Ping(ctx, s.db) }

// GetClientByClientID implements op.Storage.
func (s *storage) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	if c := s.clients.Get(id); c != nil {
		return c, nil
	}
	return nil, errors.New("oidc: unknown client")
}

// AuthorizeClientIDSecret implements op.Storage.
func (s *storage) AuthorizeClientIDSecret(_ context.Context, id, secret string) error {
	c := s.clients.Get(id)
	if c == nil || !c.CheckSecret(secret) {
		return oidc.ErrInvalidClient().WithDescription("unknown client or wrong secret")
	}
	return nil
}

// SigningKey implements op.Storage.
func (s *storage) SigningKey(ctx context.Context) (op.SigningKey, error) {
	k, err := s.keys.active(ctx)
	if err != nil {
		return nil, err
	}
	return k, nil
}

// SignatureAlgorithms implements op.Storage.
func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

// KeySet implements op.Storage.
func (s *storage) KeySet(ctx context.Context) ([]op.Key, error) { return s.keys.published(ctx) }

// subjectOf returns the account's subject, giving it one on first use.
func (s *storage) subjectOf(ctx context.Context, db bun.IDB, userID int64) (string, error) {
	sub, err := store.OIDCSubjectOf(ctx, db, userID)
	if !errors.Is(err, store.ErrNotFound) {
		return sub, err
	}
	fresh, err := keyring.Random(s.rand, 16)
	if err != nil {
		return "", err
	}
	if err := store.AddOIDCSubject(ctx, db, userID, fresh); err != nil {
		return "", err
	}
	return store.OIDCSubjectOf(ctx, db, userID)
}

// The parts of op.Storage for grants the portal does not offer: JWT
// profile grants, introspection, claims in JWT access tokens.

// GetKeyByIDAndClientID implements op.Storage: no app signs assertions.
func (s *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errors.New("oidc: JWT profile grants are not offered")
}

// ValidateJWTProfileScopes implements op.Storage: no JWT profile grants.
func (s *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errors.New("oidc: JWT profile grants are not offered")
}

// SetIntrospectionFromToken implements op.Storage: no introspection
// endpoint is served.
func (s *storage) SetIntrospectionFromToken(context.Context, *oidc.IntrospectionResponse, string, string, string) error {
	return errors.New("oidc: introspection is not offered")
}

// GetPrivateClaimsFromScopes implements op.Storage: access tokens are
// opaque, so there are no claims to add.
func (s *storage) GetPrivateClaimsFromScopes(context.Context, string, string, []string) (map[string]any, error) {
	return nil, nil
}

// SetUserinfoFromScopes implements op.Storage; the library asks to leave it
// empty and fill SetUserinfoFromRequest instead.
func (s *storage) SetUserinfoFromScopes(context.Context, *oidc.UserInfo, string, string, []string) error {
	return nil
}

// TerminateSession implements op.Storage; end_session goes through
// TerminateSessionFromRequest.
func (s *storage) TerminateSession(context.Context, string, string) error {
	return fmt.Errorf("oidc: terminate session without its request")
}
