package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits of an e-mail address, in bytes (RFC 5321).
const (
	// MaxEmailLength is the most bytes an address may have.
	MaxEmailLength = 254
	// MaxLocalPartLength is the most bytes before the '@'.
	MaxLocalPartLength = 64
)

// NormalizeEmail trims s and lower-cases the whole address, the form in which
// addresses are stored and compared.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Email checks an e-mail address as it will be stored, that is after
// NormalizeEmail: required; at most MaxEmailLength bytes; exactly one '@'; a
// local part of at most MaxLocalPartLength bytes without spaces, control
// characters or the specials "(),:;<>[\] and without leading, trailing or
// double dots; a domain of at least two dot-separated labels of letters (any
// script), digits and inner hyphens, whose last label (the TLD) has at least
// two letters or is an "xn--" IDN label. Quoted local parts and IP-literal
// domains are refused: nobody signs up with them.
func Email(s string) error {
	if !utf8.ValidString(s) {
		return fail(CodeInvalid)
	}
	s = NormalizeEmail(s)
	if s == "" {
		return fail(CodeRequired)
	}
	if len(s) > MaxEmailLength {
		return fail(CodeTooLong)
	}
	at := strings.IndexByte(s, '@')
	if at < 0 || strings.IndexByte(s[at+1:], '@') >= 0 {
		return fail(CodeInvalid)
	}
	local, domain := s[:at], s[at+1:]
	if len(local) > MaxLocalPartLength {
		return fail(CodeTooLong)
	}
	if !localPart(local) || !emailDomain(domain) {
		return fail(CodeInvalid)
	}
	return nil
}

func localPart(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for _, r := range s {
		if r == ' ' || r == utf8.RuneError || !unicode.IsGraphic(r) || strings.ContainsRune(`"(),:;<>[\]`, r) {
			return false
		}
	}
	return true
}

func emailDomain(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if !domainLabel(l) {
			return false
		}
	}
	tld := labels[len(labels)-1]
	if strings.HasPrefix(tld, "xn--") {
		return len(tld) > len("xn--")
	}
	if utf8.RuneCountInString(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return false
		}
	}
	return true
}

// domainLabel: 1 to 63 runes of letters, their combining marks, ASCII digits
// and hyphens, not starting or ending with a hyphen.
func domainLabel(l string) bool {
	if l == "" || l[0] == '-' || l[len(l)-1] == '-' || utf8.RuneCountInString(l) > 63 {
		return false
	}
	for i, r := range l {
		ok := unicode.IsLetter(r) || '0' <= r && r <= '9' || r == '-' || i > 0 && unicode.IsMark(r)
		if !ok {
			return false
		}
	}
	return true
}
