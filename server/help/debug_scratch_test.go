package help

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestDebugScratch(t *testing.T) {
	qs := os.Getenv("DEBUGQ")
	if qs == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	for _, q := range strings.Split(qs, "|") {
		lang, sure := DetectLang(q)
		ex := expand(q, lang)
		fmt.Printf("\n## %q lang=%s sure=%v\n   expanded=%q groups=%v replaced=%q\n", q, lang, sure, ex.Text, ex.Groups, ex.Replaced)
		for _, qt := range s.questionTerms(lang, ex) {
			var ms []string
			for k, v := range qt.matches {
				ms = append(ms, fmt.Sprintf("%s:%.1f(df%d)", k, v, s.vocab[lang].df[k]))
			}
			sort.Strings(ms)
			fmt.Printf("   term %-14s w=%.2f %v\n", qt.stem, qt.weight, ms)
		}
		list, _ := s.rank(context.Background(), q, lang)
		for i, r := range list {
			if i == 6 {
				break
			}
			fmt.Printf("   %-28s score=%.3f conf=%.3f all=%.2f title=%.2f prec=%.2f best=%.2f bm=%.2f matched=%.2f\n", r.d.Slug, r.score, r.confidence, r.all, r.title, r.prec, r.best, r.bm, r.matched)
		}
	}
}

func TestDebugTable(t *testing.T) {
	if os.Getenv("DEBUGT") == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	row := func(q, want string) {
		lang, sure := DetectLang(q)
		langs := []string{lang}
		if !sure {
			langs = languages
		}
		var best []Passage
		for _, l := range langs {
			ps, _ := s.Retrieve(context.Background(), q, l, 3)
			if len(ps) > 0 && (len(best) == 0 || ps[0].Confidence > best[0].Confidence) {
				best = ps
			}
		}
		top, conf := "-", 0.0
		if len(best) > 0 {
			top, conf = best[0].Article.Slug, best[0].Confidence
		}
		mark := "  "
		if top != want {
			mark = "XX"
		}
		fmt.Printf("%s %.3f %-26s %-26s %s\n", mark, conf, top, want, q)
	}
	for _, tc := range accuracyTable {
		row(tc.q, tc.slug)
	}
	for _, q := range unanswerable {
		row(q, "(none)")
	}
}

var held = heldList()

func heldList() []struct{ q, slug string } {
	held := []struct{ q, slug string }{
		{"Is it possible to have two MINI IDs with the same phone number?", "phone-id"},
		{"my login link from the registration mail expired", "confirmation-email-missing"},
		{"how do I know if someone else logged into my account", "security-events"},
		{"I lost my phone, how do I kick it out of my account", "sessions-and-devices"},
		{"can I switch the language to English", "place-of-residence"},
		{"what happens to my data when I delete my account", "delete-mini-id"},
		{"the verification code says it expired", "two-factor-login"},
		{"I didn't receive the password reset email", "forgot-password"},
		{"how do I get the 6-digit code to turn on two-factor", "two-factor-activate"},
		{"Is my password saved in plain text?", "privacy"},
		{"where do I change my date of birth", "personal-data"},
		{"what does the offline note on my profile mean", "offline-and-install"},
		{"Wie kann ich meinen Nachnamen ändern?", "personal-data"},
		{"Ich komme nicht mehr in mein Konto, weil es gesperrt ist", "temporarily-blocked"},
		{"Wie deaktiviere ich die Zwei-Faktor-Anmeldung?", "two-factor-deactivate"},
		{"Kann ich die Sprache auf Deutsch umstellen?", "place-of-residence"},
		{"Wie bekomme ich den Code für die Anmeldung?", "two-factor-login"},
		{"Ich möchte meine neue E-Mail-Adresse als Login verwenden", "change-email"},
		{"Was passiert, wenn ich mein Passwort zurücksetze?", "forgot-password"},
		{"Wo sehe ich, wer sich in mein Konto eingeloggt hat?", "security-events"},
		{"Wie füge ich die Seite zum Startbildschirm hinzu?", "offline-and-install"},
		{"Gibt es schon Passkeys?", "passkeys"},
		{"Ist meine Mobilnummer Pflicht bei der Registrierung?", "register"},
	}
	return held
}

func TestDebugHeldOut(t *testing.T) {
	if os.Getenv("DEBUGH") == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	right := 0
	for _, tc := range held {
		a, _ := s.answerer.Answer(context.Background(), tc.q)
		got := "(none)"
		if a.Found {
			got = a.Article.Slug
		}
		mark := "  "
		if got == tc.slug {
			right++
		} else {
			mark = "XX"
		}
		fmt.Printf("%s %-26s %-26s %s\n", mark, got, tc.slug, tc.q)
	}
	fmt.Printf("held out: %d/%d\n", right, len(held))
}

func TestDebugGrid(t *testing.T) {
	if os.Getenv("DEBUGG") == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	eval := func(list []struct{ q, slug string }) int {
		n := 0
		for _, tc := range list {
			a, _ := s.answerer.Answer(context.Background(), tc.q)
			if a.Found && a.Article.Slug == tc.slug {
				n++
			}
		}
		return n
	}
	var table []struct{ q, slug string }
	for _, tc := range accuracyTable {
		table = append(table, struct{ q, slug string }{tc.q, tc.slug})
	}
	orig := weights
	vals := []float64{0.1, 0.2, 0.3, 0.4}
	for _, a := range vals {
		for _, b := range vals {
			for _, c := range []float64{0, 0.1, 0.2} {
				for _, d := range []float64{0.1, 0.2, 0.3} {
					for _, e := range []float64{0, 0.1, 0.2} {
						weights = [5]float64{a, b, c, d, e}
						fmt.Printf("%v table=%d held=%d\n", weights, eval(table), eval(held))
					}
				}
			}
		}
	}
	weights = orig
}

func TestDebugHeldOut2(t *testing.T) {
	if os.Getenv("DEBUGH2") == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	list := []struct{ q, slug string }{
		{"I want to use a different email for my account", "change-email"},
		{"can the assistant see my account details?", "help-assistant"},
		{"what does the strength bar mean when choosing a password", "register"},
		{"the site logged me out after half an hour", "log-in"},
		{"why is my old address still my login after I changed it", "change-email"},
		{"Is there a way to undo an email change I didn't make?", "change-email"},
		{"will logging out delete my data from this phone?", "offline-and-install"},
		{"Ich habe ein neues Handy, wie melde ich das alte ab?", "sessions-and-devices"},
		{"Kann ich meine Anrede ändern?", "personal-data"},
		{"Wie lange ist der Link zum Zurücksetzen gültig?", "forgot-password"},
		{"Warum muss ich beim Anmelden einen Code eingeben?", "two-factor-login"},
		{"Werden meine Daten nach dem Löschen wirklich entfernt?", "delete-mini-id"},
		{"Wie benutze ich den KI-Assistenten?", "help-assistant"},
		{"Wird mein Passwort verschlüsselt gespeichert?", "privacy"},
		{"How do I book a test drive?", "(none)"},
		{"Where is the nearest MINI dealer?", "(none)"},
		{"Kann ich mein Auto per App aufschließen?", "(none)"},
		{"Welche Reifen passen auf meinen MINI?", "(none)"},
		{"What is the range of the electric MINI?", "(none)"},
		{"Wie wechsle ich das Motoröl?", "(none)"},
	}
	right := 0
	for _, tc := range list {
		a, _ := s.answerer.Answer(context.Background(), tc.q)
		got := "(none)"
		if a.Found {
			got = a.Article.Slug
		}
		mark := "  "
		if got == tc.slug {
			right++
		} else {
			mark = "XX"
		}
		fmt.Printf("%s %-26s %-26s %s\n", mark, got, tc.slug, tc.q)
	}
	fmt.Printf("held out 2: %d/%d\n", right, len(list))
}

func TestDebugAnswers(t *testing.T) {
	qs := os.Getenv("DEBUGA")
	if qs == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	for _, q := range strings.Split(qs, "|") {
		a, err := s.Ask(context.Background(), q)
		fmt.Printf("\n## %q err=%v found=%v lang=%s\n", q, err, a.Found, a.Lang)
		if a.Article != nil {
			fmt.Printf("   article: %s — %s\n", a.Article.Slug, a.Article.Title)
		}
		fmt.Printf("%s\n", a.Answer)
		for _, s := range a.Suggestions {
			fmt.Printf("   suggest: %s (%s)\n", s.Slug, s.FirstLine)
		}
	}
}

func TestDebugSearch(t *testing.T) {
	qs := os.Getenv("DEBUGS")
	if qs == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	for _, q := range strings.Split(qs, "|") {
		lang, q2, _ := strings.Cut(q, ":")
		res, err := s.Search(context.Background(), lang, q2, 5)
		fmt.Printf("\n## %s %q err=%v\n", lang, q2, err)
		for _, r := range res {
			fmt.Printf("   %.3f %s/%s %s\n      %s\n", r.Score, r.Lang, r.Slug, r.Title, r.FragmentHTML)
		}
	}
}
