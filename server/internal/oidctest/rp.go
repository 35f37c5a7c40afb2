// Package oidctest is a real relying party for tests of the portal's
// OpenID Connect provider: golang.org/x/oauth2 for the code flow with PKCE
// and github.com/coreos/go-oidc/v3 to verify ID tokens against the JWKS,
// as an app of the brand would use them.
package oidctest

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// The registered apps of ClientsFile.
const (
	// Connected is the brand's own web app: confidential, first party.
	Connected       = "connected"
	ConnectedSecret = "connected-secret-0123456789abcdef0123456789"
	// Shop is a partner's web app: confidential, third party (asks consent).
	Shop       = "shop"
	ShopSecret = "shop-secret-0123456789abcdef0123456789abcdef"
	// Phone is the brand's phone app: public, so it must use PKCE.
	Phone = "phone"
	// Base is where the apps of the HTTP tests live (nothing listens: the
	// tests read the portal's redirects to it).
	Base = "http://127.0.0.1:9"
	// Redirect is every app's registered redirect URI at Base.
	Redirect = Base + "/callback"
	// AfterLogout is the apps' registered post-logout redirect URI at Base.
	AfterLogout = Base + "/bye"
)

// Names of the apps as the customer sees them.
var Names = map[string]string{Connected: "MINI Connected", Shop: "Accessory Shop", Phone: "MINI App"}

// ClientsFile writes an OIDC_CLIENTS file listing the three apps, living
// at base (redirect URI base+"/callback", post-logout base+"/bye"), and
// returns its path.
func ClientsFile(t testing.TB, base string) string {
	t.Helper()
	redirect := base + "/callback"
	list := []map[string]any{
		{"id": Connected, "name": Names[Connected], "redirect_uris": []string{redirect}, "post_logout_redirect_uris": []string{base + "/bye"},
			"public": false, "secret": ConnectedSecret, "first_party": true},
		{"id": Shop, "name": Names[Shop], "redirect_uris": []string{redirect}, "post_logout_redirect_uris": []string{base + "/bye"},
			"public": false, "secret": ShopSecret, "first_party": false},
		{"id": Phone, "name": Names[Phone], "redirect_uris": []string{redirect}, "public": true, "first_party": true},
	}
	b, _ := json.Marshal(list)
	path := filepath.Join(t.TempDir(), "clients.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// RP is one app talking to the portal.
type RP struct {
	T        testing.TB
	Provider *oidc.Provider
	OAuth    oauth2.Config
	Ctx      context.Context
}

// New discovers the provider at issuer and returns app clientID (secret ""
// for a public app) asking for scopes ("openid" first).
func New(t testing.TB, issuer, clientID, secret, redirect string, scopes ...string) *RP {
	t.Helper()
	ctx := context.Background()
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		t.Fatalf("discover %s: %v", issuer, err)
	}
	if len(scopes) == 0 {
		scopes = []string{oidc.ScopeOpenID, "email", "profile"}
	}
	cfg := oauth2.Config{ClientID: clientID, ClientSecret: secret, Endpoint: p.Endpoint(), RedirectURL: redirect, Scopes: scopes}
	return &RP{T: t, Provider: p, OAuth: cfg, Ctx: ctx}
}

// Attempt is one login the app started: what it keeps to check the answer.
type Attempt struct {
	URL, State, Nonce, Verifier string
}

// Start begins a login with a fresh state, nonce and PKCE verifier (S256);
// opts add parameters (oauth2.SetAuthURLParam("prompt", "login"), …).
func (rp *RP) Start(opts ...oauth2.AuthCodeOption) Attempt {
	a := Attempt{State: oauth2.GenerateVerifier(), Nonce: oauth2.GenerateVerifier(), Verifier: oauth2.GenerateVerifier()}
	opts = append([]oauth2.AuthCodeOption{oidc.Nonce(a.Nonce), oauth2.S256ChallengeOption(a.Verifier)}, opts...)
	a.URL = rp.OAuth.AuthCodeURL(a.State, opts...)
	return a
}

// Exchange trades code for tokens with the PKCE verifier.
func (rp *RP) Exchange(code, verifier string) (*oauth2.Token, error) {
	return rp.OAuth.Exchange(rp.Ctx, code, oauth2.VerifierOption(verifier))
}

// Claims are the ID token's claims a test looks at.
type Claims struct {
	Subject  string   `json:"sub"`
	Nonce    string   `json:"nonce"`
	AMR      []string `json:"amr"`
	ACR      string   `json:"acr"`
	AuthTime int64    `json:"auth_time"`
	AZP      string   `json:"azp"`
}

// Verify checks the token response's ID token against the provider's JWKS
// (signature, issuer, audience, expiry) and its nonce, and returns it.
func (rp *RP) Verify(tok *oauth2.Token, nonce string) (*oidc.IDToken, Claims) {
	rp.T.Helper()
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		rp.T.Fatal("the token response has no id_token")
	}
	id, err := rp.Provider.Verifier(&oidc.Config{ClientID: rp.OAuth.ClientID}).Verify(rp.Ctx, raw)
	if err != nil {
		rp.T.Fatalf("verify the ID token: %v", err)
	}
	var c Claims
	if err := id.Claims(&c); err != nil {
		rp.T.Fatal(err)
	}
	if c.Nonce != nonce {
		rp.T.Fatalf("the ID token's nonce is %q, want the one the app sent", c.Nonce)
	}
	if err := id.VerifyAccessToken(tok.AccessToken); err != nil {
		rp.T.Fatalf("at_hash: %v", err)
	}
	return id, c
}

// Callback reads the answer at the app's redirect URI: the code, or the
// error, and the state — from the query, or from the fragment, where OAuth
// puts the answer to an implicit-flow request.
func Callback(t testing.TB, location string) url.Values {
	t.Helper()
	u, err := url.Parse(location)
	if err != nil {
		t.Fatalf("callback %q: %v", location, err)
	}
	q := u.Query()
	if f, err := url.ParseQuery(u.Fragment); err == nil {
		for k, v := range f {
			q[k] = append(q[k], v...)
		}
	}
	return q
}
