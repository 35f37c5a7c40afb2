package validate

import "unicode/utf8"

// Password length limits, in runes (characters as a person counts them, not
// bytes).
const (
	// MinPasswordLength is the fewest runes a password may have.
	MinPasswordLength = 8
	// MaxPasswordLength is the most runes a password may have.
	MaxPasswordLength = 128
)

// Password checks a new password's length: MinPasswordLength to
// MaxPasswordLength runes. There are no composition rules (NIST SP 800-63B);
// spaces count and are kept, so a password is never trimmed. Strength is
// judged elsewhere.
func Password(s string) error {
	if s == "" {
		return fail(CodeRequired)
	}
	// Browsers and JSON only produce valid UTF-8; anything else would count
	// differently on the two sides.
	if !utf8.ValidString(s) {
		return fail(CodeInvalid)
	}
	n := utf8.RuneCountInString(s)
	if n < MinPasswordLength {
		return fail(CodeTooShort)
	}
	if n > MaxPasswordLength {
		return fail(CodeTooLong)
	}
	return nil
}
