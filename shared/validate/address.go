package validate

import "strings"

// Countries are the supported countries of residence: ISO 3166-1 alpha-2
// codes in upper case.
var Countries = []string{"AT", "BE", "CH", "DE", "DK", "ES", "FR", "GB", "IE", "IT", "LU", "NL", "NO", "PL", "PT", "SE", "US"}

// Length limits of the address fields, in runes.
const (
	// MaxStreetLength is the most runes a street and number may have.
	MaxStreetLength = 120
	// MaxCityLength is the most runes a city may have.
	MaxCityLength = 100
)

// Street checks a street and house number: required after trimming, at most
// MaxStreetLength runes, printable, with at least one letter.
func Street(s string) error { return freeText(s, MaxStreetLength) }

// City checks a city: required after trimming, at most MaxCityLength runes,
// printable, with at least one letter.
func City(s string) error { return freeText(s, MaxCityLength) }

// Country checks that s is exactly one of Countries; anything else is
// CodeNotAllowed.
func Country(s string) error {
	if s == "" {
		return fail(CodeRequired)
	}
	if !oneOf(s, Countries) {
		return fail(CodeNotAllowed)
	}
	return nil
}

// NormalizeCountry trims s and upper-cases its ASCII letters, so "de " becomes
// "DE".
func NormalizeCountry(s string) string { return upperASCII(strings.TrimSpace(s)) }

// upperASCII upper-cases ASCII letters only. Postcodes and country codes are
// ASCII, and leaving other runes alone keeps normalization idempotent.
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}
