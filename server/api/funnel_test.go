package api_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// Every entry point of the portal that proves who someone is, for an
// account without and with two-factor authentication: none may reach a full
// session (or a change) with fewer factors than the policy asks — one
// without two-factor authentication, two with it.
func TestEveryEntryPointEndsInTheFunnel(t *testing.T) {
	type entry struct {
		name string
		// run brings a browser through the entry point and returns it;
		// owner is the account's own browser (signed in, e-mail address).
		run func(t *testing.T, env *portaltest.Env, email string, owner *account) *portaltest.Client
		// full: the entry point signs in (when the policy is met); else it
		// must leave the browser signed out.
		full bool
		// least is how many factors the entry point asks for whatever the
		// account's policy (an app asking for two).
		least int
	}
	newPassword := "a brand new passphrase 8"
	entries := []entry{
		{"password login", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			c, _ := env.Login(email, portaltest.Password)
			return c
		}, true, 0},
		{"password login, then the e-mailed code", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			c, r := env.Login(email, portaltest.Password)
			var s api.Session
			r.JSON(t, &s)
			if s.State == api.StateSecondStep {
				c.Post(api.PathLoginCode, api.CodeRequest{Code: env.LastMail(email).Code()})
			}
			return c
		}, true, 0},
		{"the e-mailed code alone, in a browser that did not give the password", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			env.Login(email, portaltest.Password)
			c := env.Client()
			c.Post(api.PathLoginCode, api.CodeRequest{Code: env.LastMail(email).Code()})
			return c
		}, false, 0},
		{"reset link", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			c := env.Client()
			c.Post(api.PathForgot, api.EmailRequest{Email: email})
			if r := c.Post(api.PathReset, api.ResetRequest{Token: env.LastMail(email).Token(), Password: newPassword}); r.Status != 200 {
				t.Fatalf("reset: %d %s", r.Status, r.Body)
			}
			return c
		}, false, 0},
		// A new registration has no second factor yet: these two sign in with
		// one factor at most, whatever the other account has.
		{"confirmation link in the browser that registered", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			c := env.Client()
			c.Post(api.PathRegister, portaltest.Registration("new-"+email))
			openLink(t, c, env.LastMail("new-"+email).Token(), newPassword)
			return c
		}, true, 0},
		{"confirmation link in another browser", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			env.Client().Post(api.PathRegister, portaltest.Registration("new-"+email))
			c := env.Client()
			if s, r := openLink(t, c, env.LastMail("new-"+email).Token(), newPassword); r.Status != 200 || s.Confirmed != "confirm" {
				t.Fatalf("confirm elsewhere: %d %s", r.Status, r.Body)
			}
			return c
		}, false, 0},
		{"an app's sign-in (OpenID Connect)", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			return appSignIn(t, env, email)
		}, true, 0},
		{"an app's sign-in asking for two factors (acr_values=aal2)", func(t *testing.T, env *portaltest.Env, email string, _ *account) *portaltest.Client {
			return appSignIn(t, env, email, oauth2.SetAuthURLParam("acr_values", "aal2"))
		}, true, 2},
		// Passkeys, the authenticator app and recovery codes (issue 15).
		{"passkey login", func(t *testing.T, env *portaltest.Env, email string, owner *account) *portaltest.Client {
			owner.addPasskey(t, "")
			c, r := owner.passkeyLogin(t)
			if r.Status != 200 {
				t.Fatalf("passkey login: %d %s", r.Status, r.Body)
			}
			return c
		}, true, 0},
		{"a passkey's answer replayed in another browser", func(t *testing.T, env *portaltest.Env, email string, owner *account) *portaltest.Client {
			owner.addPasskey(t, "")
			first := env.Client()
			var opts api.PasskeyOptions
			first.Post(api.PathLoginPasskey, api.PasskeyLoginRequest{}).JSON(t, &opts)
			cred, _ := owner.key.Get(opts.Options)
			first.Post(api.PathLoginPasskeyFinish, api.PasskeyCredentialRequest{Credential: cred})
			c := env.Client()
			c.Post(api.PathLoginPasskey, api.PasskeyLoginRequest{Conditional: true})
			c.Post(api.PathLoginPasskeyFinish, api.PasskeyCredentialRequest{Credential: cred})
			return c
		}, false, 0},
		{"password, then the authenticator app", func(t *testing.T, env *portaltest.Env, email string, owner *account) *portaltest.Client {
			owner.setUpTOTP(t)
			c, s := owner.secondStep(t)
			c.Post(api.PathLoginCode, owner.proof(t, c, s.Asked, nil))
			return c
		}, true, 0},
		{"the app's code alone, in a browser that did not give the password", func(t *testing.T, env *portaltest.Env, email string, owner *account) *portaltest.Client {
			owner.setUpTOTP(t)
			owner.secondStep(t)
			c := env.Client()
			c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodTOTP, Code: owner.code(t, 1)})
			return c
		}, false, 0},
		{"password, then a recovery code", func(t *testing.T, env *portaltest.Env, email string, owner *account) *portaltest.Client {
			owner.setUpTOTP(t)
			c, _ := owner.secondStep(t)
			c.Post(api.PathLoginCode, api.FactorRequest{Method: api.MethodRecoveryCode, Code: owner.codes[0]})
			return c
		}, true, 0},
		{"password, then a passkey (Use another method)", func(t *testing.T, env *portaltest.Env, email string, owner *account) *portaltest.Client {
			owner.addPasskey(t, "")
			c := env.Client()
			env.Clock.Advance(7 * time.Second)
			var s api.Session
			c.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: portaltest.Password}).JSON(t, &s)
			if s.State != api.StateSecondStep {
				return c // no two-factor authentication: the password was enough
			}
			var ch api.FactorChallenge
			c.Post(api.PathLoginMethod, api.MethodRequest{Method: api.MethodPasskey}).JSON(t, &ch)
			c.Post(api.PathLoginCode, owner.proof(t, c, api.MethodPasskey, ch.Passkey))
			return c
		}, true, 0},
	}
	for _, twoFactor := range []bool{false, true} {
		for _, e := range entries {
			t.Run(fmt.Sprintf("%s/two-factor=%v", e.name, twoFactor), func(t *testing.T) {
				env := portaltest.StartOnLocalhost(t, testenv.SQLite(t), "OIDC_CLIENTS", oidctest.ClientsFile(t, oidctest.Base))
				email := "funnel@example.com"
				owner := newAccount(t, env, email)
				if twoFactor {
					activate(t, env, owner.c, email)
				}
				env.Clock.Advance(time.Minute)
				c := e.run(t, env, email, owner)
				s := c.Session()
				need := 1
				if twoFactor && !strings.HasPrefix(e.name, "confirmation") {
					need = 2
				}
				need = max(need, e.least)
				switch {
				case s.State == api.StateFull && !e.full:
					t.Fatalf("signed in through an entry point that must not sign in: %+v", s)
				case s.State == api.StateFull && factorCount(s.Methods) < need:
					t.Fatalf("signed in with %v, the policy asks for %d factors", s.Methods, need)
				case s.State == api.StateFull && s.Level != levelOf(s.Methods):
					t.Fatalf("level %q for %v", s.Level, s.Methods)
				case e.full && s.State != api.StateFull && !(twoFactor && e.name == "password login") && e.least < 2:
					t.Fatalf("not signed in after %s: %+v", e.name, s)
				}
				if s.State == api.StateFull {
					if r := c.Get(api.PathMe); r.Status != 200 {
						t.Fatalf("a full session cannot read the profile: %d", r.Status)
					}
				} else if r := c.Get(api.PathMe); r.Status != 401 {
					t.Fatalf("a session that is not full reads the profile: %d", r.Status)
				}
			})
		}
		t.Run(fmt.Sprintf("step-up/two-factor=%v", twoFactor), func(t *testing.T) {
			env := portaltest.Start(t, testenv.SQLite(t))
			email := "stepup@example.com"
			c := env.Register(email)
			if twoFactor {
				activate(t, env, c, email)
			}
			r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionPassword, Password: portaltest.Password})
			var res api.ReauthResult
			r.JSON(t, &res)
			if res.CodeSent != twoFactor {
				t.Fatalf("code asked: %v with two-factor %v", res.CodeSent, twoFactor)
			}
			change := func() int {
				return c.Post(api.PathPassword, api.PasswordRequest{Password: newPassword}).Status
			}
			if twoFactor {
				if got := change(); got != 403 {
					t.Fatalf("a change after the password alone, with two-factor on: %d", got)
				}
				// The grant is not there yet, and a code of another dialog
				// or login does not give it.
				env.Clock.Advance(time.Minute)
				other, _ := env.Login(email, portaltest.Password)
				_ = other
				if r := c.Post(api.PathReauthConfirm, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status == 200 {
					t.Fatal("a login's code confirmed a dialog")
				}
				if r := c.Post(api.PathReauthResend, nil); r.Status != 200 {
					env.Clock.Advance(31 * time.Second)
					if r := c.Post(api.PathReauthResend, nil); r.Status != 200 {
						t.Fatalf("resend: %d %s", r.Status, r.Body)
					}
				}
				if r := c.Post(api.PathReauthConfirm, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status != 200 {
					t.Fatalf("the dialog's own code: %d %s", r.Status, r.Body)
				}
			}
			if got := change(); got != 200 {
				t.Fatalf("the change after a complete step-up: %d", got)
			}
			if got := change(); got != 403 {
				t.Fatalf("a second change on one step-up: %d", got)
			}
		})
		t.Run(fmt.Sprintf("step-up by the other factors/two-factor=%v", twoFactor), func(t *testing.T) {
			env := portaltest.StartOnLocalhost(t, testenv.SQLite(t))
			a := newAccount(t, env, "stepup@example.com")
			if twoFactor {
				a.setUpTOTP(t)
			}
			a.addPasskey(t, "")
			change := func() int {
				return a.c.Post(api.PathPassword, api.PasswordRequest{Password: newPassword}).Status
			}
			// A passkey alone is two factors: it grants the change.
			var opts api.PasskeyOptions
			a.c.Post(api.PathReauthPasskey, api.StepUpPasskeyRequest{Action: api.ActionPassword}).JSON(t, &opts)
			if r := a.c.Post(api.PathReauthConfirm, a.proof(t, a.c, api.MethodPasskey, opts.Options)); r.Status != 200 {
				t.Fatalf("step-up by passkey: %d %s", r.Status, r.Body)
			}
			if got := change(); got != 200 {
				t.Fatalf("the change after a passkey step-up: %d", got)
			}
			// A flow begun for a passkey takes no code in place of it: a
			// code is a second factor, never the first.
			a.c.Post(api.PathReauthPasskey, api.StepUpPasskeyRequest{Action: api.ActionPassword})
			if twoFactor {
				env.Clock.Advance(30 * time.Second)
				if r := a.c.Post(api.PathReauthConfirm, api.FactorRequest{Method: api.MethodTOTP, Code: a.code(t, 0)}); r.Status == 200 {
					t.Fatal("the app's code alone was taken for a step-up")
				}
				if r := a.c.Post(api.PathReauthConfirm, api.FactorRequest{Method: api.MethodRecoveryCode, Code: a.codes[0]}); r.Status == 200 {
					t.Fatal("a recovery code alone was taken for a step-up")
				}
			}
			if got := change(); got != 403 {
				t.Fatalf("a change without a complete step-up: %d", got)
			}
			if twoFactor {
				// The (new) password, then the app: two factors.
				var res api.ReauthResult
				a.c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionPasskeyRemove, Password: newPassword}).JSON(t, &res)
				if !res.CodeSent || res.Asked != api.MethodTOTP {
					t.Fatalf("password step: %+v", res)
				}
				if r := a.c.Post(api.PathPasskeyRemove, api.PasskeyIDRequest{ID: "any"}); r.Status != 403 {
					t.Fatalf("a change after the password alone: %d", r.Status)
				}
				if r := a.c.Post(api.PathReauthConfirm, a.proof(t, a.c, api.MethodTOTP, nil)); r.Status != 200 {
					t.Fatalf("the app's code after the password: %d %s", r.Status, r.Body)
				}
				var list []api.Passkey
				a.c.Get(api.PathPasskeys).JSON(t, &list)
				if r := a.c.Post(api.PathPasskeyRemove, api.PasskeyIDRequest{ID: list[0].ID}); r.Status != 200 {
					t.Fatalf("the change after password and app: %d %s", r.Status, r.Body)
				}
			}
		})
	}
}

// appSignIn is an app's sign-in through the portal's login: the app's
// authorization request, the password (and the code, when the funnel asks
// for it), then back to the app with a code. It returns the browser.
func appSignIn(t *testing.T, env *portaltest.Env, email string, opts ...oauth2.AuthCodeOption) *portaltest.Client {
	t.Helper()
	app := oidctest.New(t, env.URL, oidctest.Connected, oidctest.ConnectedSecret, oidctest.Redirect)
	c := env.Client()
	r := c.Get(strings.TrimPrefix(app.Start(opts...).URL, env.URL))
	if r = c.Get(r.Header.Get("Location")); r.Header.Get("Location") != "/login" {
		t.Fatalf("the app's request did not ask for the login: %d %s", r.Status, r.Header.Get("Location"))
	}
	var s api.Session
	c.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: portaltest.Password}).JSON(t, &s)
	if s.State == api.StateSecondStep {
		c.Post(api.PathLoginCode, api.CodeRequest{Code: env.LastMail(email).Code()}).JSON(t, &s)
	}
	if s.State == api.StateFull {
		if s.Return == nil {
			t.Fatal("signed in for an app without its return address")
		}
		if r = c.Get(s.Return.To); !strings.HasPrefix(r.Header.Get("Location"), oidctest.Redirect+"?code=") {
			t.Fatalf("the return address did not go back to the app: %d %s", r.Status, r.Header.Get("Location"))
		}
	}
	return c
}

// factorCount is how many factors the methods prove: a passkey is two.
func factorCount(methods []string) int {
	n := 0
	for _, m := range methods {
		n++
		if m == api.MethodPasskey {
			n++
		}
	}
	return min(n, 2)
}

// levelOf is the level the methods must be reported at.
func levelOf(methods []string) string {
	switch {
	case slices.Contains(methods, api.MethodPasskey):
		return "phishing_resistant"
	case factorCount(methods) >= 2:
		return "two_factors"
	}
	return "one_factor"
}
