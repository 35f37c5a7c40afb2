package e2e

import (
	"strconv"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// A confirmation link opened in another browser than the one that
// registered asks for the password there; the pending one is gone.
func TestConfirmationLinkInAnotherBrowser(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	registering := browsertest.New(t).Tab()
	register(registering, env, "elsewhere@example.com")
	other := browsertest.New(t).Tab()
	other.Open(env.LastMail("elsewhere@example.com").Link())
	other.WaitText("opened in another browser")
	other.Shot("confirm-set-password")
	other.Fill("New password", "short")
	other.Click("Confirm and set password")
	other.WaitText("Use at least 8 characters.")
	other.Fill("New password", "a brand new passphrase 8")
	other.Submit("Confirm and set password", "Ihre E-Mail-Adresse ist bestätigt und Ihr Passwort festgelegt.")
	other.Shot("confirm-password-set")
	// The registrant's password is gone; the one chosen on the page works.
	env.Clock.Advance(7 * time.Second)
	other.Open(env.URL + "/login")
	other.Fill("E-Mail-Adresse oder Phone ID", "elsewhere@example.com")
	other.Fill("Passwort", portaltest.Password)
	other.Submit("Anmelden", "E-Mail-Adresse, Phone ID oder Passwort stimmen nicht.")
	env.Clock.Advance(7 * time.Second)
	other.Fill("Passwort", "a brand new passphrase 8")
	other.Click("Anmelden")
	other.WaitPath("/profile")
}

// A used link says what happened and offers a new one.
func TestAUsedConfirmationLink(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	register(tab, env, "twice@example.com")
	link := env.LastMail("twice@example.com").Link()
	tab.Open(link)
	tab.WaitPath("/profile")
	fresh := browsertest.New(t).Tab()
	fresh.Open(link)
	fresh.WaitText("This link no longer works")
	fresh.WaitText("Send the e-mail again")
	fresh.Shot("link-dead")
	fresh.Fill("E-mail address", "twice@example.com")
	fresh.Submit("Send the e-mail again", "Sent. The new link replaces the previous one.")
}

// The undo link of an e-mail change asks for a new password, then logs
// every device out.
func TestUndoAnEmailChange(t *testing.T) {
	env, tab := startLoggedIn(t, "undo@example.com")
	tab.Open(env.URL + "/profile/account")
	tab.ClickID("edit-email")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "New e-mail address")
	tab.Fill("New e-mail address", "thief@example.com")
	tab.Submit("Send confirmation link", "We have sent a link to thief@example.com")
	tab.Click("Close")
	tab.Open(env.LastMail("thief@example.com").Link())
	tab.WaitText("Your e-mail address has been changed.")

	owner := browsertest.New(t).Tab()
	owner.Open(env.LastMail("undo@example.com").Link())
	owner.WaitText("Undo the e-mail change")
	owner.Shot("undo")
	owner.Fill("New password", "the owners new phrase 7")
	owner.Submit("Undo and set new password", "The change is undone and your new password is set.")
	owner.Shot("undo-done")
	tab.Open(env.URL + "/profile")
	tab.WaitPath("/login")
}

// One other device can be logged out from the sessions list.
func TestLogOutOneDevice(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.RegisterIn("three@example.com", "GB", "SW1A 1AA")
	laptop := browsertest.New(t).Tab()
	phone := browsertest.New(t).Tab()
	tablet := browsertest.New(t).Tab()
	for _, tab := range []*browsertest.Tab{laptop, phone, tablet} {
		login(tab, env, "three@example.com", "")
		tab.WaitPath("/profile")
	}
	// The phone knows which entry of the list is its own session.
	phoneID := browsertest.Eval[string](phone, `fetch("/api/v1/me/sessions").then(r => r.json()).then(l => l.find(s => s.current).id)`)
	laptop.Open(env.URL + "/profile/security")
	laptop.WaitText("This device")
	laptop.Wait("the phone's session", `!!document.getElementById("logout-`+phoneID+`")`)
	before := browsertest.Eval[int](laptop, `document.querySelectorAll("#sessions li").length`)
	laptop.Shot("security-sessions")
	laptop.ClickID("logout-" + phoneID)
	laptop.WaitText("That device has been logged out.")
	laptop.Wait("one session fewer", `document.querySelectorAll("#sessions li").length === `+strconv.Itoa(before-1))
	phone.Open(env.URL + "/profile")
	phone.WaitPath("/login")
	tablet.Open(env.URL + "/profile")
	tablet.WaitText("My profile")
}
