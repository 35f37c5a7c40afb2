// Package softkey is a WebAuthn authenticator in software for tests: it
// answers the portal's ceremony options the way a browser with a platform
// authenticator does (ES256 keys, "none" attestation, discoverable
// credentials), so the API's passkey flows can be tested without a
// browser. Its switches make the answers a test needs to see refused: no
// user verification, another origin, a counter that goes back.
package softkey

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/go-webauthn/webauthn/protocol/webauthncbor"
)

// Authenticator flags (WebAuthn §6.1).
const (
	flagUP = 0x01
	flagUV = 0x04
	flagBE = 0x08
	flagBS = 0x10
	flagAT = 0x40
)

// Credential is one passkey the authenticator holds.
type Credential struct {
	ID     []byte
	Handle []byte // the user handle the portal gave it
	RPID   string
	Key    *ecdsa.PrivateKey
	Count  uint32
}

// Authenticator holds passkeys and answers ceremonies for Origin.
type Authenticator struct {
	Origin string
	// SkipUV answers without user verification (a security key touched,
	// no PIN asked).
	SkipUV bool
	// Synced makes new passkeys backup eligible (and backed up), as a
	// cloud-synced passkey is.
	Synced bool
	// NoCount keeps the signature counter at 0, as synced passkeys do.
	NoCount bool
	Creds   []*Credential
}

// New returns an authenticator answering for origin (http://localhost:port).
func New(origin string) *Authenticator { return &Authenticator{Origin: origin} }

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func unb64(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }

type descriptor struct {
	ID string `json:"id"`
}

// Create answers navigator.credentials.create with options
// ({"publicKey": {...}} as the portal sends them): a new passkey.
func (a *Authenticator) Create(options []byte) ([]byte, error) {
	var o struct {
		PublicKey struct {
			RP        struct{ ID string } `json:"rp"`
			User      struct{ ID string } `json:"user"`
			Challenge string              `json:"challenge"`
			Exclude   []descriptor        `json:"excludeCredentials"`
		} `json:"publicKey"`
	}
	if err := json.Unmarshal(options, &o); err != nil {
		return nil, fmt.Errorf("softkey: creation options: %w", err)
	}
	pk := o.PublicKey
	for _, ex := range pk.Exclude {
		if a.find(ex.ID) != nil {
			return nil, errors.New("softkey: InvalidStateError: this authenticator holds an excluded credential")
		}
	}
	handle, err := unb64(pk.User.ID)
	if err != nil {
		return nil, fmt.Errorf("softkey: user id: %w", err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	id := make([]byte, 32)
	rand.Read(id)
	c := &Credential{ID: id, Handle: handle, RPID: pk.RP.ID, Key: key}
	a.Creds = append(a.Creds, c)
	cose, err := webauthncbor.Marshal(map[int64]any{
		1: int64(2), 3: int64(-7), -1: int64(1),
		-2: key.PublicKey.X.FillBytes(make([]byte, 32)), -3: key.PublicKey.Y.FillBytes(make([]byte, 32)),
	})
	if err != nil {
		return nil, err
	}
	attested := make([]byte, 16) // AAGUID: all zero, as "none" attestation sends it
	attested = binary.BigEndian.AppendUint16(attested, uint16(len(id)))
	attested = append(append(attested, id...), cose...)
	authData := a.authData(c, flagAT, attested)
	clientData := a.clientData("webauthn.create", pk.Challenge)
	att, err := webauthncbor.Marshal(map[string]any{"fmt": "none", "attStmt": map[string]any{}, "authData": authData})
	if err != nil {
		return nil, err
	}
	return json.Marshal(map[string]any{
		"id": b64(id), "rawId": b64(id), "type": "public-key", "authenticatorAttachment": "platform",
		"clientExtensionResults": map[string]any{},
		"response":               map[string]any{"attestationObject": b64(att), "clientDataJSON": b64(clientData), "transports": []string{"internal"}},
	})
}

// Get answers navigator.credentials.get with options: the first passkey
// for the relying party that the options allow (any, when they list none).
func (a *Authenticator) Get(options []byte) ([]byte, error) {
	var o struct {
		PublicKey struct {
			RPID      string       `json:"rpId"`
			Challenge string       `json:"challenge"`
			Allow     []descriptor `json:"allowCredentials"`
		} `json:"publicKey"`
	}
	if err := json.Unmarshal(options, &o); err != nil {
		return nil, fmt.Errorf("softkey: request options: %w", err)
	}
	pk := o.PublicKey
	for _, c := range a.Creds {
		if c.RPID != pk.RPID || (len(pk.Allow) > 0 && !allowed(pk.Allow, c)) {
			continue
		}
		return a.Sign(c, pk.Challenge)
	}
	return nil, errors.New("softkey: NotAllowedError: no passkey for this request")
}

func allowed(list []descriptor, c *Credential) bool {
	for _, d := range list {
		if d.ID == b64(c.ID) {
			return true
		}
	}
	return false
}

func (a *Authenticator) find(id string) *Credential {
	for _, c := range a.Creds {
		if b64(c.ID) == id {
			return c
		}
	}
	return nil
}

// Sign makes c's assertion of challenge (base64url).
func (a *Authenticator) Sign(c *Credential, challenge string) ([]byte, error) {
	if !a.NoCount {
		c.Count++
	}
	authData := a.authData(c, 0, nil)
	clientData := a.clientData("webauthn.get", challenge)
	sum := sha256.Sum256(clientData)
	digest := sha256.Sum256(append(append([]byte{}, authData...), sum[:]...))
	sig, err := ecdsa.SignASN1(rand.Reader, c.Key, digest[:])
	if err != nil {
		return nil, err
	}
	return json.Marshal(map[string]any{
		"id": b64(c.ID), "rawId": b64(c.ID), "type": "public-key", "authenticatorAttachment": "platform",
		"clientExtensionResults": map[string]any{},
		"response": map[string]any{
			"authenticatorData": b64(authData), "clientDataJSON": b64(clientData),
			"signature": b64(sig), "userHandle": b64(c.Handle),
		},
	})
}

func (a *Authenticator) authData(c *Credential, extra byte, attested []byte) []byte {
	rp := sha256.Sum256([]byte(c.RPID))
	flags := byte(flagUP) | extra
	if !a.SkipUV {
		flags |= flagUV
	}
	if a.Synced {
		flags |= flagBE | flagBS
	}
	out := append([]byte{}, rp[:]...)
	out = append(out, flags)
	out = binary.BigEndian.AppendUint32(out, c.Count)
	return append(out, attested...)
}

func (a *Authenticator) clientData(typ, challenge string) []byte {
	b, _ := json.Marshal(map[string]any{"type": typ, "challenge": challenge, "origin": a.Origin, "crossOrigin": false})
	return b
}
