package e2e

import (
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// TestRegisterAndLogInWithJavaScriptOff: with JavaScript switched off in
// Chromium, a customer registers, confirms the address from the e-mail and
// logs in on another browser, through the pages' own forms.
func TestRegisterAndLogInWithJavaScriptOff(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.NoScript()
	tab.Visit(env.URL + "/login")
	tab.Click("Register now")
	tab.WaitPath("/register")
	// The privacy notice is left out: the server answers with the page.
	fillRegistration(tab, "nojs@example.com", false)
	tab.Click("Register")
	tab.WaitText("Please correct the marked fields.")
	if got := browsertest.Eval[string](tab, `document.getElementById("first_name").value`); got != "Jana" {
		t.Fatalf("the refused form lost what was typed: %q", got)
	}
	tab.Shot("nojs-register-refused")
	tab.Check("I have read the privacy notice.")
	tab.Fill("Password", portaltest.Password)
	tab.Click("Register")
	tab.WaitPath("/register/confirm")
	tab.WaitText("We have sent an e-mail to nojs@example.com")
	tab.Visit(env.LastMail("nojs@example.com").Link())
	tab.Click("Confirm e-mail address")
	tab.WaitPath("/profile")
	if ran := browsertest.Eval[bool](tab, `document.documentElement.dataset.app === "running"`); ran {
		t.Fatal("the app ran although JavaScript is off")
	}
	tab.Visit(env.URL + "/api/v1/session")
	tab.WaitText(`"state":"full"`)

	other := browsertest.New(t).Tab()
	other.NoScript()
	other.Visit(env.URL + "/login")
	other.Fill("E-mail address or Phone ID", "nojs@example.com")
	other.Fill("Password", "not the password at all")
	other.Click("Log in")
	other.WaitText("The e-mail address, Phone ID or password is not right.")
	other.Shot("nojs-login-refused")
	other.Fill("Password", portaltest.Password)
	other.Click("Log in")
	other.WaitPath("/profile")
	other.Visit(env.URL + "/api/v1/session")
	other.WaitText(`"state":"full"`)
}

// TestTheAppTakesOverWithoutLosingTyping: on a page that is usable before
// the wasm arrives, what the customer typed and where the focus was (the
// caret too) survive the app taking over, and the app's own state has the
// values (its login sends them).
func TestTheAppTakesOverWithoutLosingTyping(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("takeover@example.com")
	tab := browsertest.New(t).Tab()
	gate := tab.HoldWasm()
	tab.Visit(env.URL + "/login")
	tab.Wait("the wasm to be asked for", `document.readyState === "complete" || true`)
	tab.Fill("E-mail address or Phone ID", "takeover@example.com")
	tab.Fill("Password", "wrong password")
	browsertest.Eval[bool](tab, `(document.getElementById("password").setSelectionRange(2, 2), true)`)
	if browsertest.Eval[bool](tab, `document.documentElement.dataset.app === "running"`) {
		t.Fatal("the app ran before the wasm was let through")
	}
	if !browsertest.Eval[bool](tab, `!!document.querySelector(".app-progress") && !document.getElementById("app-wasm-loader")`) {
		t.Fatal("no thin progress line, or a full-screen loader, while the wasm loads")
	}
	gate.Release()
	tab.WaitApp()
	got := browsertest.Eval[string](tab, `[document.getElementById("identifier").value, document.getElementById("password").value,
	  document.activeElement.id, document.getElementById("password").selectionStart].join("|")`)
	if got != "takeover@example.com|wrong password|password|2" {
		t.Fatalf("after the takeover: %q", got)
	}
	// The app's state has the values: its login (through the API) sends them.
	tab.Submit("Log in", "The e-mail address, Phone ID or password is not right.")
	tab.Fill("Password", portaltest.Password)
	tab.Submit("Log in", "")
	tab.WaitPath("/profile")
	if !strings.Contains(tab.Text(), "takeover@example.com") {
		tab.WaitText("takeover@example.com")
	}
}
