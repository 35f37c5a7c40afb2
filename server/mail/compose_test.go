package mail_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/mail"
)

// full fills every field, with a brand that is not MINI, so that a
// hard-coded brand shows.
var full = mail.Data{
	Brand:     "ACME",
	Name:      "Anna Müller",
	Link:      "https://id.example.com/confirm?token=abc123&x=1",
	ResetLink: "https://id.example.com/forgot-password",
	Code:      "493817",
	Until:     "27.11.2026 10:15",
	Masked:    "j•••@example.com",
	When:      "1 Dec 2026, 10:15 (CET)",
	Device:    "Firefox · Linux",
	Reason:    "Caller verified by the security question",
}

func lines(s string) []string { return strings.Split(s, "\n") }

func TestComposeEveryKindInBothLanguages(t *testing.T) {
	for _, kind := range mail.Kinds() {
		for _, lang := range []string{"en", "de"} {
			t.Run(string(kind)+"/"+lang, func(t *testing.T) {
				subject, text, html, err := mail.Compose(kind, lang, full)
				if err != nil {
					t.Fatal(err)
				}
				if subject == "" || text == "" {
					t.Fatalf("subject %q, text %q", subject, text)
				}
				for _, part := range []string{subject, text, html} {
					if strings.Contains(part, "{{") || strings.Contains(part, "<no value>") {
						t.Fatalf("template left over in %q", part)
					}
					if strings.Contains(part, "MINI") {
						t.Fatalf("hard-coded brand in %q", part)
					}
				}
				if !strings.Contains(subject+text, "ACME") {
					t.Error("brand missing")
				}
				if kind.Channel() == mail.ChannelSMS {
					if html != "" || len(text) > 160 {
						t.Errorf("SMS: html %q, %d characters", html, len(text))
					}
				} else if !strings.Contains(html, "<html lang=\""+lang+"\"") || !strings.Contains(html, "ACME") {
					t.Errorf("HTML part: %s", html)
				}

				// The code or the link stands alone on a line of the text part.
				switch kind {
				case mail.KindLoginCode, mail.KindTwoFactorOnCode, mail.KindTwoFactorOffCode,
					mail.KindDeleteCode, mail.KindEmailChangeCode, mail.KindPhoneCode,
					mail.KindPasswordChangeCode, mail.KindPhoneChangeCode, mail.KindExportCode, mail.KindSecurityQuestionCode, mail.KindSignInChangeCode:
					if !slices.Contains(lines(text), full.Code) {
						t.Errorf("code not on its own line:\n%s", text)
					}
					if !strings.Contains(text, map[string]string{"en": "10 minutes", "de": "10 Minuten"}[lang]) {
						t.Errorf("validity missing:\n%s", text)
					}
				case mail.KindAccountDeleted, mail.KindSupportConfirmationSent, mail.KindSupportResetSent:
					// No link of their own: the link comes in its own mail.
				default:
					if !slices.Contains(lines(text), full.Link) {
						t.Errorf("link not on its own line:\n%s", text)
					}
				}
				if kind == mail.KindAlreadyRegistered && !slices.Contains(lines(text), full.ResetLink) {
					t.Errorf("reset link not on its own line:\n%s", text)
				}
				if kind == mail.KindBlocked && !strings.Contains(text, full.Until) {
					t.Errorf("block end missing:\n%s", text)
				}
				// The outbox keeps the subject after delivery (store.MarkOutboxSent
				// blanks only the bodies), so no subject may carry a secret.
				if strings.Contains(subject, full.Code) || strings.Contains(subject, "token=") || strings.Contains(subject, full.Link) {
					t.Errorf("a code or link in the subject %q", subject)
				}
				if kind == mail.KindEmailChangedNotice || kind == mail.KindPhoneAdded {
					if !strings.Contains(text, full.Masked) {
						t.Errorf("masked address missing:\n%s", text)
					}
				}
			})
		}
	}
}

func TestComposeStatesValidity(t *testing.T) {
	for _, tc := range []struct {
		kind mail.Kind
		lang string
		want string
	}{
		{mail.KindConfirmEmail, "en", "valid for 24 hours"},
		{mail.KindConfirmEmail, "de", "24 Stunden gültig"},
		{mail.KindPasswordReset, "en", "valid for 1 hour"},
		{mail.KindPasswordReset, "de", "1 Stunde gültig"},
		{mail.KindEmailChangeConfirm, "en", "valid for 24 hours"},
		{mail.KindEmailChangedNotice, "de", "72 Stunden gültig"},
		{mail.KindLoginCode, "en", "valid for 10 minutes"},
		{mail.KindDeleteCode, "de", "10 Minuten gültig"},
	} {
		_, text, _, err := mail.Compose(tc.kind, tc.lang, full)
		if err != nil || !strings.Contains(text, tc.want) {
			t.Errorf("%s/%s: %v, text lacks %q:\n%s", tc.kind, tc.lang, err, tc.want, text)
		}
	}
	d := full
	d.Minutes = 5
	if _, text, _, _ := mail.Compose(mail.KindLoginCode, "en", d); !strings.Contains(text, "valid for 5 minutes") {
		t.Errorf("Data.Minutes ignored:\n%s", text)
	}
}

func TestComposeLanguages(t *testing.T) {
	en, _, _, _ := mail.Compose(mail.KindPasswordChanged, "en", full)
	de, _, _, _ := mail.Compose(mail.KindPasswordChanged, "de-AT", full)
	fr, _, _, _ := mail.Compose(mail.KindPasswordChanged, "fr", full)
	if en != fr || en == de || !strings.Contains(de, "geändert") {
		t.Fatalf("en %q, de %q, fr %q", en, de, fr)
	}
}

func TestComposeEscapesTheHTMLPart(t *testing.T) {
	d := full
	d.Name = `<img src=x onerror="alert(1)">`
	_, text, html, err := mail.Compose(mail.KindConfirmEmail, "en", d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, "<img") || !strings.Contains(html, "&lt;img") {
		t.Fatalf("HTML part not escaped:\n%s", html)
	}
	if !strings.Contains(text, d.Name) {
		t.Fatal("the text part is plain text and keeps the name as it is")
	}
}

func TestComposeRefusesMissingData(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind mail.Kind
		d    mail.Data
	}{
		{"no brand", mail.KindLoginCode, mail.Data{Code: "123456"}},
		{"no code", mail.KindLoginCode, mail.Data{Brand: "ACME"}},
		{"no link", mail.KindPasswordReset, mail.Data{Brand: "ACME"}},
		{"no reset link", mail.KindAlreadyRegistered, mail.Data{Brand: "ACME", Link: "https://x"}},
		{"no end of block", mail.KindBlocked, mail.Data{Brand: "ACME", Link: "https://x"}},
		{"no new address", mail.KindEmailChangedNotice, mail.Data{Brand: "ACME", Link: "https://x"}},
		{"unknown kind", mail.Kind("newsletter"), full},
		{"not a web link", mail.KindPasswordReset, mail.Data{Brand: "ACME", Link: "javascript:alert(1)"}},
	} {
		if _, _, _, err := mail.Compose(tc.kind, "en", tc.d); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	// Optional links are left out, not printed empty.
	_, text, html, err := mail.Compose(mail.KindPasswordChanged, "en", mail.Data{Brand: "ACME"})
	if err != nil || strings.Contains(html, `href=""`) || strings.Contains(text, "\n\n\n") {
		t.Fatalf("%v\n%s\n%s", err, text, html)
	}
}
