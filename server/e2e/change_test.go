package e2e

import (
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// With two-factor authentication on, a change asks for the password, then
// for the e-mailed code (a wrong one is refused and may be corrected), and
// only then for the new password; the next login takes the new one.
func TestChangePasswordWithTwoFactor(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "careful@example.com"
	c := env.RegisterIn(email, "GB", "SW1A 1AA")
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("two-factor start: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status != 200 {
		t.Fatalf("two-factor confirm: %d %s", r.Status, r.Body)
	}
	tab := browsertest.New(t).Tab()
	login(tab, env, email, "")
	tab.WaitPath("/login/code")
	tab.Fill("Activation code", env.LastMail(email).Code())
	tab.Submit("Confirm", "")
	tab.WaitPath("/profile")

	tab.Open(env.URL + "/profile/account")
	tab.ClickID("edit-password")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "enter the code we have sent to c•••@example.com")
	tab.Wait("the code field focused", `document.activeElement && document.activeElement.id === "ch-code"`)
	tab.Shot("reauth-code")
	code := env.LastMail(email).Code()
	tab.Fill("Activation code", wrongCode(code))
	tab.Submit("Confirm", "This code is not right.")
	tab.Fill("Activation code", code)
	tab.Submit("Confirm", "New password")
	tab.Fill("New password", "a brand new passphrase 77")
	tab.Submit("Save new password", "Your password has been changed.")
	tab.Click("Close")
	tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)

	if _, r := env.Login(email, portaltest.Password); r.Status != 401 {
		t.Fatalf("the old password still works: %d %s", r.Status, r.Body)
	}
	if _, r := env.Login(email, "a brand new passphrase 77"); r.Status != 200 {
		t.Fatalf("the new password does not work: %d %s", r.Status, r.Body)
	}
}

// wrongCode is a code of the right form that is not code.
func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}
