package validate

import (
	"strings"
	"testing"
)

func TestPasskeyName(t *testing.T) {
	for in, want := range map[string]string{
		"Work laptop":           "",
		"  iPhone   15  ":       "",
		"":                      CodeRequired,
		"   ":                   CodeRequired,
		strings.Repeat("x", 60): "",
		strings.Repeat("x", 61): CodeTooLong,
		"tab\u0007bell":         CodeInvalid,
		"Schlüssel 🔑":           "",
	} {
		if got := CodeOf(PasskeyName(in)); got != want {
			t.Errorf("PasskeyName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRecoveryCode(t *testing.T) {
	for in, want := range map[string]string{
		"k7pq-3xmd-w9ae":   "",
		" K7PQ 3XMD W9AE ": "",
		"k7pq3xmdw9ae":     "",
		"":                 CodeRequired,
		"k7pq-3xmd-w9a":    CodeInvalid,
		"k7pq-3xmd-w9ae1":  CodeInvalid,
		"k0pq-3xmd-w9ae":   CodeInvalid, // 0 is not in the alphabet
		"123456":           CodeInvalid,
	} {
		if got := CodeOf(RecoveryCode(in)); got != want {
			t.Errorf("RecoveryCode(%q) = %q, want %q", in, got, want)
		}
	}
}
