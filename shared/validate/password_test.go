package validate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPassword(t *testing.T) {
	runCodeCases(t, Password, []codeCase{
		{"empty", "", CodeRequired},
		{"7 ascii", "abcdefg", CodeTooShort},
		{"8 ascii", "abcdefgh", ""},
		{"7 runes but 14 bytes", strings.Repeat("ä", 7), CodeTooShort},
		{"8 runes multi-byte", strings.Repeat("ä", 8), ""},
		{"8 emoji", strings.Repeat("🔑", 8), ""},
		{"128 runes", strings.Repeat("€", 128), ""},
		{"129 runes", strings.Repeat("€", 129), CodeTooLong},
		{"128 ascii", strings.Repeat("a", 128), ""},
		{"129 ascii", strings.Repeat("a", 129), CodeTooLong},
		{"no composition rules", "aaaaaaaa", ""},
		{"spaces count, no trim", "   ab   ", ""},
		{"only spaces", "        ", ""},
		{"invalid utf8", "abcdefg\xff", CodeInvalid},
	})
}

func FuzzPassword(f *testing.F) {
	for _, s := range []string{"", "abcdefg", "abcdefgh", strings.Repeat("ä", 8), strings.Repeat("a", 129), "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := Password(s)
		n := utf8.RuneCountInString(s)
		switch CodeOf(err) {
		case "":
			if err != nil || !utf8.ValidString(s) || n < MinPasswordLength || n > MaxPasswordLength {
				t.Fatalf("accepted %q (%d runes)", s, n)
			}
		case CodeRequired:
			if s != "" {
				t.Fatalf("required for %q", s)
			}
		case CodeTooShort:
			if n >= MinPasswordLength {
				t.Fatalf("too short for %d runes", n)
			}
		case CodeTooLong:
			if n <= MaxPasswordLength {
				t.Fatalf("too long for %d runes", n)
			}
		case CodeInvalid:
			if utf8.ValidString(s) {
				t.Fatalf("invalid for valid UTF-8 %q", s)
			}
		default:
			t.Fatalf("unexpected %v", err)
		}
	})
}
