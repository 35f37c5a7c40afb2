package pages_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// TestLoginFormWithoutTheApp logs in through the HTML form alone: the page
// is a working form (enabled inputs, the session's token, no loader over
// it); a wrong password answers the page again with the API's words and the
// address kept (never the password); the right one answers 303 to the
// profile with a signed-in session.
func TestLoginFormWithoutTheApp(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		env.Register("form@example.com")
		c := env.Client()
		p := c.Page(api.PageLogin)
		body := string(p.Body)
		if p.Status != 200 || c.CSRF == "" || !strings.Contains(body, `action="/login"`) || !strings.Contains(body, `method="post"`) {
			t.Fatalf("login page: %d, token %q\n%s", p.Status, c.CSRF, body)
		}
		for _, bad := range []string{`disabled="false"`, "app-wasm-loader", "disabled=\"\""} {
			if strings.Contains(body, bad) {
				t.Fatalf("the login page has %s:\n%s", bad, body)
			}
		}
		r := c.Form(api.PageLogin, url.Values{"identifier": {"form@example.com"}, "password": {"not my password at all"}})
		if r.Status != 401 || !r.Shows("The e-mail address, Phone ID or password is not right.") ||
			!strings.Contains(string(r.Body), `value="form@example.com"`) || strings.Contains(string(r.Body), "not my password") {
			t.Fatalf("wrong password: %d\n%s", r.Status, r.Body)
		}
		r = c.Form(api.PageLogin, url.Values{"identifier": {"form@example.com"}, "password": {portaltest.Password}})
		if r.Status != 303 || r.Header.Get("Location") != api.PageProfile {
			t.Fatalf("login: %d %v\n%s", r.Status, r.Header, r.Body)
		}
		if s := c.Session(); s.State != api.StateFull {
			t.Fatalf("after the form: state %q", s.State)
		}
		// A signed-in visitor of /login goes to the profile.
		if r := c.Page(api.PageLogin); r.Status != 303 || r.Header.Get("Location") != api.PageProfile {
			t.Fatalf("login page when signed in: %d", r.Status)
		}
	})
}

// TestFormPostsPassTheAPIsChecks: a post from another origin, one with
// Origin "null" (what no-referrer makes browsers send), one without the
// session's token and one over the login budget are refused like the API
// refuses them; the foreign post gets nothing it sent back.
func TestFormPostsPassTheAPIsChecks(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("csrf@example.com")
	c := env.Client()
	c.Page(api.PageLogin)
	form := url.Values{api.FormCSRF: {c.CSRF}, "identifier": {"csrf@example.com"}, "password": {portaltest.Password}}
	post := func(origin string, v url.Values) portaltest.Response {
		h := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
		if origin != "" {
			h["Origin"] = origin
		}
		return c.Raw("POST", api.PageLogin, []byte(v.Encode()), h)
	}
	for _, origin := range []string{"https://evil.example", "null", ""} {
		r := post(origin, form)
		if r.Status != 403 || !r.Shows("did not come from the portal's own pages") || strings.Contains(string(r.Body), "csrf@example.com") {
			t.Fatalf("origin %q: %d\n%s", origin, r.Status, r.Body)
		}
	}
	stale := url.Values{api.FormCSRF: {"not-the-token"}, "identifier": {"csrf@example.com"}, "password": {portaltest.Password}}
	if r := post(env.URL, stale); r.Status != 403 || !r.Shows("The page was open too long") || !strings.Contains(string(r.Body), `value="csrf@example.com"`) {
		t.Fatalf("stale token: %d\n%s", r.Status, r.Body)
	}
	if s := c.Session(); s.State != api.StateNone {
		t.Fatalf("a refused post signed in: %q", s.State)
	}
	// The API stays JSON-only: the same form at /api/v1/login is refused.
	if r := post(env.URL, form); r.Status != 303 {
		t.Fatalf("the right post: %d", r.Status)
	}
	api2 := env.Client()
	api2.Session()
	r := api2.Raw("POST", api.PathLogin, []byte(form.Encode()), map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Origin": env.URL, api.HeaderCSRF: api2.CSRF})
	if r.Status != 400 && r.Status != 415 {
		t.Fatalf("a form post to the JSON API: %d %s", r.Status, r.Body)
	}
}

// TestFormsShareTheAPIsBudget: the login form and the API spend one per-IP
// budget; over it the page says how long to wait, with Retry-After.
func TestFormsShareTheAPIsBudget(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	c.Page(api.PageLogin)
	// Another address each time: five wrong passwords would block one.
	wrong := func(i int) url.Values {
		return url.Values{"identifier": {fmt.Sprintf("nobody%d@example.com", i)}, "password": {"wrong password 1234"}}
	}
	for i := range 5 {
		if r := c.Form(api.PageLogin, wrong(2*i)); r.Status != 401 {
			t.Fatalf("form %d: %d", i, r.Status)
		}
		if r := c.Post(api.PathLogin, api.LoginRequest{Identifier: fmt.Sprintf("nobody%d@example.com", 2*i+1), Password: "wrong password 1234"}); r.Status != 401 {
			t.Fatalf("api %d: %d", i, r.Status)
		}
	}
	r := c.Form(api.PageLogin, wrong(99))
	if r.Status != 429 || r.Header.Get("Retry-After") == "" || !r.Shows("Please wait") {
		t.Fatalf("over the budget: %d %v\n%s", r.Status, r.Header, r.Body)
	}
}

// TestPagesSpeakTheReadersLanguage: Accept-Language, and the app's language
// cookie above it, pick the words of the page and of a post's answer.
func TestPagesSpeakTheReadersLanguage(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	de := c.Raw("GET", api.PageLogin, nil, map[string]string{"Accept-Language": "de-DE,de;q=0.9"})
	if !strings.Contains(string(de.Body), `<html lang="de"`) || !de.Shows("Mit Ihrer MINI ID anmelden") || !de.Shows("Zum Inhalt springen") {
		t.Fatalf("German page:\n%s", de.Body)
	}
	u, _ := url.Parse(env.URL)
	c.HTTP.Jar.SetCookies(u, []*http.Cookie{{Name: api.CookieLang, Value: "en", Path: "/"}})
	en := c.Raw("GET", api.PageLogin, nil, map[string]string{"Accept-Language": "de-DE"})
	if !strings.Contains(string(en.Body), `<html lang="en"`) || !en.Shows("Log in with your MINI ID") {
		t.Fatalf("the cookie's English:\n%s", en.Body)
	}
}

// hasTag reports whether page has a <tag> with all of attrs (go-app writes
// attributes in no fixed order).
func hasTag(page, tag string, attrs ...string) bool {
	for _, m := range regexp.MustCompile(`<`+tag+`\b[^>]*>`).FindAllString(page, -1) {
		all := true
		for _, a := range attrs {
			all = all && strings.Contains(m, " "+a)
		}
		if all {
			return true
		}
	}
	return false
}
