package oidc_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// The OpenID Foundation's Basic OP checks the other tests do not cover
// already (README lists them all): the variants of a request that must
// still work, and those that must be refused at the app.
func TestBasicOPChecks(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		c := env.Client()
		login(t, env, c, email)
		env.Clock.Advance(time.Second)
		app := rp(t, env, oidctest.Connected)
		code := func(a oidctest.Attempt, address string) string {
			t.Helper()
			_, back := walk(t, c, address)
			q := oidctest.Callback(t, back)
			if q.Get("code") == "" || q.Get("state") != a.State {
				t.Fatalf("no code for %s: %q", address, back)
			}
			return q.Get("code")
		}

		t.Run("oidcc-ensure-request-without-nonce-succeeds-for-code-flow", func(t *testing.T) {
			a := app.Start()
			u := strings.Replace(a.URL, "nonce="+a.Nonce, "", 1)
			tok, err := app.Exchange(code(a, u), a.Verifier)
			if err != nil {
				t.Fatal(err)
			}
			app.Verify(tok, "")
		})
		t.Run("oidcc-ensure-request-with-unknown-parameter-succeeds, display, ui_locales, claims_locales, other scope order", func(t *testing.T) {
			a := app.Start(oauth2.SetAuthURLParam("extra", "x"), oauth2.SetAuthURLParam("display", "popup"),
				oauth2.SetAuthURLParam("ui_locales", "de en"), oauth2.SetAuthURLParam("claims_locales", "de"),
				oauth2.SetAuthURLParam("scope", "email profile openid"))
			if _, err := app.Exchange(code(a, a.URL), a.Verifier); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("oidcc-ensure-post-request-succeeds", func(t *testing.T) {
			a := app.Start()
			u, _ := url.Parse(a.URL)
			r := c.Raw("POST", "/oidc/authorize", []byte(u.RawQuery), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			loc := r.Header.Get("Location")
			if !strings.HasPrefix(loc, "/oidc/continue") {
				t.Fatalf("POST authorize: %d %q", r.Status, loc)
			}
			if _, err := app.Exchange(code(a, loc), a.Verifier); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("oidcc-response-type-missing", func(t *testing.T) {
			a := app.Start()
			u := strings.Replace(a.URL, "response_type=code", "", 1)
			_, back := walk(t, c, u)
			if q := oidctest.Callback(t, back); q.Get("error") != "invalid_request" || q.Get("state") != a.State {
				t.Fatalf("no response_type: %q", back)
			}
		})
		t.Run("oidcc-server-client-secret-post", func(t *testing.T) {
			post := *app
			post.OAuth.Endpoint.AuthStyle = oauth2.AuthStyleInParams
			a := post.Start()
			if _, err := post.Exchange(code(a, a.URL), a.Verifier); err != nil {
				t.Fatalf("client_secret_post: %v", err)
			}
		})
		t.Run("oidcc-userinfo-get, post-header, post-body", func(t *testing.T) {
			a := app.Start()
			tok, err := app.Exchange(code(a, a.URL), a.Verifier)
			if err != nil {
				t.Fatal(err)
			}
			for name, req := range map[string]func() *http.Request{
				"GET with the header": func() *http.Request {
					r, _ := http.NewRequest("GET", env.URL+"/oidc/userinfo", nil)
					r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
					return r
				},
				"POST with the header": func() *http.Request {
					r, _ := http.NewRequest("POST", env.URL+"/oidc/userinfo", nil)
					r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
					return r
				},
				"POST with the token in the body": func() *http.Request {
					r, _ := http.NewRequest("POST", env.URL+"/oidc/userinfo", strings.NewReader("access_token="+url.QueryEscape(tok.AccessToken)))
					r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					return r
				},
			} {
				res, err := http.DefaultClient.Do(req())
				if err != nil {
					t.Fatal(err)
				}
				var info map[string]any
				json.NewDecoder(res.Body).Decode(&info)
				res.Body.Close()
				if res.StatusCode != 200 || info["email"] != email {
					t.Fatalf("userinfo %s: %d %v", name, res.StatusCode, info)
				}
			}
			r, _ := http.NewRequest("GET", env.URL+"/oidc/userinfo", nil)
			r.Header.Set("Authorization", "Bearer forged")
			res, err := http.DefaultClient.Do(r)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != 401 || !strings.Contains(res.Header.Get("WWW-Authenticate"), "invalid_token") {
				t.Fatalf("userinfo with a forged token: %d %q", res.StatusCode, res.Header.Get("WWW-Authenticate"))
			}
		})
		t.Run("oidcc-id-token-hint", func(t *testing.T) {
			a := app.Start()
			tok, err := app.Exchange(code(a, a.URL), a.Verifier)
			if err != nil {
				t.Fatal(err)
			}
			hint, _ := tok.Extra("id_token").(string)
			a = app.Start(oauth2.SetAuthURLParam("prompt", "none"), oauth2.SetAuthURLParam("id_token_hint", hint))
			code(a, a.URL)
			// The hint names the signed-in account; in another browser,
			// signed in as someone else, prompt=none answers login_required.
			other := env.Client()
			env.Register("otto@example.com")
			login(t, env, other, "otto@example.com")
			env.Clock.Advance(time.Second)
			a = app.Start(oauth2.SetAuthURLParam("prompt", "none"), oauth2.SetAuthURLParam("id_token_hint", hint))
			if _, back := walk(t, other, a.URL); oidctest.Callback(t, back).Get("error") != "login_required" {
				t.Fatalf("a hint of another account with prompt=none: %q", back)
			}
		})
		t.Run("oidcc-login-hint", func(t *testing.T) {
			fresh := env.Client()
			a := app.Start(oauth2.SetAuthURLParam("login_hint", email))
			walk(t, fresh, a.URL)
			if s := fresh.Session(); s.Return == nil || s.Return.LoginHint != email || s.State != api.StateNone {
				t.Fatalf("the login page is not given the hint: %+v", s.Return)
			}
		})
	})
}
