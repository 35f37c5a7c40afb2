package validate

import (
	"strings"
	"unicode"
)

// Digit limits of an E.164 phone number, without the '+'.
const (
	// MinPhoneDigits is the fewest digits a phone number may have.
	MinPhoneDigits = 8
	// MaxPhoneDigits is the most digits E.164 allows.
	MaxPhoneDigits = 15
)

// NormalizePhone returns a phone number in E.164 form as far as it can: the
// separators people type (white space, hyphens, parentheses, dots) are
// removed, a "(0)" trunk prefix as in "+49 (0)171 …" is dropped, and a
// leading international prefix "00" becomes "+". It does not know national
// numbering plans, so "0171 …" stays as typed and Phone refuses it.
func NormalizePhone(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "(0)", "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-().", r) {
			return -1
		}
		return r
	}, s)
	if strings.HasPrefix(s, "00") {
		s = "+" + s[2:]
	}
	return s
}

// Phone checks a mobile number after NormalizePhone: a '+' and then
// MinPhoneDigits to MaxPhoneDigits ASCII digits, the first not 0.
func Phone(s string) error {
	n := NormalizePhone(s)
	if n == "" {
		return fail(CodeRequired)
	}
	if n[0] != '+' || !allDigits(n[1:]) || n[1] == '0' {
		return fail(CodeInvalid)
	}
	switch d := len(n) - 1; {
	case d < MinPhoneDigits:
		return fail(CodeTooShort)
	case d > MaxPhoneDigits:
		return fail(CodeTooLong)
	}
	return nil
}
