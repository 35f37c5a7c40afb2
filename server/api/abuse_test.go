package api_test

import (
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// A bogus reset link costs no argon2id hash: the link is checked first.
func TestABogusResetLinkCostsNoHash(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	h := env.Portal.Auth().Hasher()
	before := h.Hashes()
	for i := 0; i < 5; i++ {
		r := env.Client().Post(api.PathReset, api.ResetRequest{Token: "bogus-token-" + itoa(i), Password: "a brand new passphrase 8"})
		if r.Status != 400 || r.Error(t).Code != api.CodeInvalidToken {
			t.Fatalf("bogus link: %d %s", r.Status, r.Body)
		}
	}
	if n := h.Hashes() - before; n != 0 {
		t.Fatalf("%d hashes spent on bogus links", n)
	}
}

// Many requests for one address from many places mail it at most once a
// minute and five times an hour, and answer every time as before.
func TestOneAddressCannotBeMailBombed(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db, "TRUSTED_PROXIES", "127.0.0.0/8")
		victim := "bombed@example.com"
		env.Register(victim)
		pending := "pending.bombed@example.com"
		env.Client().Post(api.PathRegister, portaltest.Registration(pending))
		env.Mails("")
		count := func(to string) int { return len(env.Mails(to)) }
		beforeVictim, beforePending := count(victim), count(pending)
		send := func(i int, path string, body any) {
			c := env.Client()
			c.Session()
			r := c.Raw("POST", path, mustJSON(body), map[string]string{"Content-Type": "application/json", "Origin": env.URL,
				api.HeaderCSRF: c.CSRF, "X-Forwarded-For": "198.51.100." + itoa(i%250)})
			if r.Status != 202 {
				t.Fatalf("%s: %d %s", path, r.Status, r.Body)
			}
		}
		for i := 0; i < 21; i++ {
			send(i, api.PathForgot, api.EmailRequest{Email: victim})
			send(i, api.PathRegister, portaltest.Registration(victim))
			send(i, api.PathRegisterResend, api.EmailRequest{Email: pending})
			send(i, api.PathRegister, portaltest.Registration(pending))
		}
		// Within a minute: one reset link and one "someone tried to
		// register" mail to the account; one link to the pending address.
		if got := count(victim) - beforeVictim; got > 2 {
			t.Fatalf("%d mails to %s in seconds", got, victim)
		}
		if got := count(pending) - beforePending; got > 1 {
			t.Fatalf("%d mails to %s in seconds", got, pending)
		}
		// Over an hour, at most five links of a kind.
		for m := 0; m < 60; m++ {
			env.Clock.Advance(time.Minute)
			send(m, api.PathForgot, api.EmailRequest{Email: victim})
			send(m, api.PathRegisterResend, api.EmailRequest{Email: pending})
		}
		if got := count(victim) - beforeVictim; got > 6 {
			t.Fatalf("%d mails to %s within an hour", got, victim)
		}
	})
}
