package validate

import (
	"regexp"
	"testing"
)

func TestPhone(t *testing.T) {
	runCodeCases(t, Phone, []codeCase{
		{"e164", "+491711234567", ""},
		{"spaces", "+49 171 1234567", ""},
		{"hyphens dots parens", "+1 (415) 555-01.23", ""},
		{"trunk zero dropped", "+49 (0)171 1234567", ""},
		{"00 prefix", "0049 171 1234567", ""},
		{"8 digits", "+12345678", ""},
		{"15 digits", "+123456789012345", ""},
		{"7 digits", "+1234567", CodeTooShort},
		{"16 digits", "+1234567890123456", CodeTooLong},
		{"empty", "", CodeRequired},
		{"only separators", " - ", CodeRequired},
		{"national", "0171 1234567", CodeInvalid},
		{"leading zero after plus", "+0171234567", CodeInvalid},
		{"plus only", "+", CodeInvalid},
		{"letters", "+49 171 CALLME", CodeInvalid},
		{"two plus", "++491711234567", CodeInvalid},
		{"plus inside", "49+1711234567", CodeInvalid},
		{"slash", "+49 171/1234567", CodeInvalid},
		{"arabic-indic digits", "+٤٩١٧١١٢٣٤٥٦٧", CodeInvalid},
	})
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"+49 (0)171 123-45.67": "+491711234567",
		"0049 171 1234567":     "+491711234567",
		" +1 (415) 555 0123 ":  "+14155550123",
		"0171 1234567":         "01711234567",
	} {
		if got := NormalizePhone(in); got != want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", in, got, want)
		}
	}
}

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{7,14}$`)

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"+491711234567", "0049 171 1234567", "+49 (0)171 1234567", "+1234567", "+1234567890123456", "((0))", "000049", "+\u00a01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := Phone(s)
		n := NormalizePhone(s)
		if NormalizePhone(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, NormalizePhone(n))
		}
		if (err == nil) != e164.MatchString(n) {
			t.Fatalf("Phone(%q) = %v but normalized %q matches E.164: %v", s, err, n, e164.MatchString(n))
		}
		if err != nil && CodeOf(err) == "" {
			t.Fatalf("not an *Error: %v", err)
		}
		if err == nil && Phone(n) != nil {
			t.Fatalf("normalized %q refused", n)
		}
	})
}
