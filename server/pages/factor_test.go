package pages_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// TestAppCodeFormWithoutTheApp: for an account whose second factor is an
// authenticator app, the HTML code page asks for the app's code (not for a
// mailed one, and mails nothing), and its form signs in with it.
func TestAppCodeFormWithoutTheApp(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "app@example.com"
	c := env.RegisterIn(email, "GB", "SW1A 1AA")
	if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionTOTPOn, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("step-up: %d %s", r.Status, r.Body)
	}
	var setup api.TOTPSetup
	if r := c.Post(api.PathTOTPBegin, nil); r.Status != 200 {
		t.Fatalf("begin: %d %s", r.Status, r.Body)
	} else {
		r.JSON(t, &setup)
	}
	key := strings.ReplaceAll(setup.Key, " ", "")
	code := func() string {
		t.Helper()
		s, err := totp.GenerateCodeCustom(key, env.Clock.Now(), totp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if r := c.Post(api.PathTOTPConfirm, api.CodeRequest{Code: code()}); r.Status != 200 {
		t.Fatalf("confirm: %d %s", r.Status, r.Body)
	}

	env.Clock.Advance(time.Minute) // a new time step: the app shows a new code
	mails := len(env.Mails(email))
	b := env.Client()
	b.Page(api.PageLogin)
	r := b.Form(api.PageLogin, url.Values{"identifier": {email}, "password": {portaltest.Password}})
	if r.Status != 303 || r.Header.Get("Location") != api.PageLoginCode {
		t.Fatalf("password step: %d %v", r.Status, r.Header)
	}
	p := b.Page(api.PageLoginCode)
	if p.Status != 200 || !p.Shows("Code from the app") || p.Shows("We have sent an activation code") {
		t.Fatalf("the code page does not ask for the app's code: %d\n%s", p.Status, p.Body)
	}
	if len(env.Mails(email)) != mails {
		t.Fatal("a code was mailed although the app is asked")
	}
	if r := b.Form(api.PageLoginCode, url.Values{"code": {code()}}); r.Status != 303 || r.Header.Get("Location") != api.PageProfile {
		t.Fatalf("the app's code: %d\n%s", r.Status, r.Body)
	}
	if s := b.Session(); s.State != api.StateFull {
		t.Fatalf("state %q", s.State)
	}
}
