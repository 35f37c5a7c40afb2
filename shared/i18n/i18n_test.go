package i18n

import (
	"strings"
	"testing"
)

// Every message exists in both languages, and placeholders match.
func TestCatalogueIsComplete(t *testing.T) {
	for _, k := range Keys() {
		v := catalogue[k]
		if strings.TrimSpace(v[0]) == "" || strings.TrimSpace(v[1]) == "" {
			t.Errorf("%s: missing a language: %q", k, v)
		}
		for _, ph := range []string{"{brand}", "{email}", "{time}", "{seconds}", "{phone}", "{net}"} {
			if strings.Contains(v[0], ph) != strings.Contains(v[1], ph) {
				t.Errorf("%s: placeholder %s in one language only", k, ph)
			}
		}
	}
}

func TestTranslateAndBrand(t *testing.T) {
	SetBrand("BMW")
	defer SetBrand("MINI")
	if got := T("de-AT", LoginTitle); got != "Mit Ihrer BMW ID anmelden" {
		t.Fatalf("German with brand: %q", got)
	}
	if got := T("fr", NavHelp); got != "Help" {
		t.Fatalf("fallback to English: %q", got)
	}
	if got := F("en", CodeSentTo, "email", "j•••@example.com"); got != "We have sent an activation code to j•••@example.com" {
		t.Fatalf("placeholder: %q", got)
	}
	if got := T("en", Key("no.such.key")); got != "no.such.key" {
		t.Fatalf("missing key: %q", got)
	}
	if FieldError("en", "password", "weak") == FieldError("en", "password", "nonsense") {
		t.Fatal("field-specific message not used")
	}
}
