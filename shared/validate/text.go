package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeText trims s and turns every run of white space inside it into a
// single ASCII space. It suits names, titles, streets and cities.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// freeText checks a trimmed, required, single-line text of at most max runes
// that contains at least one letter.
func freeText(s string, max int) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return fail(CodeRequired)
	}
	if utf8.RuneCountInString(s) > max {
		return fail(CodeTooLong)
	}
	if !utf8.ValidString(s) {
		return fail(CodeInvalid)
	}
	letter := false
	for _, r := range s {
		if !unicode.IsGraphic(r) {
			return fail(CodeInvalid)
		}
		if unicode.IsLetter(r) {
			letter = true
		}
	}
	if !letter {
		return fail(CodeInvalid)
	}
	return nil
}

// oneOf reports whether s is exactly one of list.
func oneOf(s string, list []string) bool {
	for _, v := range list {
		if s == v {
			return true
		}
	}
	return false
}

// Question checks a question typed into the help assistant: required after
// trimming, at most MaxQuestionLength runes.
func Question(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return fail(CodeRequired)
	}
	if utf8.RuneCountInString(s) > MaxQuestionLength {
		return fail(CodeTooLong)
	}
	if !utf8.ValidString(s) {
		return fail(CodeInvalid)
	}
	return nil
}

// MaxQuestionLength is the most runes a help assistant question may have.
const MaxQuestionLength = 200
