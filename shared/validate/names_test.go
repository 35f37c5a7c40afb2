package validate

import (
	"strings"
	"testing"
	"unicode"
)

func TestName(t *testing.T) {
	runCodeCases(t, Name, []codeCase{
		{"ascii", "Jane", ""},
		{"diaeresis", "Zoë", ""},
		{"decomposed diaeresis", "Zoe\u0308", ""},
		{"polish", "Łukasz", ""},
		{"typographic apostrophe", "O’Brien", ""},
		{"ascii apostrophe", "O'Brien", ""},
		{"hyphen and accents", "José-María", ""},
		{"spaces and period", "Martin L. King", ""},
		{"greek", "Σωκράτης", ""},
		{"cyrillic", "Пётр", ""},
		{"japanese", "山田", ""},
		{"devanagari with marks", "देवनागरी", ""},
		{"trimmed", "  Anna ", ""},
		{"one letter", "Ö", ""},
		{"at limit", strings.Repeat("ß", MaxNameLength), ""},
		{"over limit", strings.Repeat("ß", MaxNameLength+1), CodeTooLong},
		{"empty", "", CodeRequired},
		{"only spaces", "  ", CodeRequired},
		{"digit", "Jane2", CodeInvalid},
		{"no letter", "-'.", CodeInvalid},
		{"leading combining mark", "\u0308a", CodeInvalid},
		{"emoji", "Jane 🙂", CodeInvalid},
		{"at sign", "jane@example", CodeInvalid},
		{"tab", "Jane\tDoe", CodeInvalid},
		{"comma", "Doe, Jane", CodeInvalid},
		{"invalid utf8", "Jan\xffe", CodeInvalid},
	})
}

func TestOptionalTitle(t *testing.T) {
	runCodeCases(t, OptionalTitle, []codeCase{
		{"empty", "", ""},
		{"spaces", "   ", ""},
		{"dr", "Dr.", ""},
		{"prof dr", "Prof. Dr.", ""},
		{"dr rer nat", "Dr. rer. nat.", ""},
		{"dr ing", "Dr.-Ing.", ""},
		{"at limit", strings.Repeat("a", MaxTitleLength), ""},
		{"over limit", strings.Repeat("a", MaxTitleLength+1), CodeTooLong},
		{"digit", "Dr. 2", CodeInvalid},
		{"apostrophe", "D'r", CodeInvalid},
		{"only period", ".", CodeInvalid},
	})
}

func TestSalutation(t *testing.T) {
	cases := []codeCase{{"empty", "", CodeRequired}, {"unknown", "mrs", CodeInvalid}, {"case matters", "MR", CodeInvalid}}
	for _, s := range Salutations {
		cases = append(cases, codeCase{s, s, ""})
	}
	runCodeCases(t, Salutation, cases)
}

func FuzzName(f *testing.F) {
	for _, s := range []string{"Zoë", "Łukasz", "O’Brien", "José-María", "  a  b ", "", ".", "\u0308", "Dr.-Ing.", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeText(s)
		if NormalizeText(n) != n {
			t.Fatalf("NormalizeText not idempotent: %q -> %q", n, NormalizeText(n))
		}
		for _, v := range []struct {
			name string
			fn   func(string) error
		}{{"Name", Name}, {"OptionalTitle", OptionalTitle}, {"Street", Street}, {"City", City}, {"Question", Question}} {
			err := v.fn(s)
			if err != nil && CodeOf(err) == "" {
				t.Fatalf("%s: not an *Error: %v", v.name, err)
			}
			if err == nil {
				if e := v.fn(n); e != nil {
					t.Fatalf("%s(%q) ok but %s(normalized %q) = %v", v.name, s, v.name, n, e)
				}
			}
		}
		if Name(s) == nil {
			// Name trims, so only the inside must be clean.
			letter := false
			for _, r := range strings.TrimSpace(s) {
				letter = letter || unicode.IsLetter(r)
				if unicode.IsDigit(r) || unicode.IsControl(r) {
					t.Fatalf("Name accepted %q", s)
				}
			}
			if !letter {
				t.Fatalf("Name accepted %q without a letter", s)
			}
		}
	})
}
