package oidc_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// grantError is the OAuth error code of a refused token request.
func grantError(t *testing.T, err error) string {
	t.Helper()
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		t.Fatalf("want a refusal from the token endpoint, got %v", err)
	}
	return re.ErrorCode
}

// userinfoWorks reports whether the access token still reads the profile.
func userinfoWorks(app *oidctest.RP, tok *oauth2.Token) bool {
	_, err := app.Provider.UserInfo(app.Ctx, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok.AccessToken, TokenType: "Bearer"}))
	return err == nil
}

// Attacks on the code and the token endpoint: every one is refused, and a
// code used twice takes the tokens of its first use with it.
func TestTokenEndpointRefusals(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		c := env.Client()
		app := rp(t, env, oidctest.Connected)
		code := func() (oidctest.Attempt, string) {
			a := app.Start()
			return a, signIn(t, env, c, email, a).Get("code")
		}

		t.Run("a wrong PKCE verifier", func(t *testing.T) {
			a, cd := code()
			if _, err := app.Exchange(cd, oauth2.GenerateVerifier()); grantError(t, err) != "invalid_grant" {
				t.Fatalf("wrong verifier: %v", err)
			}
			// The code was not spent by the attempt: the app still gets its tokens.
			if _, err := app.Exchange(cd, a.Verifier); err != nil {
				t.Fatalf("the right verifier after a wrong one: %v", err)
			}
		})
		t.Run("no PKCE verifier", func(t *testing.T) {
			_, cd := code()
			if _, err := app.OAuth.Exchange(app.Ctx, cd); grantError(t, err) != "invalid_request" {
				t.Fatalf("no verifier: %v", err)
			}
		})
		t.Run("a code used twice", func(t *testing.T) {
			a, cd := code()
			first, err := app.Exchange(cd, a.Verifier)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := app.Exchange(cd, a.Verifier); grantError(t, err) != "invalid_grant" {
				t.Fatalf("second use: %v", err)
			}
			if userinfoWorks(app, first) {
				t.Fatal("the tokens of the code's first use still work after its second use")
			}
		})
		t.Run("an expired code", func(t *testing.T) {
			a, cd := code()
			env.Clock.Advance(61 * time.Second)
			if _, err := app.Exchange(cd, a.Verifier); grantError(t, err) != "invalid_grant" {
				t.Fatalf("expired code: %v", err)
			}
		})
		t.Run("another app's code", func(t *testing.T) {
			a, cd := code()
			shop := rp(t, env, oidctest.Shop)
			if _, err := shop.Exchange(cd, a.Verifier); grantError(t, err) != "invalid_grant" {
				t.Fatalf("code of another app: %v", err)
			}
		})
		t.Run("a wrong client secret", func(t *testing.T) {
			a, cd := code()
			bad := *app
			bad.OAuth.ClientSecret = strings.Repeat("x", 40)
			if _, err := bad.Exchange(cd, a.Verifier); grantError(t, err) != "invalid_client" {
				t.Fatalf("wrong secret: %v", err)
			}
		})
		t.Run("a made-up code", func(t *testing.T) {
			if _, err := app.Exchange("made-up", oauth2.GenerateVerifier()); grantError(t, err) != "invalid_grant" {
				t.Fatalf("made-up code: %v", err)
			}
		})
	})
}

// A request the portal cannot send back to its app (unknown app, a
// redirect_uri the app did not register) stays on the portal's error page;
// one it can is answered at the app with an OAuth error.
func TestAuthorizationRequestRefusals(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, _ := start(t, db)
		c := env.Client()
		app := rp(t, env, oidctest.Connected)
		phone := rp(t, env, oidctest.Phone)
		with := func(a oidctest.Attempt, change func(q url.Values)) string {
			u, _ := url.Parse(a.URL)
			q := u.Query()
			change(q)
			u.RawQuery = q.Encode()
			return u.String()
		}
		for _, tc := range []struct {
			name   string
			change func(q url.Values)
		}{
			{"unknown app", func(q url.Values) { q.Set("client_id", "nobody") }},
			{"no app", func(q url.Values) { q.Del("client_id") }},
			{"unregistered redirect_uri", func(q url.Values) { q.Set("redirect_uri", "https://evil.example/cb") }},
			{"a redirect_uri differing only in a trailing slash", func(q url.Values) { q.Set("redirect_uri", oidctest.Redirect+"/") }},
			{"a redirect_uri on another port", func(q url.Values) { q.Set("redirect_uri", "http://127.0.0.1:10/callback") }},
			{"no redirect_uri", func(q url.Values) { q.Del("redirect_uri") }},
		} {
			r, back := walk(t, c, with(app.Start(), tc.change))
			if back != "" {
				t.Fatalf("%s: the browser was sent to %s", tc.name, back)
			}
			errorPage(t, r, tc.name)
		}
		for _, tc := range []struct {
			name, want string
			app        *oidctest.RP
			change     func(q url.Values)
		}{
			{"a public app without PKCE", "invalid_request", phone, func(q url.Values) { q.Del("code_challenge"); q.Del("code_challenge_method") }},
			{"PKCE plain", "invalid_request", app, func(q url.Values) { q.Set("code_challenge_method", "plain") }},
			{"response_mode=form_post", "invalid_request", app, func(q url.Values) { q.Set("response_mode", "form_post") }},
			{"no openid scope", "invalid_scope", app, func(q url.Values) { q.Set("scope", "email") }},
			{"the implicit flow", "unauthorized_client", app, func(q url.Values) { q.Set("response_type", "id_token") }},
			{"request_uri", "request_uri_not_supported", app, func(q url.Values) { q.Set("request_uri", "https://evil.example/r") }},
			{"a request object", "request_not_supported", app, func(q url.Values) { q.Set("request", "e30.e30.") }},
		} {
			a := tc.app.Start()
			r, back := walk(t, c, with(a, tc.change))
			if back == "" {
				t.Fatalf("%s: not answered at the app: %d %s", tc.name, r.Status, r.Body)
			}
			q := oidctest.Callback(t, back)
			if q.Get("error") != tc.want || q.Get("state") != a.State || q.Get("code") != "" {
				t.Fatalf("%s: the app got %v, want error=%s with its state", tc.name, q, tc.want)
			}
		}
	})
}

// prompt=none answers at once: login_required without a session, a code
// with one (first-party app), consent_required where consent is missing.
func TestPromptNone(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected)
		none := oauth2.SetAuthURLParam("prompt", "none")
		c := env.Client()
		a := app.Start(none)
		_, back := walk(t, c, a.URL)
		if q := oidctest.Callback(t, back); back == "" || q.Get("error") != "login_required" || q.Get("state") != a.State {
			t.Fatalf("prompt=none without a session: %q", back)
		}
		login(t, env, c, email)
		env.Clock.Advance(time.Second)
		a = app.Start(none)
		if _, back = walk(t, c, a.URL); oidctest.Callback(t, back).Get("code") == "" {
			t.Fatalf("prompt=none with a session: %q", back)
		}
		shop := rp(t, env, oidctest.Shop)
		a = shop.Start(none)
		if _, back = walk(t, c, a.URL); oidctest.Callback(t, back).Get("error") != "consent_required" {
			t.Fatalf("prompt=none before consent: %q", back)
		}
	})
}

// The continuation of a request works only in the browser that brought it.
func TestRequestIsBoundToTheBrowser(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected)
		attacker := env.Client()
		r := attacker.Get(strings.TrimPrefix(app.Start().URL, env.URL))
		cont := r.Header.Get("Location")
		if !strings.HasPrefix(cont, "/oidc/continue?id=") {
			t.Fatalf("authorize sent the browser to %q", cont)
		}
		victim := env.Client()
		login(t, env, victim, email)
		r, back := walk(t, victim, cont)
		if back != "" {
			t.Fatalf("another browser's request went back to the app: %s", back)
		}
		errorPage(t, r, "another browser's request")
		// A request id nobody issued, or one run out, is the same page.
		r, _ = walk(t, victim, "/oidc/continue?id=nothing")
		errorPage(t, r, "an unknown request")
	})
}
