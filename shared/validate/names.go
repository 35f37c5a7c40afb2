package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Salutations are the stable keys of the salutation choice; the UI translates
// them.
var Salutations = []string{"mr", "ms", "mx", "none"}

// Length limits of the personal data fields, in runes.
const (
	// MaxNameLength is the most runes a first or last name may have.
	MaxNameLength = 100
	// MaxTitleLength is the most runes an academic title may have.
	MaxTitleLength = 40
)

// Name checks a first or last name: required after trimming, at most
// MaxNameLength runes, made of letters of any script (with their combining
// marks), spaces, hyphens, apostrophes (' and ’) and periods, with at least
// one letter.
func Name(s string) error {
	return lettersAnd(s, MaxNameLength, "-'’.")
}

// OptionalTitle checks an academic title such as "Dr." or "Prof. Dr.": empty
// is fine; otherwise at most MaxTitleLength runes of letters, spaces and
// periods, with at least one letter. A hyphen is allowed as well, for the
// German "Dr.-Ing.".
func OptionalTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return lettersAnd(s, MaxTitleLength, ".-")
}

// Salutation checks that s is exactly one of Salutations.
func Salutation(s string) error {
	if s == "" {
		return fail(CodeRequired)
	}
	if !oneOf(s, Salutations) {
		return fail(CodeInvalid)
	}
	return nil
}

// lettersAnd checks a required trimmed value of at most max runes made of
// letters, combining marks, ASCII spaces and the runes in extra.
func lettersAnd(s string, max int, extra string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return fail(CodeRequired)
	}
	if utf8.RuneCountInString(s) > max {
		return fail(CodeTooLong)
	}
	letter := false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsMark(r) && i > 0, r == ' ', strings.ContainsRune(extra, r):
		default:
			// utf8.RuneError lands here too, so invalid UTF-8 is refused.
			return fail(CodeInvalid)
		}
	}
	if !letter {
		return fail(CodeInvalid)
	}
	return nil
}
