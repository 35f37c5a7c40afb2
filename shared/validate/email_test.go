package validate

import (
	"strings"
	"testing"
)

func TestEmail(t *testing.T) {
	local64 := strings.Repeat("a", 64)
	// 64 + 1 + 189 = 254 bytes.
	domain189 := strings.Repeat("b", 63) + "." + strings.Repeat("c", 63) + "." + strings.Repeat("d", 57) + ".com"
	runCodeCases(t, Email, []codeCase{
		{"plain", "jane@example.com", ""},
		{"upper case", "Jane.Doe@Example.COM", ""},
		{"trimmed", "  jane@example.com \n", ""},
		{"plus and dots", "jane.doe+mini@mail.example.co.uk", ""},
		{"specials allowed unquoted", "o'brien!#$%&*=?^_`{|}~/@example.ie", ""},
		{"unicode domain", "jörg@müller.de", ""},
		{"idn tld", "a@example.xn--p1ai", ""},
		{"hyphen inside label", "a@my-mail.example", ""},
		{"digits in domain", "a@123mail.de", ""},
		{"max local", local64 + "@example.com", ""},
		{"max total", local64 + "@" + domain189, ""},
		{"empty", "", CodeRequired},
		{"only spaces", "   ", CodeRequired},
		{"too long total", local64 + "@" + domain189 + "m", CodeTooLong},
		{"too long local", local64 + "a@example.com", CodeTooLong},
		{"no at", "jane.example.com", CodeInvalid},
		{"two ats", "jane@doe@example.com", CodeInvalid},
		{"empty local", "@example.com", CodeInvalid},
		{"empty domain", "jane@", CodeInvalid},
		{"space in local", "ja ne@example.com", CodeInvalid},
		{"tab in local", "ja\tne@example.com", CodeInvalid},
		{"control in local", "ja\x01ne@example.com", CodeInvalid},
		{"zero width in local", "ja\u200bne@example.com", CodeInvalid},
		{"quote in local", `"jane"@example.com`, CodeInvalid},
		{"leading dot", ".jane@example.com", CodeInvalid},
		{"trailing dot", "jane.@example.com", CodeInvalid},
		{"double dot", "ja..ne@example.com", CodeInvalid},
		{"no dot in domain", "jane@localhost", CodeInvalid},
		{"one letter tld", "jane@example.c", CodeInvalid},
		{"digit tld", "jane@example.c0m", CodeInvalid},
		{"numeric tld", "jane@1.2.3.4", CodeInvalid},
		{"ip literal", "jane@[127.0.0.1]", CodeInvalid},
		{"leading hyphen label", "jane@-example.com", CodeInvalid},
		{"trailing hyphen label", "jane@example-.com", CodeInvalid},
		{"empty label", "jane@example..com", CodeInvalid},
		{"trailing dot domain", "jane@example.com.", CodeInvalid},
		{"underscore in domain", "jane@my_mail.com", CodeInvalid},
		{"space in domain", "jane@exa mple.com", CodeInvalid},
		{"bare xn tld", "jane@example.xn--", CodeInvalid},
		{"label over 63", "jane@" + strings.Repeat("x", 64) + ".com", CodeInvalid},
		{"invalid utf8", "ja\xffne@example.com", CodeInvalid},
		{"display name", "Jane <jane@example.com>", CodeInvalid},
	})
}

func TestNormalizeEmail(t *testing.T) {
	if got := NormalizeEmail("  Jane.DOE@Example.COM\t"); got != "jane.doe@example.com" {
		t.Fatalf("got %q", got)
	}
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{
		"jane@example.com", " Jane@Example.COM ", "jörg@müller.de", "a@b.xn--p1ai",
		"a@@b.com", ".a@b.com", "a@b", "", "\xff@a.de", "Ⱥ@example.com", "K@example.com",
		strings.Repeat("a", 64) + "@" + strings.Repeat("b", 185) + ".com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := Email(s)
		n := NormalizeEmail(s)
		if NormalizeEmail(n) != n {
			t.Fatalf("NormalizeEmail not idempotent: %q -> %q -> %q", s, n, NormalizeEmail(n))
		}
		if err != nil {
			if CodeOf(err) == "" {
				t.Fatalf("not an *Error: %v", err)
			}
			return
		}
		if e := Email(n); e != nil {
			t.Fatalf("Email(%q) ok but Email(normalized %q) = %v", s, n, e)
		}
		if strings.Count(n, "@") != 1 || len(n) > MaxEmailLength {
			t.Fatalf("accepted %q: %d '@', %d bytes", n, strings.Count(n, "@"), len(n))
		}
		local, domain, _ := strings.Cut(n, "@")
		if local == "" || len(local) > MaxLocalPartLength || !strings.Contains(domain, ".") ||
			strings.ContainsAny(n, " \t\r\n") || strings.Contains(local, "..") {
			t.Fatalf("accepted bad address %q", n)
		}
	})
}
