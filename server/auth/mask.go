package auth

import (
	"crypto/subtle"
	"strings"
)

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
