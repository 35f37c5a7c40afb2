package oidc_test

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	oidcprov "github.com/minicorp/miniid/server/oidc"
	"github.com/minicorp/miniid/shared/api"
)

func activateTwoFactor(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string) {
	t.Helper()
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("two-factor start: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status != 200 {
		t.Fatalf("two-factor confirm: %d %s", r.Status, r.Body)
	}
}

// acr_values=aal2 makes the login ask for a second factor through the
// funnel — the account's own code with two-factor authentication on, the
// e-mailed code without — and the ID token says what was proven, named
// honestly (never "aal2").
func TestACRValuesAskForTwoFactors(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected)
		aal2 := oauth2.SetAuthURLParam("acr_values", "aal2")
		twoFactors := func(c *portaltest.Client, a oidctest.Attempt) {
			t.Helper()
			q := signIn(t, env, c, email, a)
			tok, err := app.Exchange(q.Get("code"), a.Verifier)
			if err != nil {
				t.Fatal(err)
			}
			_, claims := app.Verify(tok, a.Nonce)
			if claims.ACR != oidcprov.ACRTwoFactors || !slices.Equal(claims.AMR, []string{"pwd", "otp", "mfa"}) {
				t.Fatalf("acr %q amr %v after a login for aal2", claims.ACR, claims.AMR)
			}
		}

		// Without two-factor authentication: the password alone does not do.
		c := env.Client()
		r, _ := walk(t, c, app.Start(aal2).URL)
		if r.Header.Get("Location") != "/login" {
			t.Fatalf("aal2 without a session: %d %s", r.Status, r.Header.Get("Location"))
		}
		var s api.Session
		c.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: portaltest.Password}).JSON(t, &s)
		if s.State != api.StateSecondStep {
			t.Fatalf("the password alone completed a login for aal2: %+v", s)
		}
		if r := c.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("half-way through, the profile reads: %d", r.Status)
		}
		env.Clock.Advance(time.Minute)
		twoFactors(env.Client(), app.Start(aal2))

		// A one-factor session is asked again for aal2, with the code.
		c = env.Client()
		login(t, env, c, email)
		env.Clock.Advance(time.Second)
		r, _ = walk(t, c, app.Start(aal2).URL)
		if r.Header.Get("Location") != "/login" {
			t.Fatalf("aal2 on a one-factor session: %d %s", r.Status, r.Header.Get("Location"))
		}
		if s := c.Session(); s.Return == nil || !s.Return.Reauth || s.Return.App != oidctest.Names[oidctest.Connected] {
			t.Fatalf("the login page does not know to log in again for the app: %+v", s.Return)
		}

		// With two-factor authentication the normal login has both.
		owner := env.Client()
		login(t, env, owner, email)
		activateTwoFactor(t, env, owner, email)
		env.Clock.Advance(time.Minute)
		twoFactors(env.Client(), app.Start(aal2))
	})
}

// prompt=login and max_age ask a signed-in browser to log in again; a
// login made for the request satisfies them.
func TestFreshLogin(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected)
		c := env.Client()
		login(t, env, c, email)
		authTime := func(a oidctest.Attempt, q url.Values) int64 {
			t.Helper()
			tok, err := app.Exchange(q.Get("code"), a.Verifier)
			if err != nil {
				t.Fatal(err)
			}
			_, claims := app.Verify(tok, a.Nonce)
			return claims.AuthTime
		}
		a := app.Start()
		last := authTime(a, signIn(t, env, c, email, a))
		for _, opt := range []oauth2.AuthCodeOption{
			oauth2.SetAuthURLParam("prompt", "login"),
			oauth2.SetAuthURLParam("max_age", "60"),
		} {
			env.Clock.Advance(2 * time.Minute)
			a := app.Start(opt)
			r, _ := walk(t, c, a.URL)
			if r.Header.Get("Location") != "/login" {
				t.Fatalf("a signed-in browser was not asked to log in again: %d %s", r.Status, r.Header.Get("Location"))
			}
			if s := c.Session(); s.Return == nil || !s.Return.Reauth {
				t.Fatalf("the login page is not told to log in again: %+v", s.Return)
			}
			env.Clock.Advance(time.Second)
			at := authTime(a, signIn(t, env, c, email, a))
			if at <= last {
				t.Fatal("the ID token's auth_time is the earlier login's")
			}
			last = at
		}
		// max_age the session meets goes straight back.
		a = app.Start(oauth2.SetAuthURLParam("max_age", "3600"))
		if _, back := walk(t, c, a.URL); oidctest.Callback(t, back).Get("code") == "" {
			t.Fatalf("a recent login was asked again: %q", back)
		}
	})
}
