package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// appWords are the screens' words of the authenticator app and recovery
// codes in one language.
type appWords struct {
	country, postcode, edit, twoFactor, setUp, password, next         string
	appCode, activate, saved, activated, appName, useAnother, confirm string
	recoveryName, recoveryCode, download, print, myProfile, wrong     string
	appLead, menu, logOut, identifier, logIn                          string
}

var appLanguages = []appWords{
	{country: "GB", postcode: "SW1A 1AA", edit: "Edit", twoFactor: "TWO-FACTOR AUTHENTICATION", setUp: "Set up authenticator app",
		password: "Password", next: "NEXT", appCode: "Code from the app", activate: "Activate", saved: "I have saved them",
		activated: "Activated", appName: "Code from the authenticator app", useAnother: "Use another method", confirm: "Confirm",
		recoveryName: "Recovery code", recoveryCode: "Recovery code", download: "Download", print: "Print", myProfile: "My profile",
		wrong: "This recovery code is not right", appLead: "Enter the 6-digit code your authenticator app shows",
		menu: "Profile menu", logOut: "Log out", identifier: "E-mail address or Phone ID", logIn: "Log in"},
	{country: "DE", postcode: "80809", edit: "Bearbeiten", twoFactor: "ZWEI-FAKTOR-AUTHENTIFIZIERUNG", setUp: "Authenticator-App einrichten",
		password: "Passwort", next: "WEITER", appCode: "Code aus der App", activate: "Aktivieren", saved: "Ich habe sie gespeichert",
		activated: "Aktiviert", appName: "Code aus der Authenticator-App", useAnother: "Andere Methode verwenden", confirm: "Bestätigen",
		recoveryName: "Wiederherstellungscode", recoveryCode: "Wiederherstellungscode", download: "Herunterladen", print: "Drucken",
		myProfile: "Mein Profil", wrong: "Dieser Wiederherstellungscode stimmt nicht", appLead: "Geben Sie den 6-stelligen Code ein",
		menu: "Profilmenü", logOut: "Abmelden", identifier: "E-Mail-Adresse oder Phone ID", logIn: "Anmelden"},
}

// appCode is the code an authenticator app with key shows at the portal's
// time, steps windows of 30 s later.
func appCode(t *testing.T, env *portaltest.Env, key string, steps int) string {
	t.Helper()
	c, err := totp.GenerateCodeCustom(strings.ReplaceAll(key, " ", ""), env.Clock.Now().Add(time.Duration(steps)*30*time.Second),
		totp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The authenticator app is set up from the TWO-FACTOR AUTHENTICATION row
// with its first code; the recovery codes are shown once; the next login
// asks for the app's code, and "Use another method" takes a recovery code,
// once.
func TestAuthenticatorAppAndRecoveryCodes(t *testing.T) {
	for _, w := range appLanguages {
		t.Run(w.country, func(t *testing.T) {
			env := portaltest.Start(t, testenv.SQLite(t))
			email := "tom@example.com"
			env.RegisterIn(email, w.country, w.postcode)
			tab := browsertest.New(t).Tab()
			login(tab, env, email, "")
			tab.WaitPath("/profile")

			tab.Open(env.URL + "/profile/account")
			tab.ClickIn(w.twoFactor, w.edit)
			tab.Wait("the dialog", `!!document.getElementById("tf-app-on")`)
			tab.Shot("dialog-choose-off")
			tab.Click(w.setUp)
			tab.Fill(w.password, portaltest.Password)
			tab.Submit(w.next, w.appCode)
			tab.Wait("the QR code", `!!document.querySelector(".qr img[src^='data:image/png']")`)
			tab.Shot("app-setup")
			key := browsertest.Eval[string](tab, `document.getElementById("totp-key").innerText`)
			tab.Fill(w.appCode, appCode(t, env, key, 0))
			tab.Submit(w.activate, w.saved)
			codes := strings.Fields(browsertest.Eval[string](tab, `document.getElementById("recovery-codes").innerText`))
			if len(codes) != 10 {
				t.Fatalf("recovery codes shown: %q", codes)
			}
			href := browsertest.Eval[string](tab, `document.getElementById("recovery-download").getAttribute("href")`)
			if !strings.HasPrefix(href, "data:text/plain") || !strings.Contains(href, codes[9]) {
				t.Fatalf("download: %.120s", href)
			}
			if !tab.Has(w.download) || !tab.Has(w.print) {
				t.Fatal("Download and Print are missing")
			}
			tab.Shot("recovery-codes")
			tab.Click(w.saved)
			tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)
			tab.WaitText(w.appName)
			tab.WaitText(w.activated)
			tab.Shot("account-data-app")

			// The login asks for the app's code, and mails nothing. After
			// a logout the login page keeps the customer's language.
			logOut := func() {
				tab.Click(w.menu)
				tab.Click(w.logOut)
				tab.WaitPath("/login")
			}
			loginAgain := func() {
				env.Clock.Advance(7 * time.Second)
				tab.Open(env.URL + "/login")
				tab.Fill(w.identifier, email)
				tab.Fill(w.password, portaltest.Password)
				tab.Submit(w.logIn, "")
			}
			mails := len(env.Mails(email))
			env.Clock.Advance(30 * time.Second)
			logOut()
			loginAgain()
			tab.WaitPath("/login/code")
			tab.WaitText(w.appLead)
			tab.Shot("second-step-app")
			tab.Fill(w.appCode, appCode(t, env, key, 0))
			tab.Submit(w.confirm, "")
			tab.WaitPath("/profile")
			for _, m := range env.Mails(email)[:len(env.Mails(email))-mails] {
				if m.Code() != "" {
					t.Fatalf("a code was mailed although the app is asked: %s", m.Subject)
				}
			}

			// A recovery code, through "Use another method"; once.
			for i, want := range []string{"/profile", w.wrong} {
				env.Clock.Advance(time.Minute)
				if i == 0 {
					logOut()
				}
				loginAgain()
				tab.WaitPath("/login/code")
				tab.Click(w.useAnother)
				tab.Submit(w.recoveryName, w.recoveryCode)
				if i == 0 {
					tab.Shot("second-step-recovery")
				}
				tab.Fill(w.recoveryCode, codes[0])
				if want == "/profile" {
					tab.Submit(w.confirm, "")
					tab.WaitPath("/profile")
					tab.WaitText(w.myProfile)
					logOut()
					continue
				}
				tab.Submit(w.confirm, w.wrong)
			}
		})
	}
}
