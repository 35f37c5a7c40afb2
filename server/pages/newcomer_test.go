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

// TestLoginCodeFormWithoutTheApp: the second step as HTML: where the code
// went, a first "Request a new one" that comes too early says when it will
// work (not an error), a wrong code is refused with the API's words, the
// right one signs in.
func TestLoginCodeFormWithoutTheApp(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.RegisterIn("second@example.com", "GB", "SW1A 1AA") // English: the login sets the account's language
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("2FA: %d", r.Status)
	}
	if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: env.LastCode("second@example.com")}); r.Status != 200 {
		t.Fatalf("2FA: %d", r.Status)
	}
	env.Clock.Advance(time.Minute)
	b := env.Client()
	b.Page(api.PageLogin)
	r := b.Form(api.PageLogin, url.Values{"identifier": {"second@example.com"}, "password": {portaltest.Password}})
	if r.Status != 303 || r.Header.Get("Location") != api.PageLoginCode {
		t.Fatalf("password step: %d %v", r.Status, r.Header)
	}
	p := b.Page(api.PageLoginCode)
	if p.Status != 200 || !p.Shows("We have sent an activation code to s•••@example.com") || !strings.Contains(string(p.Body), `autocomplete="one-time-code"`) {
		t.Fatalf("code page: %d\n%s", p.Status, p.Body)
	}
	r = b.Form(api.PageLoginCode, url.Values{api.FormOp: {api.OpResend}})
	if r.Status != 200 || !r.Shows("You can request a new code in") || strings.Contains(string(r.Body), "Too many attempts") {
		t.Fatalf("too early: %d\n%s", r.Status, r.Body)
	}
	code := env.LastCode("second@example.com")
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	if r := b.Form(api.PageLoginCode, url.Values{"code": {wrong}}); r.Status != 400 || !strings.Contains(string(r.Body), `id="code-error"`) {
		t.Fatalf("wrong code: %d\n%s", r.Status, r.Body)
	}
	if r := b.Form(api.PageLoginCode, url.Values{"code": {code}}); r.Status != 303 || r.Header.Get("Location") != api.PageProfile {
		t.Fatalf("right code: %d\n%s", r.Status, r.Body)
	}
	if s := b.Session(); s.State != api.StateFull {
		t.Fatalf("state %q", s.State)
	}
}

// TestRegistrationKeepsTheReadersLanguage: the form's language (the
// reader's by default) wins over the country: an English registrant living
// in Germany gets English.
func TestRegistrationKeepsTheReadersLanguage(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	p := c.Page(api.PageRegister)
	if !hasTag(string(p.Body), "option", `value="en"`, `selected=""`) {
		t.Fatalf("the language choice does not start at the reader's:\n%s", p.Body)
	}
	form := registration("english@example.com")
	form.Set("language", "en")
	if r := c.Form(api.PageRegister, form); r.Status != 303 {
		t.Fatalf("register: %d", r.Status)
	}
	if m := env.LastMail("english@example.com"); strings.Contains(m.Text, "Bitte") || !strings.Contains(m.Text, "confirm") {
		t.Fatalf("the confirmation mail is not English:\n%s", m.Text)
	}
	c.Page(api.PageConfirm + "?token=" + env.LastMail("english@example.com").Token())
	if r := c.Form(api.PageConfirm, url.Values{"token": {env.LastMail("english@example.com").Token()}}); r.Status != 303 {
		t.Fatalf("confirm: %d", r.Status)
	}
	var me api.Me
	c.Get(api.PathMe).JSON(t, &me)
	if me.Language != "en" || me.Country != "DE" {
		t.Fatalf("language %q, country %q", me.Language, me.Country)
	}
}

// TestPagesNameTheirRealAddress: og:url and og:image follow BASE_URL
// (http here), not https and the site root.
func TestPagesNameTheirRealAddress(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	body := string(env.Client().Page("/help").Body)
	if !hasTag(body, "meta", `property="og:url"`, `content="`+env.URL+`/help"`) || !hasTag(body, "meta", `property="og:image"`, `content="`+env.URL+`/web/icon-512.png"`) {
		t.Fatalf("open graph:\n%s", body)
	}
}

// TestTriesLeftBeforeTheBlock: the last two wrong passwords before the
// block say how many are left, the same for an address without an account.
func TestTriesLeftBeforeTheBlock(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("tries@example.com")
	for _, who := range []string{"tries@example.com", "nobody-here@example.com"} {
		c := env.Client()
		c.Page(api.PageLogin)
		var said []string
		for range 4 {
			env.Clock.Advance(7 * time.Second)
			r := c.Form(api.PageLogin, url.Values{"identifier": {who}, "password": {"wrong password 123"}})
			switch {
			case r.Shows("Two more wrong passwords"):
				said = append(said, "two")
			case r.Shows("One more wrong password"):
				said = append(said, "one")
			default:
				said = append(said, "-")
			}
		}
		if strings.Join(said, " ") != "- - two one" {
			t.Fatalf("%s: %v", who, said)
		}
	}
}
