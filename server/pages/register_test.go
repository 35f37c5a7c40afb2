package pages_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func registration(email string) url.Values {
	return url.Values{
		"email": {email}, "password": {portaltest.Password}, "salutation": {"ms"}, "first_name": {"Jana"},
		"last_name": {"Keller"}, "street": {"Petuelring 130"}, "postcode": {"80809"}, "city": {"München"},
		"country": {"DE"}, "accept_terms": {"on"}, "accept_privacy": {"on"},
	}
}

// TestRegisterAndConfirmWithoutTheApp registers through the HTML form (a
// refusal keeps what was typed, never the password), reads "Please
// confirm" with the address, sends the e-mail again, and opens the link:
// the page opens it only on its button (a GET changes nothing), and signs
// in the browser that registered.
func TestRegisterAndConfirmWithoutTheApp(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.Client()
		c.Page(api.PageRegister)
		bad := registration("reg@example.com")
		bad.Del("accept_privacy")
		bad.Set("postcode", "8080")
		r := c.Form(api.PageRegister, bad)
		body := string(r.Body)
		if r.Status != 400 || !r.Shows("Please correct the marked fields.") || !strings.Contains(body, `value="reg@example.com"`) ||
			!strings.Contains(body, `id="postcode-error"`) || !strings.Contains(body, `value="8080"`) || strings.Contains(body, portaltest.Password) ||
			!hasTag(body, "option", `value="DE"`, `selected=""`) {
			t.Fatalf("refused registration: %d\n%s", r.Status, body)
		}
		r = c.Form(api.PageRegister, registration("reg@example.com"))
		if r.Status != 303 || r.Header.Get("Location") != api.PageConfirmPending {
			t.Fatalf("register: %d %s", r.Status, r.Body)
		}
		p := c.Page(api.PageConfirmPending)
		if !p.Shows("We have sent an e-mail to reg@example.com") {
			t.Fatalf("confirm page:\n%s", p.Body)
		}
		first := env.LastMail("reg@example.com").Token()
		env.Clock.Advance(61 * time.Second) // at most one a minute
		r = c.Form(api.PageConfirmPending, url.Values{"email": {"reg@example.com"}, api.FormOp: {api.OpResend}})
		if r.Status != 200 || !r.Shows("Sent. The new link replaces the previous one.") {
			t.Fatalf("send again: %d\n%s", r.Status, r.Body)
		}
		tok := env.LastMail("reg@example.com").Token()
		if tok == first {
			t.Fatal("no new link")
		}
		p = c.Page(api.PageConfirm + "?token=" + tok)
		if p.Status != 200 || !p.Shows("Confirm e-mail address") || !strings.Contains(string(p.Body), `value="`+tok+`"`) {
			t.Fatalf("link page: %d\n%s", p.Status, p.Body)
		}
		if s := c.Session(); s.State != api.StateNone {
			t.Fatal("opening the link's page signed in")
		}
		r = c.Form(api.PageConfirm, url.Values{"token": {tok}})
		if r.Status != 303 || r.Header.Get("Location") != api.PageProfile {
			t.Fatalf("confirm: %d\n%s", r.Status, r.Body)
		}
		if s := c.Session(); s.State != api.StateFull {
			t.Fatalf("after confirming: %q", s.State)
		}
		// Used once: the same link now says what happened and offers the
		// e-mail again.
		other := env.Client()
		other.Page(api.PageConfirm + "?token=" + tok)
		r = other.Form(api.PageConfirm, url.Values{"token": {tok}})
		if r.Status != 400 || !r.Shows("This link no longer works") || !r.Shows("Send the e-mail again") {
			t.Fatalf("used link: %d\n%s", r.Status, r.Body)
		}
	})
}

// TestConfirmElsewhereAsksForAPassword: opened in another browser, the link
// asks for the password first (the form again with its field error for a
// weak one), then confirms without signing that browser in.
func TestConfirmElsewhereAsksForAPassword(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	reg := env.Client()
	reg.Page(api.PageRegister)
	if r := reg.Form(api.PageRegister, registration("else@example.com")); r.Status != 303 {
		t.Fatalf("register: %d", r.Status)
	}
	tok := env.LastMail("else@example.com").Token()
	c := env.Client()
	c.Page(api.PageConfirm + "?token=" + tok)
	r := c.Form(api.PageConfirm, url.Values{"token": {tok}})
	if r.Status != 200 || !r.Shows("Confirm and set password") || !hasTag(string(r.Body), "input", `name="token"`, `value="`+tok+`"`) {
		t.Fatalf("needs password: %d\n%s", r.Status, r.Body)
	}
	r = c.Form(api.PageConfirm, url.Values{"token": {tok}, "password": {"short"}})
	if r.Status != 400 || !r.Shows("Confirm and set password") || !strings.Contains(string(r.Body), `id="password-error"`) {
		t.Fatalf("weak password: %d\n%s", r.Status, r.Body)
	}
	r = c.Form(api.PageConfirm, url.Values{"token": {tok}, "password": {"a brand new passphrase 77"}})
	if r.Status != 200 || !r.Shows("Your e-mail address is confirmed and your password is set.") {
		t.Fatalf("confirmed: %d\n%s", r.Status, r.Body)
	}
	if _, r := env.Login("else@example.com", "a brand new passphrase 77"); r.Status != 200 {
		t.Fatalf("login with the new password: %d", r.Status)
	}
}

// TestForgotAndResetWithoutTheApp: the same answer for any address, and a
// new password from the link's page.
func TestForgotAndResetWithoutTheApp(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("reset@example.com")
	c := env.Client()
	c.Page(api.PageForgot)
	known := c.Form(api.PageForgot, url.Values{"email": {"reset@example.com"}})
	unknown := c.Form(api.PageForgot, url.Values{"email": {"nobody@example.com"}})
	if known.Status != 200 || !known.Shows("an e-mail with a link is on its way") || unknown.Status != known.Status || !unknown.Shows("an e-mail with a link is on its way") {
		t.Fatalf("forgot: %d %d", known.Status, unknown.Status)
	}
	tok := env.LastMail("reset@example.com").Token()
	c.Page(api.PageReset + "?token=" + tok)
	if r := c.Form(api.PageReset, url.Values{"token": {tok}, "password": {"password"}}); r.Status != 400 || !strings.Contains(string(r.Body), `id="password-error"`) {
		t.Fatalf("weak: %d\n%s", r.Status, r.Body)
	}
	if r := c.Form(api.PageReset, url.Values{"token": {tok}, "password": {"a fresh passphrase 2026"}}); r.Status != 200 || !r.Shows("Your password has been changed.") {
		t.Fatalf("reset: %d\n%s", r.Status, r.Body)
	}
	if _, r := env.Login("reset@example.com", "a fresh passphrase 2026"); r.Status != 200 {
		t.Fatalf("login: %d", r.Status)
	}
}

// TestRegistrationLinksItsDocuments: the consent checkboxes link the terms
// of use and the privacy notice where the operator keeps them (TERMS_URL,
// PRIVACY_URL); the privacy notice defaults to the help centre's article,
// and terms without an address get no link rather than a dead one.
func TestRegistrationLinksItsDocuments(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	p := env.Client().Page(api.PageRegister)
	if !strings.Contains(string(p.Body), `href="/help/privacy"`) || strings.Contains(string(p.Body), `id="read-terms"`) {
		t.Fatalf("by default: the privacy article linked, the terms not:\n%s", p.Body)
	}
	env = portaltest.Start(t, testenv.SQLite(t), "TERMS_URL", "https://www.mini.example/id-terms", "PRIVACY_URL", "/legal/privacy")
	p = env.Client().Page(api.PageRegister)
	body := string(p.Body)
	if !strings.Contains(body, `href="https://www.mini.example/id-terms"`) || !strings.Contains(body, `href="/legal/privacy"`) ||
		!p.Shows("Read the terms of use (opens in a new tab)") {
		t.Fatalf("configured documents are not linked:\n%s", body)
	}
}
