package oidc_test

import (
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// tokens runs a sign-in of app in browser c and returns the app's tokens.
func tokens(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string, app *oidctest.RP) *oauth2.Token {
	t.Helper()
	a := app.Start()
	q := signIn(t, env, c, email, a)
	tok, err := app.Exchange(q.Get("code"), a.Verifier)
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	app.Verify(tok, a.Nonce)
	return tok
}

// refresh trades a refresh token for new tokens.
func refresh(app *oidctest.RP, rt string) (*oauth2.Token, error) {
	return app.OAuth.TokenSource(app.Ctx, &oauth2.Token{RefreshToken: rt}).Token()
}

// Refresh tokens come only with offline_access, rotate on every use, and a
// used one presented again revokes the whole grant: the newest tokens too.
func TestRefreshTokensRotateAndReuseRevokes(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		c := env.Client()
		if tok := tokens(t, env, c, email, rp(t, env, oidctest.Connected)); tok.RefreshToken != "" {
			t.Fatal("a refresh token without offline_access")
		}
		app := rp(t, env, oidctest.Connected, "openid", "email", "offline_access")
		first := tokens(t, env, c, email, app)
		if first.RefreshToken == "" {
			t.Fatal("no refresh token with offline_access")
		}
		env.Clock.Advance(time.Hour)
		second, err := refresh(app, first.RefreshToken)
		if err != nil {
			t.Fatalf("refresh: %v", err)
		}
		if second.RefreshToken == "" || second.RefreshToken == first.RefreshToken || second.AccessToken == first.AccessToken {
			t.Fatal("the refresh did not rotate the tokens")
		}
		app.Verify(second, "")
		if !userinfoWorks(app, second) {
			t.Fatal("the refreshed access token does not read userinfo")
		}
		// The old refresh token again: refused, and the grant is gone.
		if _, err := refresh(app, first.RefreshToken); grantError(t, err) != "invalid_grant" {
			t.Fatalf("a used refresh token: %v", err)
		}
		if userinfoWorks(app, second) {
			t.Fatal("the newest access token survived the reuse of an old refresh token")
		}
		if _, err := refresh(app, second.RefreshToken); grantError(t, err) != "invalid_grant" {
			t.Fatalf("the newest refresh token survived the reuse: %v", err)
		}
		// Sliding: a refresh token lives 30 days from its issue.
		third := tokens(t, env, c, email, app)
		env.Clock.Advance(29 * 24 * time.Hour)
		fourth, err := refresh(app, third.RefreshToken)
		if err != nil {
			t.Fatalf("refresh after 29 days: %v", err)
		}
		env.Clock.Advance(29 * 24 * time.Hour)
		fifth, err := refresh(app, fourth.RefreshToken)
		if err != nil {
			t.Fatalf("refresh 29 days after the last refresh: %v", err)
		}
		env.Clock.Advance(31 * 24 * time.Hour)
		if _, err := refresh(app, fifth.RefreshToken); grantError(t, err) != "invalid_grant" {
			t.Fatalf("an expired refresh token: %v", err)
		}
		// An access token expires after 10 minutes.
		sixth := tokens(t, env, c, email, app)
		env.Clock.Advance(11 * time.Minute)
		if userinfoWorks(app, sixth) {
			t.Fatal("an access token works after 10 minutes")
		}
	})
}

// A third-party app asks consent once per scope; Cancel answers
// access_denied; the app is listed under "Connected apps", and "Remove
// access" ends its tokens at once and asks consent again next time.
func TestConsentAndConnectedApps(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		c := env.Client()
		login(t, env, c, email)
		shop := rp(t, env, oidctest.Shop, "openid", "email", "offline_access")
		consentPage := func(a oidctest.Attempt) string {
			t.Helper()
			r, back := walk(t, c, a.URL)
			loc := r.Header.Get("Location")
			if back != "" || len(loc) < len(api.PageConsent) || loc[:len(api.PageConsent)] != api.PageConsent {
				t.Fatalf("a third-party app was not asked consent: %d %q %q", r.Status, loc, back)
			}
			return loc[len(api.PageConsent+"?id="):]
		}
		// Cancel.
		a := shop.Start()
		id := consentPage(a)
		var req api.Authorization
		c.Get(api.PathAuthorization+"?id="+id).JSON(t, &req)
		if req.App != oidctest.Names[oidctest.Shop] || len(req.Scopes) != 3 {
			t.Fatalf("the consent screen shows %+v", req)
		}
		var next api.Continue
		c.Post(api.PathConsent, api.ConsentRequest{ID: id, Allow: false}).JSON(t, &next)
		_, back := walk(t, c, next.To)
		if q := oidctest.Callback(t, back); q.Get("error") != "access_denied" || q.Get("state") != a.State {
			t.Fatalf("Cancel: the app got %q", back)
		}
		// Another browser cannot answer for this one.
		a = shop.Start()
		id = consentPage(a)
		other := env.Client()
		login(t, env, other, email)
		if r := other.Post(api.PathConsent, api.ConsentRequest{ID: id, Allow: true}); r.Status != 404 {
			t.Fatalf("another browser answered the consent: %d", r.Status)
		}
		// Allow.
		c.Post(api.PathConsent, api.ConsentRequest{ID: id, Allow: true}).JSON(t, &next)
		_, back = walk(t, c, next.To)
		q := oidctest.Callback(t, back)
		tok, err := shop.Exchange(q.Get("code"), a.Verifier)
		if err != nil {
			t.Fatal(err)
		}
		// Remembered: the next sign-in goes straight back.
		if _, back = walk(t, c, shop.Start().URL); oidctest.Callback(t, back).Get("code") == "" {
			t.Fatalf("consent was asked again: %q", back)
		}
		// A new scope asks again.
		wider := rp(t, env, oidctest.Shop, "openid", "email", "phone")
		consentPage(wider.Start())

		var apps []api.ConnectedApp
		c.Get(api.PathApps).JSON(t, &apps)
		if len(apps) != 1 || apps[0].ID != oidctest.Shop || apps[0].Name != oidctest.Names[oidctest.Shop] {
			t.Fatalf("connected apps: %+v", apps)
		}
		if r := c.Post(api.PathAppRemove, api.RemoveAppRequest{ID: oidctest.Shop}); r.Status != 200 {
			t.Fatalf("remove access: %d %s", r.Status, r.Body)
		}
		if userinfoWorks(shop, tok) {
			t.Fatal("the app's access token works after Remove access")
		}
		if _, err := refresh(shop, tok.RefreshToken); grantError(t, err) != "invalid_grant" {
			t.Fatalf("the app's refresh token after Remove access: %v", err)
		}
		consentPage(shop.Start())
		if r := c.Post(api.PathAppRemove, api.RemoveAppRequest{ID: oidctest.Shop}); r.Status != 404 {
			t.Fatalf("removing an app that is not connected: %d", r.Status)
		}
		var events []api.SecurityEvent
		c.Get(api.PathEvents).JSON(t, &events)
		kinds := map[string]bool{}
		for _, e := range events {
			kinds[e.Kind] = true
		}
		if !kinds["app_connected"] || !kinds["app_removed"] {
			t.Fatalf("security events: %+v", events)
		}
	})
}

// A new password — changed, reset, or set by undoing an e-mail change —
// ends every app's tokens.
func TestNewPasswordRevokesGrants(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected, "openid", "offline_access")
		c := env.Client()
		login(t, env, c, email)
		tok := tokens(t, env, c, email, app)
		if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionPassword, Password: portaltest.Password}); r.Status != 200 {
			t.Fatalf("reauth: %d %s", r.Status, r.Body)
		}
		if r := c.Post(api.PathPassword, api.PasswordRequest{Password: "another long passphrase 9"}); r.Status != 200 {
			t.Fatalf("password change: %d %s", r.Status, r.Body)
		}
		if userinfoWorks(app, tok) {
			t.Fatal("an app's access token works after a password change")
		}
		if _, err := refresh(app, tok.RefreshToken); grantError(t, err) != "invalid_grant" {
			t.Fatalf("an app's refresh token after a password change: %v", err)
		}
		// The app still appears under Connected apps (what was allowed stays).
		var apps []api.ConnectedApp
		c.Get(api.PathApps).JSON(t, &apps)
		if len(apps) != 1 {
			t.Fatalf("connected apps after a password change: %+v", apps)
		}

		// A reset by the e-mailed link, in another browser (this one is
		// still signed in: a change ends only the other sessions).
		env.Clock.Advance(time.Second)
		tok = tokens(t, env, c, email, app)
		other := env.Client()
		other.Post(api.PathForgot, api.EmailRequest{Email: email})
		if r := other.Post(api.PathReset, api.ResetRequest{Token: env.LastMail(email).Token(), Password: "a third long passphrase 7"}); r.Status != 200 {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}
		if userinfoWorks(app, tok) {
			t.Fatal("an app's access token works after a password reset")
		}
	})
}

// The undo of an e-mail change (someone else changed the address) ends
// every app's tokens: whoever changed it may have connected them.
func TestUndoOfAnEmailChangeRevokesGrants(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected, "openid", "offline_access")
		c := env.Client()
		login(t, env, c, email)
		if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionEmail, Password: portaltest.Password}); r.Status != 200 {
			t.Fatalf("reauth: %d %s", r.Status, r.Body)
		}
		if r := c.Post(api.PathEmail, api.EmailChangeRequest{Email: "taken-over@example.com"}); r.Status != 202 {
			t.Fatalf("change: %d %s", r.Status, r.Body)
		}
		if r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: env.LastMail("taken-over@example.com").Token()}); r.Status != 200 {
			t.Fatalf("confirm: %d %s", r.Status, r.Body)
		}
		env.Clock.Advance(time.Second)
		tok := tokens(t, env, c, "taken-over@example.com", app)
		if !userinfoWorks(app, tok) {
			t.Fatal("the app's token does not work before the undo")
		}
		undo := env.Client()
		if r := undo.Post(api.PathConfirm, api.ConfirmRequest{Token: env.LastMail(email).Token(), Password: "the owner's new passphrase 5"}); r.Status != 200 {
			t.Fatalf("undo: %d %s", r.Status, r.Body)
		}
		if userinfoWorks(app, tok) {
			t.Fatal("an app's access token works after the undo of an e-mail change")
		}
		if _, err := refresh(app, tok.RefreshToken); grantError(t, err) != "invalid_grant" {
			t.Fatalf("an app's refresh token after the undo: %v", err)
		}
	})
}

// Deleting the MINI ID ends every app's tokens at once (the account is
// only deactivated for its grace period, but reaches nothing), and the
// data download lists the connected apps.
func TestDeletionRevokesGrantsAndTheDownloadListsApps(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env, email := start(t, db)
		app := rp(t, env, oidctest.Connected, "openid", "offline_access")
		c := env.Client()
		login(t, env, c, email)
		tok := tokens(t, env, c, email, app)

		if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionExport, Password: portaltest.Password}); r.Status != 200 {
			t.Fatalf("reauth for the download: %d %s", r.Status, r.Body)
		}
		var doc struct {
			ConnectedApps []struct {
				Client string   `json:"client"`
				Scopes []string `json:"scopes"`
			} `json:"connected_apps"`
		}
		c.Post(api.PathExport, nil).JSON(t, &doc)
		if len(doc.ConnectedApps) != 1 || doc.ConnectedApps[0].Client != oidctest.Connected {
			t.Fatalf("connected apps in the download: %+v", doc.ConnectedApps)
		}

		env.Clock.Advance(time.Minute)
		if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionDelete, Password: portaltest.Password}); r.Status != 200 {
			t.Fatalf("reauth for deletion: %d %s", r.Status, r.Body)
		}
		if r := c.Post(api.PathDelete, nil); r.Status != 200 {
			t.Fatalf("delete: %d %s", r.Status, r.Body)
		}
		if userinfoWorks(app, tok) {
			t.Fatal("an app's access token works after the MINI ID was deleted")
		}
		if _, err := refresh(app, tok.RefreshToken); grantError(t, err) != "invalid_grant" {
			t.Fatalf("an app's refresh token after deletion: %v", err)
		}
	})
}
