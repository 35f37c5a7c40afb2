package validate

import "strings"

// british checks a compact UK postcode: an outward code in one of the forms
// A9, A99, AA9, AA99, A9A, AA9A, then an inward code 9AA, with the letters
// Royal Mail allows at each place. "GIR0AA" (Girobank) is the one exception.
func british(c string) bool {
	if c == "GIR0AA" {
		return true
	}
	if len(c) < 5 || len(c) > 7 {
		return false
	}
	out, in := c[:len(c)-3], c[len(c)-3:]
	if !isDigit(in[0]) || !ukLetter(in[1], "CIKMOV") || !ukLetter(in[2], "CIKMOV") {
		return false
	}
	// The area: one or two letters; the first never Q, V, X; the second never
	// I, J, Z.
	if !ukLetter(out[0], "QVX") {
		return false
	}
	rest := out[1:]
	if isUpper(rest[0]) {
		if !ukLetter(rest[0], "IJZ") {
			return false
		}
		rest = rest[1:]
	}
	// The district: a digit, then a digit or (in London's central districts)
	// a letter, whose allowed set depends on the area's length.
	switch {
	case len(rest) == 1:
		return isDigit(rest[0])
	case len(rest) == 2 && isDigit(rest[0]) && isDigit(rest[1]):
		return true
	case len(rest) == 2 && isDigit(rest[0]) && len(out) == 3:
		return strings.IndexByte("ABCDEFGHJKPSTUW", rest[1]) >= 0
	case len(rest) == 2 && isDigit(rest[0]) && len(out) == 4:
		return strings.IndexByte("ABEHMNPRVWXY", rest[1]) >= 0
	}
	return false
}

// ukLetter reports whether b is an upper-case letter not in banned.
func ukLetter(b byte, banned string) bool {
	return isUpper(b) && strings.IndexByte(banned, b) < 0
}
