package e2e

import (
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// twoFactorOn switches two-factor authentication on for the client's
// account through the API.
func twoFactorOn(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string) {
	t.Helper()
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("2FA start: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: env.LastCode(email)}); r.Status != 200 {
		t.Fatalf("2FA confirm: %d %s", r.Status, r.Body)
	}
}

// TestTheCodePageFromTheNewcomersWalk: the code page has the focus on the
// code field; "Request a new one" counts down from the login's wait
// instead of refusing a first click; a wrong code is said once, at its
// field; after the login the focus is on the page's heading, not <body>.
func TestTheCodePageFromTheNewcomersWalk(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.RegisterIn("code@example.com", "GB", "SW1A 1AA")
	twoFactorOn(t, env, c, "code@example.com")
	tab := browsertest.New(t).Tab()
	login(tab, env, "code@example.com", "We have sent an activation code")
	tab.WaitPath("/login/code")
	tab.Wait("the focus on the code field", `document.activeElement && document.activeElement.id === "code"`)
	tab.Wait("the countdown", `(() => { const b = document.getElementById("code-request-new"); return b && b.disabled && /\(.*\d+/.test(b.innerText); })()`)
	if got := browsertest.Eval[string](tab, `[document.getElementById("code").getAttribute("autocomplete"), document.getElementById("code").getAttribute("inputmode")].join(" ")`); got != "one-time-code numeric" {
		t.Fatalf("code field: %q", got)
	}
	tab.Shot("code-page-countdown")
	tab.Fill("Activation code", wrongCode(env.LastCode("code@example.com")))
	tab.Submit("Confirm", "")
	tab.Wait("the field's message", `!!document.getElementById("code-error")`)
	msg := browsertest.Eval[string](tab, `document.getElementById("code-error").innerText`)
	if n := strings.Count(tab.Text(), msg); n != 1 {
		t.Fatalf("%q is on the page %d times", msg, n)
	}
	tab.Fill("Activation code", env.LastCode("code@example.com"))
	tab.Submit("Confirm", "")
	tab.WaitPath("/profile")
	tab.Wait("the focus on the heading", `document.activeElement && document.activeElement.tagName === "H1"`)
}

// TestProfileMenuAndDialogFromTheNewcomersWalk: the avatar's name holds
// the initials it shows; the menu's arrow keys move between its items;
// an open dialog leaves the page behind it inert, and a wrong password in
// it takes the focus to its field.
func TestProfileMenuAndDialogFromTheNewcomersWalk(t *testing.T) {
	_, tab := startLoggedIn(t, "menu@example.com")
	tab.Wait("the avatar", `!!document.getElementById("profile-button")`)
	name := browsertest.Eval[string](tab, `document.getElementById("profile-button").getAttribute("aria-label")`)
	initials := browsertest.Eval[string](tab, `document.getElementById("profile-button").innerText.trim()`)
	if initials == "" || !strings.Contains(name, initials) {
		t.Fatalf("avatar shows %q, is named %q", initials, name)
	}
	tab.Click("Profile menu")
	tab.Wait("the first item focused", `document.activeElement && document.activeElement.getAttribute("role") === "menuitem"`)
	first := tab.Focused()
	tab.Press("ArrowDown")
	second := tab.Focused()
	tab.Press("ArrowDown")
	if second == first || tab.Focused() != first {
		t.Fatalf("arrow keys: %q → %q → %q", first, second, tab.Focused())
	}
	tab.Press("End")
	if tab.Focused() != second {
		t.Fatalf("End: %q", tab.Focused())
	}
	tab.Press("Escape")
	tab.Click("Account data")
	tab.WaitPath("/profile/account")
	tab.ClickIn("TWO-FACTOR AUTHENTICATION", "Edit")
	tab.Wait("the page behind the dialog inert", `!!document.querySelector("header[inert], .statusbar[inert]") || !!document.querySelector("[inert] .statusbar")`)
	tab.Shot("dialog-open")
	// A wrong password: the focus goes to the field that says so.
	tab.Click("Activate")
	tab.Fill("Password", "not my password")
	tab.Submit("NEXT", "This password is not right.")
	tab.Wait("the focus on the refused field", `document.activeElement && document.activeElement.getAttribute("aria-invalid") === "true"`)
	tab.Press("Escape")
	tab.Wait("the page given back", `!document.querySelector("[inert]")`)
}

// TestRegistrationFromTheNewcomersWalk: countries in the reader's order,
// a corrected field loses its message, a new country drops the postcode's,
// and the registration keeps the reader's language whatever the country.
func TestRegistrationFromTheNewcomersWalk(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/register")
	names := browsertest.Eval[[]string](tab, `[...document.getElementById("country").options].filter(o => !o.disabled).map(o => o.text)`)
	for i := 1; i < len(names); i++ {
		if strings.ToLower(names[i-1]) > strings.ToLower(names[i]) {
			t.Fatalf("countries not in order of their names: %v", names)
		}
	}
	tab.Fill("E-mail address", "not an address")
	tab.Select("Country of residence", "Germany")
	tab.Fill("Postcode", "123")
	tab.Click("Register")
	tab.WaitText("Please correct the marked fields.")
	tab.Wait("errors at e-mail and postcode", `!!document.getElementById("email-error") && !!document.getElementById("postcode-error")`)
	tab.Fill("E-mail address", "lang@example.com")
	tab.Wait("the e-mail's message gone", `!document.getElementById("email-error")`)
	tab.Select("Country of residence", "United Kingdom")
	tab.Wait("the postcode's message gone", `!document.getElementById("postcode-error")`)
	tab.Shot("register-corrected")
	if v := browsertest.Eval[string](tab, `document.getElementById("language").value`); v != "en" {
		t.Fatalf("the language choice starts at %q, not the reader's", v)
	}
	tab.Fill("Password", portaltest.Password)
	tab.Select("Salutation", "Ms")
	tab.Fill("First name", "Jana")
	tab.Fill("Last name", "Keller")
	tab.Fill("Street and number", "Petuelring 130")
	tab.Select("Country of residence", "Germany")
	tab.Fill("Postcode", "80809")
	tab.Fill("City", "München")
	tab.Check("I accept the terms of use.")
	tab.Check("I have read the privacy notice.")
	tab.Click("Register")
	tab.WaitText("Please confirm your e-mail address")
	tab.Open(env.LastMail("lang@example.com").Link())
	tab.WaitPath("/profile")
	// An English reader living in Germany stays English.
	tab.WaitText("My profile")
	tab.WaitText("Germany")
	if strings.Contains(env.LastMail("lang@example.com").Subject, "Ihre") {
		t.Fatalf("a German mail: %q", env.LastMail("lang@example.com").Subject)
	}
}
