package oidc_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	jose "github.com/go-jose/go-jose/v4"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

// kid is the key id an ID token was signed with.
func kid(t *testing.T, raw string) string {
	t.Helper()
	jws, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatal(err)
	}
	return jws.Signatures[0].Header.KeyID
}

// published lists the key ids of the JWKS.
func published(t *testing.T, env *portaltest.Env) []string {
	t.Helper()
	var set jose.JSONWebKeySet
	r := env.Client().Get("/oidc/keys")
	if err := json.Unmarshal(r.Body, &set); err != nil {
		t.Fatalf("JWKS: %d %s", r.Status, r.Body)
	}
	var ids []string
	for _, k := range set.Keys {
		if k.IsPublic() && k.Use == "sig" && k.Algorithm == "RS256" {
			ids = append(ids, k.KeyID)
		}
	}
	return ids
}

// verifiesFresh reports whether an app that fetches the JWKS now accepts
// the ID token.
func verifiesFresh(t *testing.T, env *portaltest.Env, raw string) bool {
	t.Helper()
	app := rp(t, env, oidctest.Connected)
	_, err := app.Provider.Verifier(&gooidc.Config{ClientID: oidctest.Connected}).Verify(context.Background(), raw)
	return err == nil
}

// The signing key is made at the first start, kept across restarts,
// rotated when the injected clock passes the rotation period, and the old
// key stays published until the ID tokens it signed have run out.
func TestSigningKeyRotation(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		keys, err := store.OIDCKeys(context.Background(), db.Bun)
		if err != nil || len(keys) != 1 {
			t.Fatalf("keys after the first start: %d %v", len(keys), err)
		}
		env.Reconfigure()
		if keys, _ := store.OIDCKeys(context.Background(), db.Bun); len(keys) != 1 {
			t.Fatalf("a restart made another key: %d", len(keys))
		}
		app := rp(t, env, oidctest.Connected)
		c := env.Client()
		idToken := func() string {
			raw, _ := tokens(t, env, c, email, app).Extra("id_token").(string)
			return raw
		}
		old := idToken()
		env.Clock.Advance(30*24*time.Hour + time.Minute)
		next := idToken()
		if kid(t, old) == kid(t, next) {
			t.Fatal("no new key after the rotation period")
		}
		if ids := published(t, env); !slices.Contains(ids, kid(t, old)) || !slices.Contains(ids, kid(t, next)) {
			t.Fatalf("JWKS right after the rotation: %v", ids)
		}
		if !verifiesFresh(t, env, old) || !verifiesFresh(t, env, next) {
			t.Fatal("a token of the old or the new key does not verify after the rotation")
		}
		// The old key goes once its last ID token (10 minutes) has run out.
		env.Clock.Advance(12 * time.Minute)
		if ids := published(t, env); slices.Contains(ids, kid(t, old)) || !slices.Contains(ids, kid(t, next)) {
			t.Fatalf("JWKS after the old key's tokens ran out: %v", ids)
		}
		if verifiesFresh(t, env, old) {
			t.Fatal("a token of the retired key still verifies")
		}
	})
}
