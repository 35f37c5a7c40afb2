package validate

import (
	"errors"
	"strings"
	"testing"
)

// wantCode fails t unless err carries code; code "" means no error.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := CodeOf(err); got != code {
		t.Errorf("got code %q (err %v), want %q", got, err, code)
	}
	if err != nil && CodeOf(err) == "" {
		t.Errorf("error %v is not a *Error", err)
	}
}

// codeCase is one named scenario of a single-string validator.
type codeCase struct {
	name, in, code string
}

func runCodeCases(t *testing.T, fn func(string) error, cases []codeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantCode(t, fn(tc.in), tc.code) })
	}
}

func TestErrorIsAndCodeOf(t *testing.T) {
	err := Name("")
	if err.Error() != CodeRequired {
		t.Fatalf("Error() = %q", err.Error())
	}
	if !errors.Is(err, &Error{Code: CodeRequired}) || errors.Is(err, &Error{Code: CodeInvalid}) {
		t.Fatal("Is does not compare codes")
	}
	if CodeOf(nil) != "" {
		t.Fatal("CodeOf(nil) != \"\"")
	}
}

func TestFreeText(t *testing.T) {
	long := strings.Repeat("a", MaxStreetLength)
	runCodeCases(t, Street, []codeCase{
		{"street with number", "Petuelring 130", ""},
		{"unicode", "Königstraße 1a", ""},
		{"trimmed", "  Main St 1  ", ""},
		{"at limit", long, ""},
		{"over limit", long + "a", CodeTooLong},
		{"empty", "", CodeRequired},
		{"only spaces", "   ", CodeRequired},
		{"no letter", "123", CodeInvalid},
		{"control char", "Main\x00St", CodeInvalid},
		{"newline inside", "Main\nSt", CodeInvalid},
		{"invalid utf8", "Main \xff", CodeInvalid},
	})
	runCodeCases(t, City, []codeCase{
		{"city", "München", ""},
		{"with hyphen and digits", "Frankfurt am Main 1", ""},
		{"over limit", strings.Repeat("ö", MaxCityLength+1), CodeTooLong},
		{"empty", "", CodeRequired},
		{"digits only", "80788", CodeInvalid},
	})
	runCodeCases(t, Question, []codeCase{
		{"question", "How do I change my e-mail address?", ""},
		{"at limit in runes", strings.Repeat("ü", MaxQuestionLength), ""},
		{"over limit", strings.Repeat("a", MaxQuestionLength+1), CodeTooLong},
		{"only spaces", " \t ", CodeRequired},
	})
}

func TestNormalizeText(t *testing.T) {
	for in, want := range map[string]string{
		"  Anna   Maria ": "Anna Maria",
		"a\t\nb":          "a b",
		"":                "",
	} {
		if got := NormalizeText(in); got != want {
			t.Errorf("NormalizeText(%q) = %q, want %q", in, got, want)
		}
	}
}
