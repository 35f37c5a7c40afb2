package e2e

import (
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// passkeyWords are the screens' words in one language.
type passkeyWords struct {
	country, postcode                                  string
	password, next, code, confirm, close, logOut, menu string
	createPasskey, passkeyName, ready, withPasskey     string
	myProfile, remove, removed, refused, usePasskey    string
	passkeys, none                                     string
}

var passkeyLanguages = []passkeyWords{
	{country: "GB", postcode: "SW1A 1AA", password: "Password", next: "NEXT", code: "Activation code", confirm: "Confirm",
		close: "Close", logOut: "Log out", menu: "Profile menu", createPasskey: "Create passkey", passkeyName: "Name of the passkey",
		ready: "Your passkey “Work laptop” is ready.", withPasskey: "Log in with a passkey", myProfile: "My profile",
		remove: "Remove", removed: "The passkey “Work laptop” was removed.", refused: "This passkey was not accepted.",
		usePasskey: "Use a passkey instead", passkeys: "PASSKEYS", none: "No passkey yet."},
	{country: "DE", postcode: "80809", password: "Passwort", next: "WEITER", code: "Aktivierungscode", confirm: "Bestätigen",
		close: "Schließen", logOut: "Abmelden", menu: "Profilmenü", createPasskey: "Passkey erstellen", passkeyName: "Name des Passkeys",
		ready: "Ihr Passkey „Work laptop“ ist bereit.", withPasskey: "Mit einem Passkey anmelden", myProfile: "Mein Profil",
		remove: "Entfernen", removed: "Der Passkey „Work laptop“ wurde entfernt.", refused: "Dieser Passkey wurde nicht angenommen.",
		usePasskey: "Stattdessen einen Passkey verwenden", passkeys: "PASSKEYS", none: "Noch kein Passkey."},
}

// activateByAPI switches two-factor authentication on for the signed-in
// client c.
func activateByAPI(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string) {
	t.Helper()
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("two-factor start: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status != 200 {
		t.Fatalf("two-factor confirm: %d %s", r.Status, r.Body)
	}
}

// A passkey created on Account data logs in alone — no password, no code,
// with two-factor authentication on — until it is removed.
func TestPasskeyCreateLoginRemove(t *testing.T) {
	for _, w := range passkeyLanguages {
		t.Run(w.country, func(t *testing.T) {
			env := portaltest.StartOnLocalhost(t, testenv.SQLite(t))
			email := "pia@example.com"
			activateByAPI(t, env, env.RegisterIn(email, w.country, w.postcode), email)
			tab := browsertest.New(t).Tab()
			key := tab.VirtualAuthenticator()
			tab.NoPasskeyAutofill() // the button is tested here; the autofill has its own test
			login(tab, env, email, "")
			tab.WaitPath("/login/code")
			tab.Fill(w.code, env.LastMail(email).Code())
			tab.Submit(w.confirm, "")
			tab.WaitPath("/profile")

			tab.Open(env.URL + "/profile/account")
			tab.WaitText(w.none)
			tab.Shot("account-data-no-passkey")
			tab.Click(w.createPasskey)
			tab.Fill(w.password, portaltest.Password)
			tab.Submit(w.next, "")
			tab.Fill(w.code, env.LastMail(email).Code())
			tab.Submit(w.confirm, w.passkeyName)
			tab.Shot("passkey-name")
			tab.Fill(w.passkeyName, "Work laptop")
			tab.Submit(w.createPasskey, w.ready)
			tab.Shot("passkey-ready")
			if n := len(key.Credentials()); n != 1 {
				t.Fatalf("the device holds %d passkeys", n)
			}
			tab.Click(w.close)
			tab.WaitText("Work laptop")
			tab.Shot("account-data-passkey")

			mails := len(env.Mails(email))
			tab.Click(w.menu)
			tab.Click(w.logOut)
			tab.WaitPath("/login")
			tab.Shot("login")
			env.Clock.Advance(7e9)
			tab.Submit(w.withPasskey, "")
			tab.WaitPath("/profile")
			tab.WaitText(w.myProfile)
			for _, m := range env.Mails(email)[:len(env.Mails(email))-mails] {
				if m.Code() != "" {
					t.Fatalf("a code was mailed for the passkey login: %s", m.Subject)
				}
			}

			// Remove it, proving who it is with the passkey itself.
			tab.Open(env.URL + "/profile/account")
			tab.ClickIn("Work laptop", w.remove)
			tab.Submit(w.usePasskey, "Work laptop")
			tab.Shot("passkey-remove")
			tab.Submit(w.remove, w.removed)
			tab.Click(w.close)
			tab.WaitText(w.none)

			tab.Click(w.menu)
			tab.Click(w.logOut)
			tab.WaitPath("/login")
			env.Clock.Advance(7e9)
			tab.Submit(w.withPasskey, w.refused)
			tab.Shot("login-refused")
			if !strings.Contains(tab.Text(), w.withPasskey) || tab.Has(w.myProfile) {
				t.Fatal("a removed passkey logged in")
			}
		})
	}
}
