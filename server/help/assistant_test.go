package help

import (
	"context"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

// accuracyTable holds questions as customers ask them (not article titles),
// half in German, each with the article that answers it.
var accuracyTable = []struct {
	q, slug string
}{
	{"I never got the code for logging in", "two-factor-no-code"},
	{"how do I turn on the extra security code when logging in", "two-factor-activate"},
	{"can I use my mobile number to sign in", "phone-id"},
	{"I forgot my password, what now?", "forgot-password"},
	{"it says my account is temporarily blocked", "temporarily-blocked"},
	{"how can I get rid of my account for good", "delete-mini-id"},
	{"I want to switch off two-factor authentication", "two-factor-deactivate"},
	{"where do I enter the code from the email when I log in?", "two-factor-login"},
	{"the confirmation email never arrived after I signed up", "confirmation-email-missing"},
	{"how do I change the email address I log in with", "change-email"},
	{"how can I see which devices are logged into my account", "sessions-and-devices"},
	{"does the app work without internet", "offline-and-install"},
	{"how do you store my password", "privacy"},
	{"can I log in with my fingerprint instead of a password", "passkeys"},
	{"why is the portal in German? I live in the UK", "place-of-residence"},
	{"I moved, how do I update my address?", "personal-data"},
	{"how do I create a new account", "register"},
	{"what can I do with my MINI ID", "what-is-mini-id"},
	{"how do I change my password", "change-password"},
	{"where can I see failed login attempts on my account", "security-events"},
	{"what questions can the AI assistant answer?", "help-assistant"},
	{"I typed the wrong password several times and now I can't get in", "temporarily-blocked"},
	{"does resetting my password turn off two-factor?", "forgot-password"},
	{"how long is the code valid when I log in", "two-factor-login"},
	{"how do I sign in", "log-in"},

	{"wie schalte ich die zwei faktor sache ein", "two-factor-activate"},
	{"Ich bekomme keinen Code per Mail", "two-factor-no-code"},
	{"Passwort vergessen, was tun?", "forgot-password"},
	{"Kann ich mich mit meiner Handynummer anmelden?", "phone-id"},
	{"Mein Konto ist gesperrt, was kann ich tun?", "temporarily-blocked"},
	{"Wie lösche ich mein Konto?", "delete-mini-id"},
	{"Wie kann ich die Zwei-Faktor-Authentifizierung wieder ausschalten?", "two-factor-deactivate"},
	{"Ich habe keine Bestätigungsmail nach der Registrierung bekommen", "confirmation-email-missing"},
	{"Wie ändere ich meine E-Mail-Adresse?", "change-email"},
	{"Wo sehe ich, auf welchen Geräten ich angemeldet bin?", "sessions-and-devices"},
	{"Funktioniert das Portal auch ohne Internet?", "offline-and-install"},
	{"Wie werden meine Daten gespeichert?", "privacy"},
	{"Kann ich mich mit Fingerabdruck anmelden?", "passkeys"},
	{"Warum ist die Seite auf Englisch, obwohl ich in Österreich wohne?", "place-of-residence"},
	{"Ich bin umgezogen, wo ändere ich meine Anschrift?", "personal-data"},
	{"Wie lege ich ein neues Konto an?", "register"},
	{"Wofür brauche ich die MINI ID überhaupt?", "what-is-mini-id"},
	{"Wie kann ich mein Passwort ändern?", "change-password"},
	{"Wo finde ich fehlgeschlagene Anmeldeversuche?", "security-events"},
	{"Wie installiere ich die App auf dem Handy?", "offline-and-install"},
	{"Wie lang darf meine Frage an den KI-Assistenten sein?", "help-assistant"},
	{"Wo gebe ich den Code aus der E-Mail bei der Anmeldung ein?", "two-factor-login"},
	{"Wie lange ist der Code beim Einloggen gültig?", "two-factor-login"},
	{"Wie melde ich mich an?", "log-in"},
	{"Ich habe zu oft das falsche Passwort eingegeben", "temporarily-blocked"},
}

// unanswerable are questions the articles do not answer.
var unanswerable = []string{
	"what's the weather in Munich",
	"Wie viel kostet ein MINI Cooper?",
	"who won the football match yesterday",
	"Wann hat die Werkstatt in Berlin geöffnet?",
	"recommend a good pizza place nearby",
	"Wie wird das Wetter morgen?",
}

func TestAssistantAccuracy(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	ctx := context.Background()
	right := 0
	for _, tc := range accuracyTable {
		a, err := s.answerer.Answer(ctx, tc.q)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		got := "(none)"
		if a.Found {
			got = a.Article.Slug
		}
		if got == tc.slug {
			right++
			continue
		}
		t.Logf("miss: %q → %s (want %s)", tc.q, got, tc.slug)
	}
	pct := 100 * float64(right) / float64(len(accuracyTable))
	t.Logf("assistant accuracy: %d/%d = %.1f%%", right, len(accuracyTable), pct)
	if len(accuracyTable) < 40 {
		t.Errorf("the table has %d questions, want at least 40", len(accuracyTable))
	}
	if pct < 85 {
		t.Errorf("assistant accuracy %.1f%% is below 85%%", pct)
	}
}

func TestAssistantSaysWhenItHasNoAnswer(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, q := range unanswerable {
		a, err := s.answerer.Answer(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Found {
			t.Errorf("%q: answered from %s, want no answer", q, a.Article.Slug)
			continue
		}
		if a.Text != NoAnswer[a.Lang] {
			t.Errorf("%q: text %q, want the no-answer message in %s", q, a.Text, a.Lang)
		}
		if len(a.Suggestions) == 0 || len(a.Suggestions) > 3 {
			t.Errorf("%q: %d suggestions, want 1 to 3", q, len(a.Suggestions))
		}
	}
}
