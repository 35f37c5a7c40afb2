package validate

import "testing"

func TestIdentifier(t *testing.T) {
	for _, tc := range []struct {
		name, in, kind, norm, code string
	}{
		{"email", " Jane@Example.com ", KindEmail, "jane@example.com", ""},
		{"bad email", "jane@localhost", KindEmail, "jane@localhost", CodeInvalid},
		{"phone", "+49 171 1234567", KindPhone, "+491711234567", ""},
		{"phone with 00", "0049 171 1234567", KindPhone, "+491711234567", ""},
		{"national phone", "0171 1234567", KindPhone, "01711234567", CodeInvalid},
		{"short phone", "+123", KindPhone, "+123", CodeTooShort},
		{"user name", "jane", "", "", CodeInvalid},
		{"parenthesis first", "(0171) 1234567", "", "", CodeInvalid},
		{"empty", "  ", "", "", CodeRequired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kind, norm, err := Identifier(tc.in)
			if kind != tc.kind || norm != tc.norm {
				t.Errorf("got (%q, %q), want (%q, %q)", kind, norm, tc.kind, tc.norm)
			}
			wantCode(t, err, tc.code)
		})
	}
}

func FuzzIdentifier(f *testing.F) {
	for _, s := range []string{"jane@example.com", "+491711234567", "0049 171 1234567", "jane", "", "1@a.de", "+@x.de", " \t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, norm, err := Identifier(s)
		if err != nil && CodeOf(err) == "" {
			t.Fatalf("not an *Error: %v", err)
		}
		switch kind {
		case KindEmail:
			if norm != NormalizeEmail(s) || CodeOf(err) != CodeOf(Email(s)) {
				t.Fatalf("email %q: (%q, %v)", s, norm, err)
			}
		case KindPhone:
			if norm != NormalizePhone(s) || CodeOf(err) != CodeOf(Phone(s)) {
				t.Fatalf("phone %q: (%q, %v)", s, norm, err)
			}
		case "":
			if err == nil || norm != "" {
				t.Fatalf("no kind but (%q, %v)", norm, err)
			}
			return
		default:
			t.Fatalf("unknown kind %q", kind)
		}
		if err != nil {
			return
		}
		// An accepted identifier, normalized, is the same identifier.
		k2, n2, err2 := Identifier(norm)
		if k2 != kind || n2 != norm || err2 != nil {
			t.Fatalf("Identifier(%q) = (%q, %q, %v), then Identifier(%q) = (%q, %q, %v)", s, kind, norm, err, norm, k2, n2, err2)
		}
	})
}
