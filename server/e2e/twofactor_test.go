package e2e

import (
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// login logs in through the login page.
func login(tab *browsertest.Tab, env *portaltest.Env, email, expect string) {
	tab.T.Helper()
	env.Clock.Advance(7 * time.Second)
	tab.Open(env.URL + "/login")
	tab.Fill("E-mail address or Phone ID", email)
	tab.Fill("Password", portaltest.Password)
	tab.Submit("Log in", expect)
}

// words are the UI words of the help article in one language.
type words struct {
	country, postcode                                           string
	menu, myProfile, accountData, twoFactor, notActivated, edit string
	activate, password, wrongPassword, next, sentTo, code       string
	nowActivated, close, activated, logOut, newCode, newSent    string
	confirm, identifier, logIn                                  string
}

var articleWords = []words{
	{country: "GB", postcode: "SW1A 1AA", menu: "Profile menu", myProfile: "My profile", accountData: "Account data",
		twoFactor: "TWO-FACTOR AUTHENTICATION", notActivated: "Not activated", edit: "Edit", activate: "Activate",
		password: "Password", wrongPassword: "This password is not right.", next: "NEXT",
		sentTo: "We have sent an activation code to f•••@example.com", code: "Activation code",
		nowActivated: "Two-factor authentication is now activated.", close: "Close", activated: "Activated",
		logOut: "Log out", newCode: "Request a new one", newSent: "A new code is on its way.", confirm: "Confirm",
		identifier: "E-mail address or Phone ID", logIn: "Log in"},
	{country: "DE", postcode: "80809", menu: "Profilmenü", myProfile: "Mein Profil", accountData: "Kontodaten",
		twoFactor: "ZWEI-FAKTOR-AUTHENTIFIZIERUNG", notActivated: "Nicht aktiviert", edit: "Bearbeiten", activate: "Aktivieren",
		password: "Passwort", wrongPassword: "Dieses Passwort ist nicht richtig.", next: "WEITER",
		sentTo: "Wir haben einen Aktivierungscode an f•••@example.com gesendet", code: "Aktivierungscode",
		nowActivated: "Die Zwei-Faktor-Authentifizierung ist jetzt aktiviert.", close: "Schließen", activated: "Aktiviert",
		logOut: "Abmelden", newCode: "Neuen Code anfordern", newSent: "Ein neuer Code ist unterwegs.", confirm: "Bestätigen",
		identifier: "E-Mail-Adresse oder Phone ID", logIn: "Anmelden"},
}

// startLoggedIn starts a portal with a customer living in the UK (English)
// and a browser logged in as them, on their profile.
func startLoggedIn(t *testing.T, email string) (*portaltest.Env, *browsertest.Tab) {
	t.Helper()
	env := portaltest.Start(t, testenv.SQLite(t))
	env.RegisterIn(email, "GB", "SW1A 1AA")
	tab := browsertest.New(t).Tab()
	login(tab, env, email, "")
	tab.WaitPath("/profile")
	return env, tab
}

// The steps of the help article, word for word, in English and German.
func TestTwoFactorActivationAsTheArticleSays(t *testing.T) {
	for _, w := range articleWords {
		t.Run(w.country, func(t *testing.T) {
			env := portaltest.Start(t, testenv.SQLite(t))
			email := "follow@example.com"
			env.RegisterIn(email, w.country, w.postcode)
			tab := browsertest.New(t).Tab()
			login(tab, env, email, "")
			tab.WaitPath("/profile")

			tab.Click(w.menu)
			tab.Click(w.myProfile)
			tab.Click(w.accountData)
			tab.WaitText(w.twoFactor)
			tab.WaitText(w.notActivated)
			tab.Shot("account-data")
			tab.ClickIn(w.twoFactor, w.edit)
			tab.Wait("the dialog", `document.querySelector("[role=dialog]") !== null`)
			tab.Shot("dialog-choose")
			tab.Click(w.activate)
			tab.Fill(w.password, "not my password")
			tab.Submit(w.next, w.wrongPassword)
			tab.Fill(w.password, portaltest.Password)
			tab.Submit(w.next, w.sentTo)
			tab.Shot("dialog-code")
			tab.Fill(w.code, env.LastMail(email).Code())
			tab.Submit(w.activate, w.nowActivated)
			tab.Shot("dialog-done")
			tab.Click(w.close)
			tab.WaitText(w.activated)

			// Log out, log in: the code is asked. The login page stays in
			// the customer's language.
			tab.Click(w.menu)
			tab.Click(w.logOut)
			tab.WaitPath("/login")
			env.Clock.Advance(7 * time.Second)
			tab.Open(env.URL + "/login")
			tab.Fill(w.identifier, email)
			tab.Fill(w.password, portaltest.Password)
			tab.Submit(w.logIn, "")
			tab.WaitPath("/login/code")
			tab.WaitText("f•••@example.com")
			tab.Shot("second-step")
			old := env.LastMail(email).Code()
			// "Request a new one" counts down the server's 30 s in the
			// browser's own time: past them on the portal's clock, the
			// reloaded page offers it at once.
			env.Clock.Advance(31 * time.Second)
			tab.Reload()
			tab.WaitApp()
			tab.Submit(w.newCode, w.newSent)
			tab.Fill(w.code, old)
			tab.Submit(w.confirm, "")
			if tab.Has(w.myProfile) {
				t.Fatal("the old code was accepted after a new one was requested")
			}
			tab.Fill(w.code, env.LastMail(email).Code())
			tab.Submit(w.confirm, "")
			tab.WaitPath("/profile")
			tab.WaitText(w.myProfile)
		})
	}
}

// The whole dialog works with Tab, Enter and Escape.
func TestTwoFactorDialogByKeyboard(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "keys@example.com"
	env.Register(email)
	tab := browsertest.New(t).Tab()
	login(tab, env, email, "")
	tab.WaitPath("/profile")
	tab.Open(env.URL + "/profile/account")
	tab.Wait("the Edit button", `!!document.getElementById("edit-2fa")`)
	browsertest.Eval[bool](tab, `(document.getElementById("edit-2fa").focus(), true)`)
	tab.Press("Enter")
	tab.Wait("the dialog", `!!document.querySelector("[role=dialog]")`)
	// Focus moves into the dialog; Escape closes it and focus returns to Edit.
	tab.Wait("focus inside the dialog", `!!document.activeElement.closest("[role=dialog]")`)
	tab.Press("Escape")
	tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)
	tab.Wait("focus back on Edit", `document.activeElement && document.activeElement.id === "edit-2fa"`)

	tab.Press("Enter")
	tab.Wait("the dialog", `!!document.getElementById("tf-start")`)
	tab.Wait("focus on Activate", `document.activeElement && document.activeElement.id === "tf-start"`)
	tab.Press("Enter")
	tab.Wait("the password field focused", `document.activeElement && document.activeElement.id === "ch-password"`)
	tab.SendKeys(portaltest.Password + "\r")
	tab.Wait("the code field focused", `document.activeElement && document.activeElement.id === "ch-code"`)
	tab.SendKeys(env.LastMail(email).Code() + "\r")
	tab.WaitText("Die Zwei-Faktor-Authentifizierung ist jetzt aktiviert.")
	// Tab stays inside the dialog.
	for i := 0; i < 6; i++ {
		tab.Press("Tab")
		if !browsertest.Eval[bool](tab, `!!document.activeElement.closest("[role=dialog]")`) {
			t.Fatalf("Tab #%d left the dialog", i+1)
		}
	}
	tab.Press("Escape")
	tab.WaitText("Aktiviert")
}
