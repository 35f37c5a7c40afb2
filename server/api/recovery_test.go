package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestForgotPasswordAnswersAlike(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("has@example.com")
	known := env.Client().Post(api.PathForgot, api.EmailRequest{Email: "has@example.com"})
	unknown := env.Client().Post(api.PathForgot, api.EmailRequest{Email: "hasnot@example.com"})
	if known.Status != 202 || comparable(known) != comparable(unknown) {
		t.Fatalf("answers differ: %s / %s", comparable(known), comparable(unknown))
	}
	if len(env.Mails("hasnot@example.com")) != 0 {
		t.Fatal("a mail went to an address without account")
	}
	if !strings.Contains(env.LastMail("has@example.com").Link(), "/reset-password?token=") {
		t.Fatal("no reset link")
	}
}

func TestResetPassword(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		other := env.Register("reset@example.com")
		// Block the account first: the reset must lift it.
		for i := 0; i < 5; i++ {
			env.Clock.Advance(7 * time.Second)
			env.Login("reset@example.com", "wrong password number x")
		}
		env.Clock.Advance(7 * time.Second)
		env.Client().Post(api.PathForgot, api.EmailRequest{Email: "reset@example.com"})
		tok := env.LastMail("reset@example.com").Token()
		c := env.Client()
		const newPassword = "a brand new long passphrase 77"
		if r := c.Post(api.PathReset, api.ResetRequest{Token: tok, Password: "123"}); r.Status != 400 {
			t.Fatalf("short password accepted: %d", r.Status)
		}
		if r := c.Post(api.PathReset, api.ResetRequest{Token: tok, Password: newPassword}); r.Status != 200 {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}
		// Every session of the account ended.
		if r := other.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("old session survived the reset: %d", r.Status)
		}
		// The link works once.
		if r := c.Post(api.PathReset, api.ResetRequest{Token: tok, Password: newPassword + "x"}); r.Status != 400 || r.Error(t).Code != api.CodeInvalidToken {
			t.Fatalf("reused link: %d %s", r.Status, r.Body)
		}
		// The block is lifted and the new password works; the old one doesn't.
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("reset@example.com", portaltest.Password); r.Status != 401 {
			t.Fatalf("old password: %d", r.Status)
		}
		if _, r := env.Login("reset@example.com", newPassword); r.Status != 200 {
			t.Fatalf("new password: %d %s", r.Status, r.Body)
		}
	})
}

func TestResetLinkExpiresAfterOneHour(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("hour@example.com")
	env.Client().Post(api.PathForgot, api.EmailRequest{Email: "hour@example.com"})
	tok := env.LastMail("hour@example.com").Token()
	env.Clock.Advance(time.Hour + time.Second)
	if r := env.Client().Post(api.PathReset, api.ResetRequest{Token: tok, Password: "another fine passphrase 5"}); r.Status != 400 {
		t.Fatalf("expired reset link: %d %s", r.Status, r.Body)
	}
}
