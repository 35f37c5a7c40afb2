package validate

import "strings"

// postcodeFormat describes one country's postcode. Rules look at the compact
// form: trimmed, ASCII upper case, the separator removed.
type postcodeFormat struct {
	// sep is the separator of the canonical form, 0 if there is none. Users may
	// leave it out; if they type it, it must be at its place.
	sep byte
	// at is the separator's index in the compact form; a negative at counts
	// from the end (the inward code of a UK postcode is always 3 long).
	at int
	// valid checks the compact form.
	valid func(c string) bool
}

var postcodeFormats = map[string]postcodeFormat{
	"AT": {valid: digits(4)},
	"BE": {valid: digits(4)},
	"CH": {valid: digits(4)},
	"DE": {valid: digits(5)},
	"DK": {valid: digits(4)},
	"ES": {valid: spanish},
	"FR": {valid: digits(5)},
	"GB": {sep: ' ', at: -3, valid: british},
	"IE": {sep: ' ', at: 3, valid: eircode},
	"IT": {valid: digits(5)},
	"LU": {valid: digits(4)},
	"NL": {sep: ' ', at: 4, valid: dutch},
	"NO": {valid: digits(4)},
	"PL": {sep: '-', at: 2, valid: digits(5)},
	"PT": {sep: '-', at: 4, valid: digits(7)},
	"SE": {sep: ' ', at: 3, valid: digits(5)},
	// ZIP+4 carries its hyphen; a plain ZIP has none (see canonical).
	"US": {sep: '-', at: 5, valid: func(c string) bool { return allDigits(c) && (len(c) == 5 || len(c) == 9) }},
}

// Postcode checks a postcode for a country of Countries. The check is
// case-insensitive and ignores surrounding space; where the country's form has
// a separator (GB, IE, NL, SE: a space; PL, PT, US ZIP+4: a hyphen) the user
// may leave it out, but may not put it anywhere else. An unsupported country
// gives Country's error.
func Postcode(country, s string) error {
	if err := Country(country); err != nil {
		return err
	}
	t := upperASCII(strings.TrimSpace(s))
	if t == "" {
		return fail(CodeRequired)
	}
	f := postcodeFormats[country]
	if c, ok := compact(f, t); !ok || !f.valid(c) {
		return fail(CodeInvalid)
	}
	return nil
}

// NormalizePostcode returns the canonical form of a valid postcode: upper
// case, with the country's separator at its place ("sw1a1aa" becomes
// "SW1A 1AA", "12345" in PL becomes "12-345"). Anything else is only trimmed
// and upper-cased.
func NormalizePostcode(country, s string) string {
	t := upperASCII(strings.TrimSpace(s))
	f, ok := postcodeFormats[country]
	if !ok {
		return t
	}
	c, ok := compact(f, t)
	if !ok || !f.valid(c) {
		return t
	}
	return canonical(f, c)
}

// compact removes the separator from t if it is at its place; it fails if a
// separator is anywhere else or there is more than one.
func compact(f postcodeFormat, t string) (string, bool) {
	if f.sep == 0 {
		return t, true
	}
	i := strings.IndexByte(t, f.sep)
	if i < 0 {
		return t, true
	}
	if i == 0 || i == len(t)-1 || strings.IndexByte(t[i+1:], f.sep) >= 0 {
		return "", false
	}
	c := t[:i] + t[i+1:]
	if i != sepIndex(f, len(c)) {
		return "", false
	}
	return c, true
}

// canonical puts the separator into a valid compact form.
func canonical(f postcodeFormat, c string) string {
	i := sepIndex(f, len(c))
	if f.sep == 0 || i <= 0 || i >= len(c) {
		return c
	}
	return c[:i] + string(f.sep) + c[i:]
}

func sepIndex(f postcodeFormat, n int) int {
	if f.at < 0 {
		return n + f.at
	}
	return f.at
}

func digits(n int) func(string) bool {
	return func(c string) bool { return len(c) == n && allDigits(c) }
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// spanish: five digits whose first two name one of the 52 provinces.
func spanish(c string) bool {
	if len(c) != 5 || !allDigits(c) {
		return false
	}
	p := int(c[0]-'0')*10 + int(c[1]-'0')
	return p >= 1 && p <= 52
}

// dutch: "1234AB", the digits not starting with 0.
func dutch(c string) bool {
	return len(c) == 6 && c[0] != '0' && allDigits(c[:4]) && isUpper(c[4]) && isUpper(c[5])
}

// eircode: a routing key (a letter and two digits, or D6W) and four
// characters, all from the letters Eircodes use.
func eircode(c string) bool {
	const letters = "ACDEFHKNPRTVWXY"
	if len(c) != 7 {
		return false
	}
	key := c[:3] == "D6W" || strings.IndexByte(letters, c[0]) >= 0 && isDigit(c[1]) && isDigit(c[2])
	if !key {
		return false
	}
	for i := 3; i < 7; i++ {
		if !isDigit(c[i]) && strings.IndexByte(letters, c[i]) < 0 {
			return false
		}
	}
	return true
}
