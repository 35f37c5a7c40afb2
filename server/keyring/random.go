package keyring

import (
	"encoding/base64"
	"fmt"
	"io"
)

// Random returns n bytes from r as base64url without padding: session ids,
// link tokens, flow ids and device ids (32 bytes are 256 bits).
func Random(r io.Reader, n int) (string, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("keyring: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
