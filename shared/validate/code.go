package validate

import (
	"strings"
	"unicode"
)

// CodeLength is the number of digits of an activation code.
const CodeLength = 6

// NormalizeCode removes all white space from s, so a pasted "123 456" or
// " 123456\n" becomes "123456".
func NormalizeCode(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Code checks an activation code after NormalizeCode: exactly CodeLength
// ASCII digits.
func Code(s string) error {
	n := NormalizeCode(s)
	if n == "" {
		return fail(CodeRequired)
	}
	if len(n) != CodeLength || !allDigits(n) {
		return fail(CodeInvalid)
	}
	return nil
}
