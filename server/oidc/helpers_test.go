package oidc_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// start runs a portal with the test apps registered and a customer.
func start(t *testing.T, db *testenv.DB, extra ...string) (*portaltest.Env, string) {
	t.Helper()
	env := portaltest.Start(t, db, append([]string{"OIDC_CLIENTS", oidctest.ClientsFile(t, oidctest.Base)}, extra...)...)
	email := "jana@example.com"
	env.Register(email)
	env.Clock.Advance(time.Minute)
	return env, email
}

// rp is app id of the test apps, discovered at the portal.
func rp(t *testing.T, env *portaltest.Env, id string, scopes ...string) *oidctest.RP {
	t.Helper()
	secret := map[string]string{oidctest.Connected: oidctest.ConnectedSecret, oidctest.Shop: oidctest.ShopSecret}[id]
	return oidctest.New(t, env.URL, id, secret, oidctest.Redirect, scopes...)
}

// walk follows the portal's redirects from address in browser c until the
// answer leaves the portal (the app's redirect URI) or is not a redirect.
// It returns the last answer and, if it left, where to.
func walk(t *testing.T, c *portaltest.Client, address string) (portaltest.Response, string) {
	t.Helper()
	path := strings.TrimPrefix(address, c.Env.URL)
	for i := 0; i < 10; i++ {
		r := c.Get(path)
		if r.Status < 300 || r.Status >= 400 {
			return r, ""
		}
		loc := r.Header.Get("Location")
		if strings.HasPrefix(loc, oidctest.Redirect) || strings.HasPrefix(loc, oidctest.AfterLogout) {
			return r, loc
		}
		if !strings.HasPrefix(loc, "/") {
			t.Fatalf("the portal sent the browser to %q", loc)
		}
		if strings.HasPrefix(loc, "/login") || strings.HasPrefix(loc, api.PageConsent) || strings.HasPrefix(loc, api.PageSignOut) {
			return r, ""
		}
		path = loc
	}
	t.Fatalf("more than 10 redirects from %s", address)
	return portaltest.Response{}, ""
}

// login logs browser c in with the password and, when asked, the e-mailed
// code, and returns the session answer of the last step.
func login(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string) api.Session {
	t.Helper()
	var s api.Session
	c.Session() // the page the person types into is a fresh one
	r := c.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: portaltest.Password})
	if r.Status != 200 {
		t.Fatalf("login: %d %s", r.Status, r.Body)
	}
	r.JSON(t, &s)
	if s.State == api.StateSecondStep {
		r = c.Post(api.PathLoginCode, api.CodeRequest{Code: env.LastMail(email).Code()})
		if r.Status != 200 {
			t.Fatalf("login code: %d %s", r.Status, r.Body)
		}
		r.JSON(t, &s)
	}
	return s
}

// signIn runs an app's sign-in in browser c to its end: the authorization
// request, the login the portal asks for, and back to the app. It returns
// the app's callback parameters.
func signIn(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string, a oidctest.Attempt) url.Values {
	t.Helper()
	r, back := walk(t, c, a.URL)
	if back == "" && r.Header.Get("Location") == "/login" {
		s := login(t, env, c, email)
		if s.Return == nil {
			t.Fatalf("signed in without a return address: %+v", s)
		}
		r, back = walk(t, c, s.Return.To)
	}
	if back == "" {
		t.Fatalf("the sign-in did not go back to the app: %d %s %s", r.Status, r.Header.Get("Location"), r.Body)
	}
	q := oidctest.Callback(t, back)
	if q.Get("state") != a.State {
		t.Fatalf("state %q came back, the app sent %q", q.Get("state"), a.State)
	}
	return q
}

// errorPage checks that r is the portal's own sign-in error page: HTML,
// status 400, no redirect.
func errorPage(t *testing.T, r portaltest.Response, what string) {
	t.Helper()
	if r.Status != http.StatusBadRequest || r.Header.Get("Location") != "" || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("%s: want the portal's error page (400, HTML, no Location), got %d %q Location=%q",
			what, r.Status, r.Header.Get("Content-Type"), r.Header.Get("Location"))
	}
}
