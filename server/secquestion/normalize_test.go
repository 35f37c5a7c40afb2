package secquestion

import "testing"

// Case, spaces and accents do not count; everything else does.
func TestNormalize(t *testing.T) {
	same := [][2]string{
		{"Müller", "muller"},
		{"  Lüdenscheidt  Straße ", "ludenscheidt strasse"},
		{"ÉLODIE", "elodie"},
		{"Bello\t\nder  Zweite", "bello der zweite"},
		{"Ångström", "angstrom"},
		{"ﬁat", "fiat"}, // a ligature is its letters
	}
	for _, p := range same {
		if a, b := Normalize(p[0]), Normalize(p[1]); a != b {
			t.Errorf("%q → %q and %q → %q differ", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"Bello", "Bella"},
		{"Mini Cooper", "MiniCooper"},
		{"Ente", "Ente!"},
	}
	for _, p := range differ {
		if Normalize(p[0]) == Normalize(p[1]) {
			t.Errorf("%q and %q became one answer", p[0], p[1])
		}
	}
}
