package oidc_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// RP-initiated logout: an app that names the signed-in account with its ID
// token logs the browser out and gets it back at its registered address
// with its state; one that does not is answered with the portal's question
// instead of a silent logout; an unregistered address is refused.
func TestRPInitiatedLogout(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected)
		c := env.Client()
		tok := tokens(t, env, c, email, app)
		idToken, _ := tok.Extra("id_token").(string)
		end := func(q url.Values) string { return "/oidc/end_session?" + q.Encode() }

		// Without proof: the portal asks, and keeps the app's address.
		r, back := walk(t, c, end(url.Values{"client_id": {oidctest.Connected}, "post_logout_redirect_uri": {oidctest.AfterLogout}}))
		if back != "" || r.Header.Get("Location") != api.PageSignOut {
			t.Fatalf("a logout without id_token_hint: %d %q %q", r.Status, r.Header.Get("Location"), back)
		}
		s := c.Session()
		if s.State != api.StateFull || s.Leave == nil || s.Leave.To != oidctest.AfterLogout || s.Leave.App != oidctest.Names[oidctest.Connected] {
			t.Fatalf("after the unproven logout: %+v leave %+v", s, s.Leave)
		}
		// An address the app did not register.
		r, back = walk(t, c, end(url.Values{"id_token_hint": {idToken}, "post_logout_redirect_uri": {"https://evil.example/"}}))
		if back != "" {
			t.Fatalf("sent to %s", back)
		}
		errorPage(t, r, "an unregistered post_logout_redirect_uri")
		if c.Session().State != api.StateFull {
			t.Fatal("a refused logout ended the session")
		}
		// With the ID token.
		_, back = walk(t, c, end(url.Values{"id_token_hint": {idToken}, "post_logout_redirect_uri": {oidctest.AfterLogout}, "state": {"s1"}}))
		if !strings.HasPrefix(back, oidctest.AfterLogout) || oidctest.Callback(t, back).Get("state") != "s1" {
			t.Fatalf("logout with id_token_hint went to %q", back)
		}
		if s := c.Session(); s.State != api.StateNone {
			t.Fatalf("still signed in after the app's logout: %+v", s)
		}
	})
}
