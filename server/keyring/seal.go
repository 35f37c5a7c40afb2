package keyring

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrUnsealable is a sealed value that no key of the ring opens: it was
// changed, made for something else, or sealed under a key that is gone.
var ErrUnsealable = errors.New("keyring: cannot open sealed value")

// sealPrefix marks the format, so a later one can be told apart.
const sealPrefix = "v1:"

// Seal encrypts plaintext for purpose with AES-256-GCM under the newest
// key's sub-key, bound to context (an account id, say: a value copied to
// another account does not open there). It is for secrets the server must
// read back, such as an authenticator app's key; what only has to be
// compared is kept as a MAC instead.
func (r Ring) Seal(rand io.Reader, purpose, context string, plaintext []byte) (string, error) {
	aead, err := gcm(r.Derive("seal/" + purpose))
	if err != nil {
		return "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := io.ReadFull(rand, nonce); err != nil {
		return "", fmt.Errorf("keyring: seal: %w", err)
	}
	out := aead.Seal(nonce, nonce, plaintext, []byte(context))
	return sealPrefix + base64.RawURLEncoding.EncodeToString(out), nil
}

// Open decrypts what Seal made for purpose and context, trying every key of
// the ring (newest first), so values sealed before a key rotation still
// open until their key is removed.
func (r Ring) Open(purpose, context, sealed string) ([]byte, error) {
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(sealed, sealPrefix))
	if err != nil || !strings.HasPrefix(sealed, sealPrefix) {
		return nil, ErrUnsealable
	}
	for _, k := range r.DeriveAll("seal/" + purpose) {
		aead, err := gcm(k)
		if err != nil {
			return nil, err
		}
		if len(raw) < aead.NonceSize() {
			return nil, ErrUnsealable
		}
		if out, err := aead.Open(nil, raw[:aead.NonceSize()], raw[aead.NonceSize():], []byte(context)); err == nil {
			return out, nil
		}
	}
	return nil, ErrUnsealable
}

func gcm(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("keyring: cipher: %w", err)
	}
	return cipher.NewGCM(block)
}
