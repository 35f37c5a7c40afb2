package help

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

var allSlugs = []string{
	"what-is-mini-id", "register", "confirmation-email-missing", "log-in", "forgot-password",
	"temporarily-blocked", "two-factor-activate", "two-factor-login", "two-factor-no-code",
	"two-factor-deactivate", "change-email", "phone-id", "change-password", "personal-data",
	"place-of-residence", "delete-mini-id", "passkeys", "sessions-and-devices", "security-events",
	"offline-and-install", "privacy", "help-assistant", "connected-apps",
	"security-question", "download-my-data",
	"authenticator-app", "recovery-codes",
}

func TestParseEmbeddedArticles(t *testing.T) {
	arts, err := Parse(Articles())
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2*len(allSlugs) {
		t.Fatalf("%d articles, want %d", len(arts), 2*len(allSlugs))
	}
	have := map[string]bool{}
	for _, a := range arts {
		have[a.Lang+"/"+a.Slug] = true
		b := a.WithBrand("BMW")
		for _, s := range []string{b.Title, b.Topic, b.Body} {
			if strings.Contains(s, "{brand}") || strings.Contains(s, "MINI") {
				t.Errorf("%s/%s: brand not configurable: %.60q", a.Lang, a.Slug, s)
			}
		}
		for _, seg := range strings.Split(a.Topic, "/") {
			if _, ok := germanTopics[seg]; !ok && !strings.Contains(seg, "{brand}") {
				t.Errorf("%s/%s: topic segment %q has no German name", a.Lang, a.Slug, seg)
			}
		}
	}
	for _, s := range allSlugs {
		for _, lang := range languages {
			if !have[lang+"/"+s] {
				t.Errorf("missing %s/%s", lang, s)
			}
		}
	}
}

// The key article uses the exact words of the screens, in both languages.
func TestTwoFactorArticleUsesTheScreensWords(t *testing.T) {
	fsys := Articles()
	want := map[string][]string{
		"en/two-factor-activate.md": {`"My profile"`, `"Account data"`, `"Edit"`, `"TWO-FACTOR AUTHENTICATION"`, `"Activate"`,
			`"NEXT"`, `"Activation code"`, `"Two-factor authentication is now activated."`, `"Activated"`, `"Not activated"`, "6-digit", "10 minutes"},
		"de/two-factor-activate.md": {"„Mein Profil“", "„Kontodaten“", "„Bearbeiten“", "„ZWEI-FAKTOR-AUTHENTIFIZIERUNG“", "„Aktivieren“",
			"„WEITER“", "„Aktivierungscode“", "„Die Zwei-Faktor-Authentifizierung ist jetzt aktiviert.“", "„Aktiviert“", "„Nicht aktiviert“", "6-stellig", "10 Minuten"},
		"en/two-factor-login.md": {`"Activation code"`, `"Confirm"`, "Request a new one", "30 seconds", "5 times an hour", "5 wrong entries"},
		"de/two-factor-login.md": {"„Aktivierungscode“", "„Bestätigen“", "Neuen Code anfordern", "30 Sekunden", "5-mal pro Stunde"},
		"en/log-in.md":           {`"E-mail address or Phone ID"`, `"Password"`, `"Log in"`, `"Forgot password?"`, `"Register now"`},
		"de/log-in.md":           {"„E-Mail-Adresse oder Phone ID“", "„Passwort“", "„Anmelden“", "„Passwort vergessen?“", "„Jetzt registrieren“"},
	}
	for name, words := range want {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s does not say %s", name, w)
			}
		}
	}
}

func article(slug, lang, topic, related, body string) string {
	return "---\nslug: " + slug + "\nlang: " + lang + "\ntopic: " + topic + "\ntitle: Title of " + slug +
		"\nrelated: " + related + "\n---\n" + body + "\n"
}

// goodFS is a minimal valid set: two slugs in both languages.
func goodFS() fstest.MapFS {
	return fstest.MapFS{
		"en/a.md": {Data: []byte(article("a", "en", "Account/Login", "b", "Body of a."))},
		"de/a.md": {Data: []byte(article("a", "de", "Account/Login", "b", "Text von a."))},
		"en/b.md": {Data: []byte(article("b", "en", "Account", "a", "Body of b."))},
		"de/b.md": {Data: []byte(article("b", "de", "Account", "a", "Text von b."))},
	}
}

func TestParseAcceptsAGoodSet(t *testing.T) {
	arts, err := Parse(goodFS())
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 4 || arts[0].Slug != "a" || arts[0].Related[0] != "b" || arts[0].Body != "Text von a." {
		t.Fatalf("parsed %+v", arts)
	}
}

// withFront adds lines to the end of an article's front matter.
func withFront(article, lines string) string {
	return strings.Replace(article, "\n---\n", "\n"+lines+"\n---\n", 1)
}

func TestParseReadsIntentAndExampleQuestions(t *testing.T) {
	m := goodFS()
	front := "intent: delete\nquestions:\n- How do I close it?\n  - \"Can I get rid of it?\""
	m["en/b.md"] = &fstest.MapFile{Data: []byte(withFront(article("b", "en", "Account", "a", "Body of b."), front))}
	m["de/b.md"] = &fstest.MapFile{Data: []byte(withFront(article("b", "de", "Account", "a", "Text von b."), "intent: delete"))}
	arts, err := Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	var b Article
	for _, a := range arts {
		if a.Slug == "b" && a.Lang == English {
			b = a
		}
	}
	if b.Intent != "delete" || len(b.Questions) != 2 || b.Questions[0] != "How do I close it?" || b.Questions[1] != "Can I get rid of it?" || b.Body != "Body of b." {
		t.Fatalf("parsed %+v", b)
	}
}

func TestParseRejectsBrokenArticles(t *testing.T) {
	tests := []struct {
		name    string
		change  func(fstest.MapFS)
		wantErr string
	}{
		{"slug does not match the file name", func(m fstest.MapFS) {
			m["en/a.md"] = &fstest.MapFile{Data: []byte(article("x", "en", "Account/Login", "b", "Body."))}
		}, `en/a.md: slug "x" does not match the file name "a"`},
		{"bad slug", func(m fstest.MapFS) {
			m["en/A_b.md"] = &fstest.MapFile{Data: []byte(article("A_b", "en", "Account", "", "Body."))}
			m["de/A_b.md"] = &fstest.MapFile{Data: []byte(article("A_b", "de", "Account", "", "Text."))}
		}, `slug "A_b" is not lower-case words joined by hyphens`},
		{"missing translation", func(m fstest.MapFS) {
			delete(m, "de/b.md")
		}, `article "b" has no de translation`},
		{"unknown related slug", func(m fstest.MapFS) {
			m["en/a.md"] = &fstest.MapFile{Data: []byte(article("a", "en", "Account/Login", "b, nope", "Body."))}
		}, `en/a.md: related slug "nope" does not exist in en`},
		{"lang does not match the folder", func(m fstest.MapFS) {
			m["en/a.md"] = &fstest.MapFile{Data: []byte(article("a", "de", "Account/Login", "b", "Body."))}
		}, `en/a.md: lang "de" does not match the folder "en"`},
		{"folder is not a language", func(m fstest.MapFS) {
			m["fr/a.md"] = &fstest.MapFile{Data: []byte(article("a", "fr", "Account/Login", "b", "Corps."))}
		}, `fr/a.md: folder "fr" is not a language`},
		{"empty title", func(m fstest.MapFS) {
			m["en/a.md"] = &fstest.MapFile{Data: []byte("---\nslug: a\nlang: en\ntopic: Account\ntitle:\nrelated: b\n---\nBody.\n")}
		}, "en/a.md: title is empty"},
		{"empty body", func(m fstest.MapFS) {
			m["de/a.md"] = &fstest.MapFile{Data: []byte(article("a", "de", "Account/Login", "b", "  "))}
		}, "de/a.md: body is empty"},
		{"no front matter", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte("# Just a heading\n")}
		}, "en/b.md: front matter missing"},
		{"front matter not closed", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte("---\nslug: b\nlang: en\n")}
		}, "en/b.md: front matter is not closed"},
		{"unknown key", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte("---\nslug: b\nlang: en\ntopic: Account\ntitle: B\nrelated: a\nauthor: me\n---\nBody.\n")}
		}, `en/b.md: front matter key "author" is unknown`},
		{"topic differs between languages", func(m fstest.MapFS) {
			m["de/b.md"] = &fstest.MapFile{Data: []byte(article("b", "de", "Konto", "a", "Text."))}
		}, `article "b" has topic "Account" in en but "Konto" in de`},
		{"related differs between languages", func(m fstest.MapFS) {
			m["de/b.md"] = &fstest.MapFile{Data: []byte(article("b", "de", "Account", "", "Text."))}
		}, `article "b" relates to [a] in en but [] in de`},
		{"unknown intent", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte(withFront(article("b", "en", "Account", "a", "Body."), "intent: fly"))}
		}, `en/b.md: intent "fly" is unknown`},
		{"intent differs between languages", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte(withFront(article("b", "en", "Account", "a", "Body."), "intent: delete"))}
		}, `article "b" has intent "delete" in en but "" in de`},
		{"list item outside a list", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte(withFront(article("b", "en", "Account", "a", "Body."), "- a question"))}
		}, `is a list item outside a list`},
		{"empty example question", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte(withFront(article("b", "en", "Account", "a", "Body."), "questions:\n- \"\""))}
		}, "en/b.md: an example question is empty"},
		{"relates to itself", func(m fstest.MapFS) {
			m["en/b.md"] = &fstest.MapFile{Data: []byte(article("b", "en", "Account", "a, b", "Body."))}
		}, "en/b.md: related lists the article itself"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := goodFS()
			tc.change(m)
			_, err := Parse(m)
			if err == nil {
				t.Fatalf("Parse accepted it, want an error with %q", tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %q\nwant it to contain %q", err, tc.wantErr)
			}
		})
	}
}

func TestParseReportsEveryProblemAtOnce(t *testing.T) {
	m := goodFS()
	m["en/a.md"] = &fstest.MapFile{Data: []byte(article("x", "de", "Account/Login", "b", "Body."))}
	delete(m, "de/b.md")
	_, err := Parse(m)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"does not match the file name", "does not match the folder", `article "b" has no de translation`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
