package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// setUpAppByAPI sets up an authenticator app for email's signed-in client
// c (after the mailed code, when two-factor authentication is on) and
// returns its key and the recovery codes.
func setUpAppByAPI(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string) (string, []string) {
	t.Helper()
	var res api.ReauthResult
	c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionTOTPOn, Password: portaltest.Password}).JSON(t, &res)
	if res.CodeSent {
		if r := c.Post(api.PathReauthConfirm, api.FactorRequest{Method: api.MethodEmailCode, Code: env.LastMail(email).Code()}); r.Status != 200 {
			t.Fatalf("step-up for the app: %d %s", r.Status, r.Body)
		}
	}
	var setup api.TOTPSetup
	c.Post(api.PathTOTPBegin, nil).JSON(t, &setup)
	var out api.TOTPResult
	if r := c.Post(api.PathTOTPConfirm, api.CodeRequest{Code: appCode(t, env, setup.Key, 0)}); r.Status != 200 {
		t.Fatalf("confirm the app: %d %s", r.Status, r.Body)
	} else {
		r.JSON(t, &out)
	}
	return setup.Key, out.RecoveryCodes
}

// createPasskey creates a passkey named name in the tab's browser (logged
// in, no second factor) through Account data.
func createPasskey(tab *browsertest.Tab, env *portaltest.Env, name string) {
	tab.T.Helper()
	tab.Open(env.URL + "/profile/account")
	tab.Click("Create passkey")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Name of the passkey")
	tab.Fill("Name of the passkey", name)
	tab.Submit("Create passkey", "is ready")
	tab.Click("Close")
	tab.WaitText(name)
}

// startWithAuthenticator starts a portal on localhost with a customer
// living in the UK, and a browser with a virtual authenticator logged in as
// them, on their profile; autofill off keeps the login page from using the
// authenticator on its own (see browsertest.NoPasskeyAutofill).
func startWithAuthenticator(t *testing.T, email string, autofill bool) (*portaltest.Env, *portaltest.Client, *browsertest.Tab) {
	t.Helper()
	env := portaltest.StartOnLocalhost(t, testenv.SQLite(t))
	c := env.RegisterIn(email, "GB", "SW1A 1AA")
	tab := browsertest.New(t).Tab()
	tab.VirtualAuthenticator()
	if !autofill {
		tab.NoPasskeyAutofill()
	}
	login(tab, env, email, "")
	tab.WaitPath("/profile")
	return env, c, tab
}

// The browser's autofill offers the passkey in the identifier field: the
// virtual authenticator answers the login page's conditional request at
// once, standing in for the person picking the passkey there.
func TestPasskeyAutofill(t *testing.T) {
	env, _, tab := startWithAuthenticator(t, "auto@example.com", true)
	createPasskey(tab, env, "Phone")
	tab.Click("Profile menu")
	tab.Click("Log out")
	tab.WaitPath("/profile") // straight back in, through the autofill
	tab.WaitText("My profile")
	tab.Open(env.URL + "/profile/security")
	tab.WaitText("Logged in")
}

// Every new step works with the keyboard alone: "Create passkey", "Log in
// with a passkey", and "Use another method" at the second step.
func TestPasskeyAndOtherMethodsByKeyboard(t *testing.T) {
	email := "keys@example.com"
	env, c, tab := startWithAuthenticator(t, email, false)

	focusOn := func(id string) {
		t.Helper()
		tab.Wait("focus on #"+id, `document.activeElement && document.activeElement.id === "`+id+`"`)
	}
	tab.Open(env.URL + "/profile/account")
	tab.Wait("Create passkey", `!!document.getElementById("passkey-create")`)
	browsertest.Eval[bool](tab, `(document.getElementById("passkey-create").focus(), true)`)
	tab.Press("Enter")
	focusOn("ch-password")
	tab.SendKeys(portaltest.Password + "\r")
	focusOn("ch-value")
	tab.SendKeys("Laptop\r")
	focusOn("ch-close")
	tab.Press("Enter")
	tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)
	tab.WaitText("Laptop")

	// With the app set up, log in by keyboard: the password, then "Use
	// another method", a recovery code.
	_, codes := setUpAppByAPI(t, env, c, email)
	tab.Click("Profile menu")
	tab.Click("Log out")
	tab.WaitPath("/login")
	env.Clock.Advance(7 * time.Second)
	tab.Wait("the login form", `!!document.getElementById("identifier")`)
	browsertest.Eval[bool](tab, `(document.getElementById("identifier").focus(), true)`)
	tab.SendKeys(email)
	tab.Press("Tab")
	focusOn("password")
	tab.SendKeys(portaltest.Password + "\r")
	tab.WaitPath("/login/code")
	focusOn("code")
	tab.Press("Tab") // Confirm
	tab.Press("Tab")
	focusOn("code-another")
	tab.Press("Enter")
	tab.Wait("the methods, focused", `document.activeElement && document.activeElement.closest("#code-methods")`)
	tab.Shot("second-step-methods")
	methods := browsertest.Eval[string](tab, `document.getElementById("code-methods").innerText`)
	if !strings.Contains(methods, "Passkey") || !strings.Contains(methods, "Recovery code") || strings.Contains(methods, "Code by e-mail") {
		t.Fatalf("methods offered: %q", methods)
	}
	// Tab to "Recovery code" and take it.
	for i := 0; i < 3 && !browsertest.Eval[bool](tab, `document.activeElement.id === "code-method-recovery_code"`); i++ {
		tab.Press("Tab")
	}
	tab.Press("Enter")
	focusOn("code")
	tab.SendKeys(codes[0] + "\r")
	tab.WaitPath("/profile")

	// And "Log in with a passkey", by keyboard.
	tab.Click("Profile menu")
	tab.Click("Log out")
	tab.WaitPath("/login")
	env.Clock.Advance(7 * time.Second)
	tab.Wait("the passkey button", `!!document.getElementById("login-passkey")`)
	browsertest.Eval[bool](tab, `(document.getElementById("password").focus(), true)`)
	tab.Press("Tab") // Log in
	tab.Press("Tab")
	focusOn("login-passkey")
	tab.Press("Enter")
	tab.WaitPath("/profile")
}

// The step-up before a change offers every factor the account has: with
// the app asked, "Use another method" leads to a passkey; the two-factor
// dialog removes the app and makes new recovery codes; a passkey is renamed.
func TestOtherMethodsInTheDialogs(t *testing.T) {
	email := "dora@example.com"
	env, c, tab := startWithAuthenticator(t, email, false)
	createPasskey(tab, env, "Laptop")
	activateByAPI(t, env, c, email)
	key, _ := setUpAppByAPI(t, env, c, email)

	// Rename, no step-up.
	tab.Open(env.URL + "/profile/account")
	tab.ClickIn("Laptop", "Rename")
	tab.Wait("the name field", `document.getElementById("ch-value") && document.getElementById("ch-value").value === "Laptop"`)
	tab.Shot("passkey-rename")
	tab.Fill("Name of the passkey", "Home laptop")
	tab.Submit("Save", "")
	tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)
	tab.WaitText("Home laptop")

	// Edit the password: the app is asked; a passkey may answer instead.
	tab.ClickID("edit-password")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Enter the 6-digit code your authenticator app shows")
	tab.Shot("stepup-app")
	tab.Click("Use another method")
	tab.Shot("stepup-methods")
	tab.Submit("Passkey", "Confirm with a passkey")
	tab.Shot("stepup-passkey")
	tab.Submit("Use passkey", "New password")
	tab.Click("Close")
	tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)

	// The two-factor dialog: both factors listed; remove the app.
	tab.ClickIn("TWO-FACTOR AUTHENTICATION", "Edit")
	tab.WaitText("Recovery codes left: 10")
	tab.Shot("dialog-choose-on")
	tab.Click("Remove authenticator app")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "authenticator app")
	env.Clock.Advance(30 * time.Second)
	tab.Fill("Code from the app", appCode(t, env, key, 0))
	tab.Submit("Confirm", "Remove the authenticator app?")
	tab.Shot("app-remove")
	tab.Submit("Remove authenticator app", "The authenticator app was removed.")
	tab.Click("Close")
	tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)
	tab.WaitText("Code by e-mail")

	// New recovery codes, after the mailed code.
	tab.ClickIn("TWO-FACTOR AUTHENTICATION", "Edit")
	tab.Click("Create new recovery codes")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("NEXT", "Activation code")
	tab.Fill("Activation code", env.LastMail(email).Code())
	tab.Submit("Confirm", "the old codes stop working")
	tab.Shot("recovery-new")
	tab.Submit("Create new codes", "I have saved them")
	if n := len(strings.Fields(browsertest.Eval[string](tab, `document.getElementById("recovery-codes").innerText`))); n != 10 {
		t.Fatalf("%d codes shown", n)
	}
	tab.Click("I have saved them")
	tab.Wait("the dialog to close", `!document.querySelector("[role=dialog]")`)

	// The login's second step takes the passkey too.
	tab.Click("Profile menu")
	tab.Click("Log out")
	login(tab, env, email, "")
	tab.WaitPath("/login/code")
	tab.Click("Use another method")
	tab.Submit("Passkey", "Use passkey")
	tab.Shot("second-step-passkey")
	tab.Submit("Use passkey", "")
	tab.WaitPath("/profile")
}
