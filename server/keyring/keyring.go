// Package keyring holds the server's secret keys and derives one key per use
// from them, so that a code hash can never be mistaken for a token hash or a
// cookie signature. The ring is ordered newest first: the newest key signs
// and keys everything new; older keys still verify what they made until
// they are removed from SECRET_KEY (key rotation without logging everyone
// out or killing every mailed link).
package keyring

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Ring is the server's keys, newest first. The zero Ring is not usable.
type Ring struct {
	keys [][]byte
}

// New returns a ring of keys, newest first. It panics without a key: the
// configuration guarantees one.
func New(keys ...[]byte) Ring {
	if len(keys) == 0 {
		panic("keyring: no key")
	}
	return Ring{keys: keys}
}

// Len is the number of keys in the ring.
func (r Ring) Len() int { return len(r.keys) }

// Derive returns the newest key's sub-key for purpose.
func (r Ring) Derive(purpose string) []byte { return derive(r.keys[0], purpose) }

// DeriveAll returns every key's sub-key for purpose, newest first.
func (r Ring) DeriveAll(purpose string) [][]byte {
	out := make([][]byte, len(r.keys))
	for i, k := range r.keys {
		out[i] = derive(k, purpose)
	}
	return out
}

// MAC returns the hex HMAC-SHA256 of parts under the newest key's sub-key
// for purpose. Parts are length-prefixed, so ("ab","c") ≠ ("a","bc").
func (r Ring) MAC(purpose string, parts ...string) string {
	return mac(r.Derive(purpose), parts)
}

// MACs returns MAC under every key of the ring, newest first: look a stored
// hash up among them to accept what an older key made.
func (r Ring) MACs(purpose string, parts ...string) []string {
	out := make([]string, len(r.keys))
	for i, k := range r.DeriveAll(purpose) {
		out[i] = mac(k, parts)
	}
	return out
}

func derive(secret []byte, purpose string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("miniid/" + purpose))
	return m.Sum(nil)
}

func mac(key []byte, parts []string) string {
	m := hmac.New(sha256.New, key)
	for _, p := range parts {
		m.Write([]byte(strconv.Itoa(len(p)) + ":" + p + ";"))
	}
	return hex.EncodeToString(m.Sum(nil))
}
