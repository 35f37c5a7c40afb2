package oidc_test

import (
	"slices"
	"testing"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/testenv"
	oidcprov "github.com/minicorp/miniid/server/oidc"
)

// The code flow with PKCE, from the app's link to a verified ID token and
// the userinfo endpoint, as a real relying party sees it.
func TestCodeFlowWithPKCE(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected, "openid", "email", "profile", "address")
		a := app.Start()
		c := env.Client()
		q := signIn(t, env, c, email, a)
		tok, err := app.Exchange(q.Get("code"), a.Verifier)
		if err != nil {
			t.Fatalf("exchange: %v", err)
		}
		id, claims := app.Verify(tok, a.Nonce)
		if id.Issuer != env.URL || !slices.Equal(id.Audience, []string{oidctest.Connected}) || claims.AZP != oidctest.Connected {
			t.Fatalf("iss %q aud %v azp %q", id.Issuer, id.Audience, claims.AZP)
		}
		if !slices.Equal(claims.AMR, []string{"pwd"}) || claims.ACR != oidcprov.ACROneFactor || claims.AuthTime == 0 {
			t.Fatalf("amr %v acr %q auth_time %d for a password login", claims.AMR, claims.ACR, claims.AuthTime)
		}
		info, err := app.Provider.UserInfo(app.Ctx, app.OAuth.TokenSource(app.Ctx, tok))
		if err != nil {
			t.Fatalf("userinfo: %v", err)
		}
		var profile struct {
			Name    string `json:"name"`
			Address struct {
				Locality string `json:"locality"`
			} `json:"address"`
		}
		info.Claims(&profile)
		if info.Subject != id.Subject || info.Email != email || !info.EmailVerified || profile.Name != "Jana Keller" || profile.Address.Locality != "München" {
			t.Fatalf("userinfo: sub %q (id token %q) email %q verified %v name %q city %q",
				info.Subject, id.Subject, info.Email, info.EmailVerified, profile.Name, profile.Address.Locality)
		}
	})
}
