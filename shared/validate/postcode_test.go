package validate

import (
	"strings"
	"testing"
)

type postcodeCase struct {
	country, in, code, norm string // norm "" means NormalizePostcode is not checked
}

var postcodeCases = []postcodeCase{
	{"AT", "1010", "", "1010"},
	{"AT", "101", CodeInvalid, ""},
	{"AT", "10100", CodeInvalid, ""},
	{"BE", "1000", "", "1000"},
	{"BE", "1000A", CodeInvalid, ""},
	{"CH", " 8001 ", "", "8001"},
	{"CH", "80O1", CodeInvalid, ""},
	{"DE", "80788", "", "80788"},
	{"DE", "01067", "", "01067"},
	{"DE", "8078", CodeInvalid, ""},
	{"DE", "807 88", CodeInvalid, ""},
	{"DE", "D-80788", CodeInvalid, ""},
	{"DK", "1050", "", "1050"},
	{"DK", "DK-1050", CodeInvalid, ""},
	{"ES", "28013", "", "28013"},
	{"ES", "01001", "", "01001"},
	{"ES", "52001", "", "52001"},
	{"ES", "53001", CodeInvalid, ""},
	{"ES", "00123", CodeInvalid, ""},
	{"FR", "75008", "", "75008"},
	{"FR", "7500", CodeInvalid, ""},
	{"GB", "SW1A 1AA", "", "SW1A 1AA"},
	{"GB", "sw1a1aa", "", "SW1A 1AA"},
	{"GB", "M1 1AE", "", "M1 1AE"},
	{"GB", "B33 8TH", "", "B33 8TH"},
	{"GB", "CR2 6XH", "", "CR2 6XH"},
	{"GB", "DN55 1PT", "", "DN55 1PT"},
	{"GB", "EC1A 1BB", "", "EC1A 1BB"},
	{"GB", "W1A 0AX", "", "W1A 0AX"},
	{"GB", "gir 0aa", "", "GIR 0AA"},
	{"GB", "SW1A  1AA", CodeInvalid, ""},
	{"GB", "SW 1A1AA", CodeInvalid, ""},
	{"GB", "SW1A 1A", CodeInvalid, ""},
	{"GB", "QA1 1AA", CodeInvalid, ""},  // Q never first
	{"GB", "AI1 1AA", CodeInvalid, ""},  // I never second
	{"GB", "M1 1AC", CodeInvalid, ""},   // C never in the inward code
	{"GB", "W1I 0AX", CodeInvalid, ""},  // I not allowed third in A9A
	{"GB", "EC1C 1BB", CodeInvalid, ""}, // C not allowed fourth in AA9A
	{"GB", "1A1 1AA", CodeInvalid, ""},
	{"GB", "SW123 1AA", CodeInvalid, ""},
	{"IE", "A65 F4E2", "", "A65 F4E2"},
	{"IE", "a65f4e2", "", "A65 F4E2"},
	{"IE", "D6W 1234", "", "D6W 1234"},
	{"IE", "D02 X285", "", "D02 X285"},
	{"IE", "B65 F4E2", CodeInvalid, ""}, // B is no routing letter
	{"IE", "A65 F4B2", CodeInvalid, ""},
	{"IE", "A65F4E", CodeInvalid, ""},
	{"IE", "A65F 4E2", CodeInvalid, ""},
	{"IT", "00184", "", "00184"},
	{"IT", "0018", CodeInvalid, ""},
	{"LU", "1009", "", "1009"},
	{"LU", "L-1009", CodeInvalid, ""},
	{"NL", "1234 AB", "", "1234 AB"},
	{"NL", "1234ab", "", "1234 AB"},
	{"NL", "1234 ab", "", "1234 AB"},
	{"NL", "0123 AB", CodeInvalid, ""},
	{"NL", "1234 A", CodeInvalid, ""},
	{"NL", "1234  AB", CodeInvalid, ""},
	{"NL", "12345", CodeInvalid, ""},
	{"NO", "0150", "", "0150"},
	{"NO", "015", CodeInvalid, ""},
	{"PL", "00-950", "", "00-950"},
	{"PL", "00950", "", "00-950"},
	{"PL", "009-50", CodeInvalid, ""},
	{"PL", "00 950", CodeInvalid, ""},
	{"PT", "1000-001", "", "1000-001"},
	{"PT", "1000001", "", "1000-001"},
	{"PT", "1000-01", CodeInvalid, ""},
	{"SE", "114 55", "", "114 55"},
	{"SE", "11455", "", "114 55"},
	{"SE", "1145 5", CodeInvalid, ""},
	{"SE", "1145", CodeInvalid, ""},
	{"US", "90210", "", "90210"},
	{"US", "90210-1234", "", "90210-1234"},
	{"US", "902101234", "", "90210-1234"},
	{"US", "90210-", CodeInvalid, ""},
	{"US", "9021-01234", CodeInvalid, ""},
	{"US", "90210-123", CodeInvalid, ""},
	{"DE", "", CodeRequired, ""},
	{"GB", "   ", CodeRequired, ""},
	{"XX", "12345", CodeNotAllowed, ""},
	{"de", "80788", CodeNotAllowed, ""},
	{"", "80788", CodeRequired, ""},
}

func TestPostcode(t *testing.T) {
	for _, tc := range postcodeCases {
		t.Run(tc.country+" "+tc.in, func(t *testing.T) {
			wantCode(t, Postcode(tc.country, tc.in), tc.code)
			if tc.norm != "" {
				if got := NormalizePostcode(tc.country, tc.in); got != tc.norm {
					t.Errorf("NormalizePostcode = %q, want %q", got, tc.norm)
				}
			}
		})
	}
}

// Every supported country has a postcode rule and both a valid and an invalid
// example above.
func TestPostcodeCoversCountries(t *testing.T) {
	for _, c := range Countries {
		if _, ok := postcodeFormats[c]; !ok {
			t.Errorf("%s has no postcode format", c)
		}
		var valid, invalid bool
		for _, tc := range postcodeCases {
			if tc.country == c {
				valid = valid || tc.code == ""
				invalid = invalid || tc.code == CodeInvalid
			}
		}
		if !valid || !invalid {
			t.Errorf("%s lacks a valid or invalid example", c)
		}
	}
	if len(postcodeFormats) != len(Countries) {
		t.Errorf("%d formats for %d countries", len(postcodeFormats), len(Countries))
	}
}

func TestCountry(t *testing.T) {
	runCodeCases(t, Country, []codeCase{
		{"germany", "DE", ""},
		{"empty", "", CodeRequired},
		{"unsupported", "JP", CodeNotAllowed},
		{"lower case", "de", CodeNotAllowed},
	})
	if NormalizeCountry(" de ") != "DE" {
		t.Fatal("NormalizeCountry")
	}
}

func FuzzPostcode(f *testing.F) {
	for _, tc := range postcodeCases {
		f.Add(tc.country, tc.in)
	}
	f.Add("GB", "a")
	f.Add("US", "-")
	f.Add("SE", " ")
	f.Fuzz(func(t *testing.T, country, s string) {
		err := Postcode(country, s)
		n := NormalizePostcode(country, s)
		if NormalizePostcode(country, n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, NormalizePostcode(country, n))
		}
		if err != nil {
			if CodeOf(err) == "" {
				t.Fatalf("not an *Error: %v", err)
			}
			return
		}
		if e := Postcode(country, n); e != nil {
			t.Fatalf("Postcode(%s, %q) ok but normalized %q = %v", country, s, n, e)
		}
		if n != strings.ToUpper(n) || strings.TrimSpace(n) != n || strings.Contains(n, "  ") || len(n) > 10 {
			t.Fatalf("odd canonical form %q", n)
		}
	})
}
