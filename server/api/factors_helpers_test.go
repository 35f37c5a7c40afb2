package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/softkey"
	"github.com/minicorp/miniid/shared/api"
)

// account is a customer of a test: the browser signed in, the address,
// and whatever second factors were set up.
type account struct {
	env   *portaltest.Env
	c     *portaltest.Client
	email string
	key   *softkey.Authenticator // the device holding the passkeys
	totp  string                 // the authenticator app's key
	codes []string               // the recovery codes shown
}

// newAccount registers and confirms email on env (living in Britain: its
// mails are in English), signed in.
func newAccount(t *testing.T, env *portaltest.Env, email string) *account {
	t.Helper()
	return &account{env: env, c: env.RegisterIn(email, "GB", "SW1A 1AA"), email: email, key: softkey.New(env.URL)}
}

// code is the authenticator app's code at the portal's now, shifted by
// steps of 30 seconds.
func (a *account) code(t *testing.T, steps int) string {
	t.Helper()
	c, err := totp.GenerateCodeCustom(a.totp, a.env.Clock.Now().Add(time.Duration(steps)*30*time.Second),
		totp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// proof answers the factor asked by a step-up or second step of c.
func (a *account) proof(t *testing.T, c *portaltest.Client, asked string, options []byte) api.FactorRequest {
	t.Helper()
	switch asked {
	case api.MethodEmailCode:
		return api.FactorRequest{Method: asked, Code: a.env.LastMail(a.email).Code()}
	case api.MethodTOTP:
		a.env.Clock.Advance(30 * time.Second) // a fresh code: the last one may be used already
		return api.FactorRequest{Method: asked, Code: a.code(t, 0)}
	case api.MethodPasskey:
		cred, err := a.key.Get(options)
		if err != nil {
			t.Fatal(err)
		}
		return api.FactorRequest{Method: asked, Credential: cred}
	}
	t.Fatalf("no proof for %q", asked)
	return api.FactorRequest{}
}

// stepUp proves the password (and the second factor asked) for action in
// the account's browser.
func (a *account) stepUp(t *testing.T, action string) {
	t.Helper()
	r := a.c.Post(api.PathReauth, api.ReauthRequest{Action: action, Password: portaltest.Password})
	var res api.ReauthResult
	r.JSON(t, &res)
	if r.Status != 200 {
		t.Fatalf("step-up for %s: %d %s", action, r.Status, r.Body)
	}
	if !res.CodeSent {
		return
	}
	if r := a.c.Post(api.PathReauthConfirm, a.proof(t, a.c, res.Asked, nil)); r.Status != 200 {
		t.Fatalf("step-up second factor %s: %d %s", res.Asked, r.Status, r.Body)
	}
}

// addPasskey creates a passkey on the account's device.
func (a *account) addPasskey(t *testing.T, name string) api.Passkey {
	t.Helper()
	a.stepUp(t, api.ActionPasskeyAdd)
	r := a.c.Post(api.PathPasskeyBegin, nil)
	var opts api.PasskeyOptions
	r.JSON(t, &opts)
	if r.Status != 200 {
		t.Fatalf("begin passkey: %d %s", r.Status, r.Body)
	}
	cred, err := a.key.Create(opts.Options)
	if err != nil {
		t.Fatal(err)
	}
	r = a.c.Post(api.PathPasskeyFinish, api.NewPasskeyRequest{Name: name, Credential: cred})
	var p api.Passkey
	r.JSON(t, &p)
	if r.Status != 201 {
		t.Fatalf("finish passkey: %d %s", r.Status, r.Body)
	}
	return p
}

// setUpTOTP sets up an authenticator app, keeping its key and the recovery
// codes made with it.
func (a *account) setUpTOTP(t *testing.T) {
	t.Helper()
	a.stepUp(t, api.ActionTOTPOn)
	r := a.c.Post(api.PathTOTPBegin, nil)
	var setup api.TOTPSetup
	r.JSON(t, &setup)
	if r.Status != 200 || !strings.HasPrefix(setup.QR, "data:image/png;base64,") || !strings.HasPrefix(setup.URI, "otpauth://totp/") {
		t.Fatalf("begin app: %d %.200s", r.Status, r.Body)
	}
	a.totp = strings.ReplaceAll(setup.Key, " ", "")
	r = a.c.Post(api.PathTOTPConfirm, api.CodeRequest{Code: a.code(t, 0)})
	var res api.TOTPResult
	r.JSON(t, &res)
	if r.Status != 200 || !res.Me.TwoFactor {
		t.Fatalf("confirm app: %d %s", r.Status, r.Body)
	}
	if len(res.RecoveryCodes) > 0 {
		a.codes = res.RecoveryCodes
	}
}

// passkeyLogin logs a new browser in with the account's passkey.
func (a *account) passkeyLogin(t *testing.T) (*portaltest.Client, portaltest.Response) {
	t.Helper()
	a.env.Clock.Advance(7 * time.Second) // the per-address budget of login attempts
	c := a.env.Client()
	r := c.Post(api.PathLoginPasskey, api.PasskeyLoginRequest{})
	var opts api.PasskeyOptions
	r.JSON(t, &opts)
	if r.Status != 200 {
		t.Fatalf("begin passkey login: %d %s", r.Status, r.Body)
	}
	cred, err := a.key.Get(opts.Options)
	if err != nil {
		t.Fatal(err)
	}
	return c, c.Post(api.PathLoginPasskeyFinish, api.PasskeyCredentialRequest{Credential: cred})
}

// secondStep logs a new browser in with the password and returns the
// second step's answer.
func (a *account) secondStep(t *testing.T) (*portaltest.Client, api.Session) {
	t.Helper()
	a.env.Clock.Advance(7 * time.Second)
	c, r := a.env.Login(a.email, portaltest.Password)
	var s api.Session
	r.JSON(t, &s)
	if r.Status != 200 || s.State != api.StateSecondStep {
		t.Fatalf("password step: %d %s", r.Status, r.Body)
	}
	return c, s
}

// mailsWith counts the account's mails whose subject contains words.
func (a *account) mailsWith(words string) int {
	n := 0
	for _, m := range a.env.Mails(a.email) {
		if strings.Contains(m.Subject, words) {
			n++
		}
	}
	return n
}
