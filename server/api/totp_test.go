package api_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// An authenticator app, set up with its first code, is then asked at every
// login instead of a mailed code. Each code works once; the previous
// window's code still works, one from three windows back does not.
func TestAuthenticatorApp(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		a := newAccount(t, env, "tom@example.com")

		// Setting up needs a step-up, and the first code.
		if r := a.c.Post(api.PathTOTPBegin, nil); r.Status != 403 {
			t.Fatalf("begin without step-up: %d %s", r.Status, r.Body)
		}
		a.stepUp(t, api.ActionTOTPOn)
		var setup api.TOTPSetup
		a.c.Post(api.PathTOTPBegin, nil).JSON(t, &setup)
		a.totp = strings.ReplaceAll(setup.Key, " ", "")
		if setup.Issuer != "MINI ID" || !strings.Contains(setup.URI, "issuer=MINI") || !strings.Contains(setup.URI, "tom@example.com") {
			t.Fatalf("setup: %+v", setup)
		}
		if r := a.c.Post(api.PathTOTPConfirm, api.CodeRequest{Code: wrongCode(a.code(t, 0))}); r.Status != 400 || r.Error(t).Fields["code"].Message == "" {
			t.Fatalf("a wrong first code: %d %s", r.Status, r.Body)
		}
		var res api.TOTPResult
		r := a.c.Post(api.PathTOTPConfirm, api.CodeRequest{Code: a.code(t, 0)})
		r.JSON(t, &res)
		if r.Status != 200 || !res.Me.TwoFactor || !slices.Equal(res.Me.SecondFactors, []string{api.MethodTOTP}) {
			t.Fatalf("confirm: %d %s", r.Status, r.Body)
		}
		if len(res.RecoveryCodes) != 10 || res.Me.RecoveryCodes != 10 {
			t.Fatalf("recovery codes with the app: %v", res.RecoveryCodes)
		}
		a.codes = res.RecoveryCodes
		if a.mailsWith("An authenticator app now protects") != 1 {
			t.Fatal("no mail about the app")
		}
		if r := a.c.Post(api.PathTOTPConfirm, api.CodeRequest{Code: a.code(t, 0)}); r.Status == 200 {
			t.Fatal("a second confirmation added a second app")
		}

		// Logging in asks for the app's code and mails nothing.
		mails := len(env.Mails(a.email))
		c, s := a.secondStep(t)
		if s.Asked != api.MethodTOTP || s.MaskedEmail != "" || !slices.Equal(s.Offered, []string{api.MethodTOTP, api.MethodRecoveryCode}) {
			t.Fatalf("second step: %+v", s)
		}
		if len(env.Mails(a.email)) != mails {
			t.Fatal("a code was mailed although the app is asked")
		}
		env.Clock.Advance(30 * time.Second)
		now := a.code(t, 0)
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Code: now}); r.Status != 200 {
			t.Fatalf("the app's code: %d %s", r.Status, r.Body)
		}
		var session api.Session
		c.Get(api.PathSession).JSON(t, &session)
		if session.State != api.StateFull || session.Level != "two_factors" {
			t.Fatalf("after the app's code: %+v", session)
		}

		// The same code, again, in another login: refused.
		c, _ = a.secondStep(t)
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Code: now}); r.Status != 400 || r.Error(t).Code != api.CodeInvalidCode {
			t.Fatalf("a code used twice: %d %s", r.Status, r.Body)
		}
		// The previous window's code (not used yet) is accepted.
		env.Clock.Advance(30 * time.Second)
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Code: a.code(t, -1)}); r.Status == 200 {
			t.Fatal("a code older than the last one used was accepted")
		}
		env.Clock.Advance(60 * time.Second)
		c, _ = a.secondStep(t) // 7 s later
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Code: a.code(t, -1)}); r.Status != 200 {
			t.Fatalf("the previous window's code: %d %s", r.Status, r.Body)
		}
		// A code from three windows back is not.
		env.Clock.Advance(3 * 30 * time.Second)
		c, _ = a.secondStep(t)
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Code: a.code(t, -3)}); r.Status != 400 {
			t.Fatalf("a code three windows old: %d %s", r.Status, r.Body)
		}
		// "Use another method": a recovery code; e-mail is not offered (the
		// account has no e-mailed code).
		if r := c.Post(api.PathLoginMethod, api.MethodRequest{Method: api.MethodEmailCode}); r.Status != 400 {
			t.Fatalf("switching to a method the account lacks: %d %s", r.Status, r.Body)
		}
		var ch api.FactorChallenge
		r = c.Post(api.PathLoginMethod, api.MethodRequest{Method: api.MethodRecoveryCode})
		r.JSON(t, &ch)
		if r.Status != 200 || ch.Asked != api.MethodRecoveryCode {
			t.Fatalf("switch to a recovery code: %d %s", r.Status, r.Body)
		}
	})
}

// Five wrong app or recovery codes in a row lock both for 15 minutes; the
// e-mailed code (another factor) still works meanwhile.
func TestWrongAppCodesLock(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	a := newAccount(t, env, "lena@example.com")
	activate(t, env, a.c, a.email)
	a.setUpTOTP(t)
	c, s := a.secondStep(t)
	if !slices.Equal(s.Offered, []string{api.MethodTOTP, api.MethodEmailCode, api.MethodRecoveryCode}) {
		t.Fatalf("offered with app and mail: %v", s.Offered)
	}
	for i := range 5 {
		r := c.Post(api.PathLoginCode, api.FactorRequest{Code: wrongCode(a.code(t, 0))})
		if r.Status != 400 {
			t.Fatalf("wrong code %d: %d %s", i+1, r.Status, r.Body)
		}
	}
	r := c.Post(api.PathLoginCode, api.FactorRequest{Code: a.code(t, 0)})
	if r.Status != 429 || r.Header.Get("Retry-After") == "" {
		t.Fatalf("the right code after 5 wrong ones: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodRecoveryCode, Code: a.codes[0]}); r.Status != 429 {
		t.Fatalf("a recovery code while locked: %d %s", r.Status, r.Body)
	}
	var ch api.FactorChallenge
	c.Post(api.PathLoginMethod, api.MethodRequest{Method: api.MethodEmailCode}).JSON(t, &ch)
	if ch.MaskedEmail != "l•••@example.com" {
		t.Fatalf("switch to the mailed code: %+v", ch)
	}
	if r := c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodEmailCode, Code: env.LastMail(a.email).Code()}); r.Status != 200 {
		t.Fatalf("the mailed code while the app is locked: %d %s", r.Status, r.Body)
	}
	env.Clock.Advance(15*time.Minute + time.Second)
	c, _ = a.secondStep(t)
	if r := c.Post(api.PathLoginCode, api.FactorRequest{Code: a.code(t, 0)}); r.Status != 200 {
		t.Fatalf("the app after the lock ran out: %d %s", r.Status, r.Body)
	}
}

// A recovery code gets in once, and its use is mailed; new codes void the
// old ones; switching two-factor authentication off takes app and codes.
func TestRecoveryCodes(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		a := newAccount(t, env, "rita@example.com")
		if r := a.c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionRecoveryCodes, Password: portaltest.Password}); r.Status != 200 {
			t.Fatalf("step-up: %d %s", r.Status, r.Body)
		}
		if r := a.c.Post(api.PathRecoveryCodes, nil); r.Status != 409 {
			t.Fatalf("recovery codes without two-factor authentication: %d %s", r.Status, r.Body)
		}
		a.setUpTOTP(t)
		first := a.codes[0]

		c, _ := a.secondStep(t)
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodRecoveryCode, Code: strings.ToUpper(first)}); r.Status != 200 {
			t.Fatalf("a recovery code: %d %s", r.Status, r.Body)
		}
		used := ""
		for _, m := range env.Mails(a.email) {
			if strings.Contains(m.Subject, "A recovery code was used") {
				used = m.Text
			}
		}
		if !strings.Contains(used, "9 codes are left") {
			t.Fatalf("mail about the code: %q", used)
		}
		c, _ = a.secondStep(t)
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodRecoveryCode, Code: first}); r.Status != 400 {
			t.Fatalf("a recovery code used twice: %d %s", r.Status, r.Body)
		}
		// The password alone and a recovery code in another browser.
		other := env.Client()
		if r := other.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodRecoveryCode, Code: a.codes[1]}); r.Status != 401 {
			t.Fatalf("a recovery code without the password: %d %s", r.Status, r.Body)
		}

		// New codes: the old ones stop working.
		a.stepUp(t, api.ActionRecoveryCodes)
		var fresh api.RecoveryCodes
		r := a.c.Post(api.PathRecoveryCodes, nil)
		r.JSON(t, &fresh)
		if r.Status != 200 || len(fresh.Codes) != 10 || fresh.Me.RecoveryCodes != 10 || slices.Contains(fresh.Codes, a.codes[1]) {
			t.Fatalf("new codes: %d %s", r.Status, r.Body)
		}
		if a.mailsWith("New recovery codes") != 1 {
			t.Fatal("no mail about new codes")
		}
		env.Clock.Advance(time.Minute)
		c, _ = a.secondStep(t)
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodRecoveryCode, Code: a.codes[1]}); r.Status != 400 {
			t.Fatalf("an old code after new ones: %d %s", r.Status, r.Body)
		}
		if r := c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodRecoveryCode, Code: fresh.Codes[9]}); r.Status != 200 {
			t.Fatalf("a new code: %d %s", r.Status, r.Body)
		}

		// Deactivating: password, then the app's code; everything goes.
		r = a.c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: false, Password: portaltest.Password})
		var sent api.CodeSent
		r.JSON(t, &sent)
		if r.Status != 200 || sent.Asked != api.MethodTOTP {
			t.Fatalf("deactivate: %d %s", r.Status, r.Body)
		}
		env.Clock.Advance(30 * time.Second)
		var tf api.TwoFactorResult
		r = a.c.Post(api.PathTwoFactorConfirm, api.FactorRequest{Code: a.code(t, 0)})
		r.JSON(t, &tf)
		if r.Status != 200 || tf.Me.TwoFactor || tf.Me.RecoveryCodes != 0 || len(tf.Me.SecondFactors) != 0 {
			t.Fatalf("deactivated with the app: %d %s", r.Status, r.Body)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login(a.email, portaltest.Password); !strings.Contains(string(r.Body), `"state":"full"`) {
			t.Fatalf("login after deactivating: %s", r.Body)
		}
	})
}
