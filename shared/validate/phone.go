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

// countryCodeLen is the length of the calling code of an E.164 number's
// first digits: one for +1 and +7, two for the codes of most of Europe
// (+2x only for +20 and +27, +30…+34, +36, +39, +40, +41, +43…+49, +5x
// only for +51…+58, +6x only for
// +60…+66, +8x only for +81…+86 and +9x only for +90…+95 and +98), three
// for the rest.
func countryCodeLen(digits string) int {
	if digits == "" {
		return 0
	}
	switch digits[0] {
	case '1', '7':
		return 1
	}
	if len(digits) < 2 {
		return 1
	}
	two := digits[:2]
	switch {
	case two == "20" || two == "27",
		two >= "30" && two <= "34" || two == "36" || two == "39",
		two == "40" || two == "41" || two >= "43" && two <= "49",
		two >= "51" && two <= "58",
		two >= "60" && two <= "66",
		two == "81" || two == "82" || two == "84" || two == "86",
		two >= "90" && two <= "95" || two == "98":
		return 2
	}
	return 3
}

// FormatPhone shows an E.164 number the way people read one: the calling
// code, then the rest in groups of three (a last group of four rather than
// one of one): "+34 612 345 678", "+49 170 123 4567". Anything else is
// returned as it is.
func FormatPhone(e164 string) string {
	if len(e164) < 4 || e164[0] != '+' {
		return e164
	}
	digits := e164[1:]
	for _, r := range digits {
		if r < '0' || r > '9' {
			return e164
		}
	}
	cc := countryCodeLen(digits)
	out := "+" + digits[:cc]
	rest := digits[cc:]
	for len(rest) > 0 {
		n := 3
		if len(rest) == 4 || len(rest) < 3 {
			n = len(rest)
		}
		out += " " + rest[:n]
		rest = rest[n:]
	}
	return out
}
