package validate

import (
	"testing"
)

func TestCode(t *testing.T) {
	runCodeCases(t, Code, []codeCase{
		{"six digits", "123456", ""},
		{"leading zeros", "000000", ""},
		{"pasted with space", "123 456", ""},
		{"surrounding space", " 123456\n", ""},
		{"empty", "", CodeRequired},
		{"spaces", "  ", CodeRequired},
		{"five", "12345", CodeInvalid},
		{"seven", "1234567", CodeInvalid},
		{"letter", "12345a", CodeInvalid},
		{"hyphen", "123-456", CodeInvalid},
		{"full-width digits", "１２３４５６", CodeInvalid},
	})
	if got := NormalizeCode(" 123 456 "); got != "123456" {
		t.Fatalf("NormalizeCode = %q", got)
	}
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{"123456", "123 456", " 000000 ", "12345", "1234567", "١٢٣٤٥٦", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := Code(s)
		n := NormalizeCode(s)
		if NormalizeCode(n) != n {
			t.Fatalf("not idempotent: %q -> %q", n, NormalizeCode(n))
		}
		if err != nil {
			if CodeOf(err) == "" {
				t.Fatalf("not an *Error: %v", err)
			}
			return
		}
		if len(n) != CodeLength {
			t.Fatalf("accepted %q of length %d", n, len(n))
		}
		for i := 0; i < len(n); i++ {
			if n[i] < '0' || n[i] > '9' {
				t.Fatalf("accepted %q", n)
			}
		}
		if Code(n) != nil {
			t.Fatalf("normalized %q refused", n)
		}
	})
}
