package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// register fills in the registration form the way a customer would.
func register(tab *browsertest.Tab, env *portaltest.Env, email string) {
	tab.T.Helper()
	tab.Open(env.URL + "/login")
	tab.Click("Register now")
	tab.WaitPath("/register")
	tab.Fill("E-mail address", email)
	tab.Fill("Password", "weak")
	tab.WaitText("Use at least 8 characters.")
	fillRegistration(tab, email, true)
	tab.WaitText("Password strength: Strong")
	tab.Shot("register-filled")
	tab.Click("Register")
	tab.WaitText("Please confirm your e-mail address")
	tab.WaitText(email)
}

// fillRegistration fills in the rest of the registration form (a customer
// in Munich), the privacy notice ticked or not.
func fillRegistration(tab *browsertest.Tab, email string, privacy bool) {
	tab.T.Helper()
	tab.Fill("E-mail address", email)
	tab.Fill("Password", portaltest.Password)
	tab.Select("Salutation", "Ms")
	tab.Fill("First name", "Jana")
	tab.Fill("Last name", "Keller")
	tab.Fill("Street and number", "Petuelring 130")
	tab.Fill("Postcode", "80809")
	tab.Fill("City", "München")
	tab.Select("Country of residence", "Germany")
	tab.Check("I accept the terms of use.")
	if privacy {
		tab.Check("I have read the privacy notice.")
	}
}

func TestRegisterConfirmProfile(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/register")
	tab.Click("Register")
	tab.WaitText("Please correct the marked fields.")
	tab.WaitText("Please fill in this field.")
	tab.Shot("register-errors")

	register(tab, env, "jana@example.com")
	tab.Shot("confirm-pending")
	link := env.LastMail("jana@example.com").Link()
	if !strings.Contains(link, "/confirm?token=") {
		t.Fatalf("no link in the mail: %q", link)
	}
	tab.Open(link)
	tab.WaitPath("/profile")
	// Living in Germany, registered on English pages: English stays (the
	// form's language choice starts at the reader's).
	tab.WaitText("My profile")
	tab.WaitText("jana@example.com")
	tab.WaitText("Germany")
	tab.Shot("profile")
}

func TestWrongPasswordsBlock(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("blocked@example.com")
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/login")
	for i := 0; i < 5; i++ {
		env.Clock.Advance(7 * time.Second)
		tab.Fill("E-mail address or Phone ID", "blocked@example.com")
		tab.Fill("Password", "wrong password number x")
		if i < 4 {
			tab.Submit("Log in", "The e-mail address, Phone ID or password is not right.")
		} else {
			tab.Submit("Log in", "temporarily blocked")
		}
	}
	tab.Shot("blocked")
	env.Clock.Advance(7 * time.Second)
	tab.Fill("Password", portaltest.Password)
	tab.Submit("Log in", "temporarily blocked")
	if !strings.Contains(env.LastMail("blocked@example.com").Link(), "/reset-password?token=") {
		t.Fatal("the block mail has no reset link")
	}
}

func TestForgotAndReset(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("forgot@example.com")
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/login")
	tab.Click("Forgot password?")
	tab.WaitPath("/forgot-password")
	tab.Fill("E-mail address", "forgot@example.com")
	tab.Click("Send link")
	tab.WaitText("an e-mail with a link is on its way")
	tab.Shot("forgot-sent")
	link := env.LastMail("forgot@example.com").Link()
	tab.Open(link)
	// A password the page's estimate likes but the server refuses (it is
	// the address itself): the refusal stands alone, without "Strength:
	// Strong" beside it, until the password is edited.
	tab.Fill("New password", "forgot@example.com1")
	tab.WaitText("Strong")
	tab.Click("Save new password")
	tab.Wait("the refusal", `document.getElementById("password").getAttribute("aria-invalid") === "true"`)
	if tab.Has("Strong") || browsertest.Eval[bool](tab, `!!document.getElementById("strength-text")`) {
		t.Fatal("the strength estimate is shown beside the server's refusal")
	}
	tab.Shot("reset-refused")
	tab.Fill("New password", "a completely new passphrase 8")
	tab.Wait("the refusal to go", `document.getElementById("password").getAttribute("aria-invalid") !== "true" && !!document.getElementById("strength-text")`)
	tab.Click("Save new password")
	tab.WaitText("Your password has been changed.")
	tab.Shot("reset-done")
	// The same link again is refused.
	tab.Open(link)
	tab.Fill("New password", "yet another new passphrase 9")
	tab.Click("Save new password")
	tab.WaitText("This link has expired or was already used.")
}
