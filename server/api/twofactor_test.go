package api_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// activate switches two-factor on for the logged-in client.
func activate(t *testing.T, env *portaltest.Env, c *portaltest.Client, email string) {
	t.Helper()
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("start: %d %s", r.Status, r.Body)
	}
	code := env.LastMail(email).Code()
	if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: code}); r.Status != 200 {
		t.Fatalf("confirm: %d %s", r.Status, r.Body)
	}
}

// loginToSecondStep logs a new client in up to the code step.
func loginToSecondStep(t *testing.T, env *portaltest.Env, email string) *portaltest.Client {
	t.Helper()
	env.Clock.Advance(7 * time.Second)
	c, r := env.Login(email, portaltest.Password)
	var s api.Session
	r.JSON(t, &s)
	if r.Status != 200 || s.State != api.StateSecondStep || s.MaskedEmail != email[:1]+"•••@example.com" {
		t.Fatalf("login with two-factor: %d %s", r.Status, r.Body)
	}
	return c
}

func TestActivateTwoFactorAndLoginWithCode(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "anna@example.com"
		c := env.Register(email)

		// A wrong password stays in the dialog.
		r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: "not my password"})
		if r.Status != 400 || r.Error(t).Code != api.CodeWrongPassword {
			t.Fatalf("wrong password: %d %s", r.Status, r.Body)
		}
		r = c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password})
		var sent api.CodeSent
		r.JSON(t, &sent)
		if r.Status != 200 || sent.MaskedEmail != "a•••@example.com" {
			t.Fatalf("start: %d %s", r.Status, r.Body)
		}
		m := env.LastMail(email)
		code := m.Code()
		if code == "" || !strings.Contains(m.Text, "10") {
			t.Fatalf("code mail: %q", m.Text)
		}
		if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: wrongCode(code)}); r.Status != 400 || r.Error(t).Code != api.CodeInvalidCode {
			t.Fatalf("wrong code: %d %s", r.Status, r.Body)
		}
		r = c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: code})
		var res api.TwoFactorResult
		r.JSON(t, &res)
		if r.Status != 200 || !res.Me.TwoFactor {
			t.Fatalf("confirm: %d %s", r.Status, r.Body)
		}
		if !isTwoFactorNotice(env.LastMail(email).Subject) {
			t.Fatalf("no activation notice, last mail: %q", env.LastMail(email).Subject)
		}

		// Every later login needs a code; until then /me is 401.
		c2 := loginToSecondStep(t, env, email)
		if r := c2.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("me at second step: %d", r.Status)
		}
		loginCode := env.LastMail(email).Code()
		if r := c2.Post(api.PathLoginCode, api.CodeRequest{Code: loginCode}); r.Status != 200 {
			t.Fatalf("login code: %d %s", r.Status, r.Body)
		}
		if r := c2.Get(api.PathMe); r.Status != 200 {
			t.Fatalf("me after code: %d", r.Status)
		}
		// A password reset leaves two-factor on.
		env.Clock.Advance(time.Minute)
		env.Client().Post(api.PathForgot, api.EmailRequest{Email: email})
		env.Client().Post(api.PathReset, api.ResetRequest{Token: env.LastMail(email).Token(), Password: "yet another good passphrase 9"})
		env.Clock.Advance(7 * time.Second)
		_, r = env.Login(email, "yet another good passphrase 9")
		var s api.Session
		r.JSON(t, &s)
		if s.State != api.StateSecondStep {
			t.Fatalf("after a reset the login must still ask for the code: %s", r.Body)
		}
	})
}

func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

func TestLoginCodeRules(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "rules@example.com"
		c := env.Register(email)
		activate(t, env, c, email)
		env.Register("other@example.com")
		var newest string

		t.Run("expires after 10 minutes", func(t *testing.T) {
			env.Clock.Advance(time.Hour) // a fresh hour: the code budget spans flows
			a := loginToSecondStep(t, env, email)
			code := env.LastMail(email).Code()
			env.Clock.Advance(10*time.Minute + time.Second)
			if r := a.Post(api.PathLoginCode, api.CodeRequest{Code: code}); r.Status != 400 || r.Error(t).Code != api.CodeCodeVoid {
				t.Fatalf("10:01: %d %s", r.Status, r.Body)
			}
		})
		t.Run("valid at 10:00", func(t *testing.T) {
			env.Clock.Advance(time.Hour) // a fresh hour: the code budget spans flows
			a := loginToSecondStep(t, env, email)
			code := env.LastMail(email).Code()
			env.Clock.Advance(10*time.Minute - time.Second)
			if r := a.Post(api.PathLoginCode, api.CodeRequest{Code: code}); r.Status != 200 {
				t.Fatalf("09:59: %d %s", r.Status, r.Body)
			}
		})
		t.Run("five wrong entries void the code", func(t *testing.T) {
			env.Clock.Advance(time.Hour) // a fresh hour: the code budget spans flows
			a := loginToSecondStep(t, env, email)
			code := env.LastMail(email).Code()
			for i := 0; i < 5; i++ {
				a.Post(api.PathLoginCode, api.CodeRequest{Code: wrongCode(code)})
			}
			if r := a.Post(api.PathLoginCode, api.CodeRequest{Code: code}); r.Status != 400 || r.Error(t).Code != api.CodeCodeVoid {
				t.Fatalf("right code after 5 wrong: %d %s", r.Status, r.Body)
			}
		})
		t.Run("a code from another attempt is refused", func(t *testing.T) {
			env.Clock.Advance(time.Hour) // a fresh hour: the code budget spans flows
			a := loginToSecondStep(t, env, email)
			codeA := env.LastMail(email).Code()
			b := loginToSecondStep(t, env, email)
			if r := b.Post(api.PathLoginCode, api.CodeRequest{Code: codeA}); r.Status != 400 {
				t.Fatalf("attempt A's code at attempt B: %d %s", r.Status, r.Body)
			}
			_ = a
		})
		t.Run("an activation code is refused at login and the reverse", func(t *testing.T) {
			env.Clock.Advance(time.Hour) // a fresh hour: the code budget spans flows
			env.Clock.Advance(time.Hour)
			o, _ := env.Login("other@example.com", portaltest.Password)
			o.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password})
			activation := env.LastMail("other@example.com").Code()
			a := loginToSecondStep(t, env, email)
			if r := a.Post(api.PathLoginCode, api.CodeRequest{Code: activation}); r.Status != 400 {
				t.Fatalf("another account's activation code at login: %d", r.Status)
			}
			loginCode := env.LastMail(email).Code()
			if r := o.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: loginCode}); r.Status != 400 {
				t.Fatalf("a login code in the activation dialog: %d", r.Status)
			}
		})
		t.Run("request a new one voids the old code, with cooldown and hourly cap", func(t *testing.T) {
			env.Clock.Advance(2 * time.Hour) // a fresh hour: the code budget spans flows
			a := loginToSecondStep(t, env, email)
			old := env.LastMail(email).Code()
			r := a.Post(api.PathLoginResend, nil)
			if r.Status != 429 || r.Header.Get("Retry-After") == "" {
				t.Fatalf("resend within 30 s: %d %s", r.Status, r.Body)
			}
			env.Clock.Advance(31 * time.Second)
			if r := a.Post(api.PathLoginResend, nil); r.Status != 200 {
				t.Fatalf("resend: %d %s", r.Status, r.Body)
			}
			fresh := env.LastMail(email).Code()
			if old != fresh {
				if r := a.Post(api.PathLoginCode, api.CodeRequest{Code: old}); r.Status != 400 {
					t.Fatalf("old code after resend: %d", r.Status)
				}
			}
			// Three more: the login's code and four resends are the five
			// codes an account gets in an hour, whatever flow asks.
			for i := 0; i < 3; i++ {
				env.Clock.Advance(31 * time.Second)
				if r := a.Post(api.PathLoginResend, nil); r.Status != 200 {
					t.Fatalf("resend %d: %d %s", i+2, r.Status, r.Body)
				}
			}
			env.Clock.Advance(31 * time.Second)
			r = a.Post(api.PathLoginResend, nil)
			if r.Status != 429 || r.Error(t).RetryAfter < 60 || r.Error(t).Code != api.CodeCodesPaused {
				t.Fatalf("a sixth code in an hour: %d %s", r.Status, r.Body)
			}
			if m := env.LastMail(email); !strings.Contains(m.Subject, "pausiert") {
				t.Fatalf("the owner was not told that codes paused: %q", m.Subject)
			}
			newest = env.LastCode(email)
			if r := a.Post(api.PathLoginCode, api.CodeRequest{Code: newest}); r.Status != 200 {
				t.Fatalf("newest code: %d %s", r.Status, r.Body)
			}
		})
		if newest == "" || strings.Contains(env.Log.String(), newest) {
			t.Fatal("a code appears in the logs")
		}
	})
}

func TestParallelSubmissionsOfOneCodeOnlyOneWins(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db, "TRUSTED_PROXIES", "127.0.0.0/8")
		email := "par@example.com"
		c := env.Register(email)
		c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password})
		code := env.LastMail(email).Code()
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		body := []byte(`{"code":"` + code + `"}`)
		for i := 0; i < 100; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				r := c.Raw("POST", api.PathTwoFactorConfirm, body, map[string]string{
					"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.CSRF,
					"X-Forwarded-For": "198.51.100." + itoa(i),
				})
				if r.Status == 200 {
					mu.Lock()
					wins++
					mu.Unlock()
				}
			}(i)
		}
		wg.Wait()
		if wins != 1 {
			t.Fatalf("%d of 100 parallel submissions of one code succeeded, want exactly 1", wins)
		}
	})
}

func TestDeactivateTwoFactor(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "off@example.com"
	c := env.Register(email)
	activate(t, env, c, email)
	env.Clock.Advance(time.Minute)
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: false, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("start off: %d %s", r.Status, r.Body)
	}
	code := env.LastMail(email).Code()
	r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: code})
	var res api.TwoFactorResult
	r.JSON(t, &res)
	if r.Status != 200 || res.Me.TwoFactor {
		t.Fatalf("deactivate: %d %s", r.Status, r.Body)
	}
	if !isTwoFactorNotice(env.LastMail(email).Subject) {
		t.Fatalf("no deactivation notice: %q", env.LastMail(email).Subject)
	}
	env.Clock.Advance(time.Minute)
	if _, r := env.Login(email, portaltest.Password); !strings.Contains(string(r.Body), api.StateFull) {
		t.Fatalf("login after deactivation: %s", r.Body)
	}
}

// isTwoFactorNotice recognises the notice in either language (the test
// customers live in Germany, so their mails are German).
func isTwoFactorNotice(subject string) bool {
	s := strings.ToLower(subject)
	return strings.Contains(s, "two-factor") || strings.Contains(s, "zwei-faktor")
}
