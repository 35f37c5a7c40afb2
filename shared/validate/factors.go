package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxPasskeyNameLength is the most runes a passkey's name may have.
const MaxPasskeyNameLength = 60

// PasskeyName checks the name a customer gives a passkey after
// NormalizeText: required, at most MaxPasskeyNameLength runes, printable.
func PasskeyName(s string) error {
	s = NormalizeText(s)
	if s == "" {
		return fail(CodeRequired)
	}
	if utf8.RuneCountInString(s) > MaxPasskeyNameLength {
		return fail(CodeTooLong)
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) {
			return fail(CodeInvalid)
		}
	}
	return nil
}

// RecoveryCodeAlphabet are the characters of a recovery code: lower-case
// letters and digits without those easily mistaken for one another (0 o,
// 1 i l).
const RecoveryCodeAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// RecoveryCodeLength is the number of characters of a recovery code; they
// are shown in groups of four (k7pq-3xmd-w9ae).
const RecoveryCodeLength = 12

// NormalizeRecoveryCode lower-cases s and removes white space and dashes,
// so "K7PQ 3XMD-W9AE" becomes "k7pq3xmdw9ae".
func NormalizeRecoveryCode(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// RecoveryCode checks a recovery code after NormalizeRecoveryCode.
func RecoveryCode(s string) error {
	n := NormalizeRecoveryCode(s)
	if n == "" {
		return fail(CodeRequired)
	}
	if len(n) != RecoveryCodeLength {
		return fail(CodeInvalid)
	}
	for _, r := range n {
		if !strings.ContainsRune(RecoveryCodeAlphabet, r) {
			return fail(CodeInvalid)
		}
	}
	return nil
}
