package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// Keys derives one key per use from the server secret, so that a code hash
// can never be mistaken for a token hash or a cookie signature.
type Keys struct {
	secret []byte
}

// NewKeys wraps the server secret.
func NewKeys(secret []byte) Keys { return Keys{secret: secret} }

// Derive returns the sub-key for purpose.
func (k Keys) Derive(purpose string) []byte {
	m := hmac.New(sha256.New, k.secret)
	m.Write([]byte("miniid/" + purpose))
	return m.Sum(nil)
}

// MAC returns the hex HMAC-SHA256 of parts under the sub-key for purpose.
func (k Keys) MAC(purpose string, parts ...string) string {
	m := hmac.New(sha256.New, k.Derive(purpose))
	for _, p := range parts {
		fmt.Fprintf(m, "%d:%s;", len(p), p)
	}
	return hex.EncodeToString(m.Sum(nil))
}

// randomToken returns n random bytes, base64url without padding.
func randomToken(r io.Reader, n int) (string, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("auth: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// randomCode returns a uniformly random 6-digit code.
func randomCode(r io.Reader) (string, error) {
	n, err := randInt(r, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("auth: random code: %w", err)
	}
	s := n.String()
	return strings.Repeat("0", 6-len(s)) + s, nil
}

func randInt(r io.Reader, max *big.Int) (*big.Int, error) {
	// crypto/rand.Int accepts any reader: rejection sampling, no modulo bias.
	return randIntFrom(r, max)
}

// sha256Hex is used for session ids: they are random, so a plain hash is enough.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// MaskEmail shows enough of an address to recognise it: j•••@example.com.
func MaskEmail(email string) string {
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" {
		return "•••"
	}
	r := []rune(local)
	return string(r[0]) + "•••@" + domain
}

// EqualTokens compares two secrets in constant time.
func EqualTokens(a, b string) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
