package api_test

import (
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// An attacker who keeps the account blocked from browsers it has never
// been used in does not lock its owner out of a browser that logged in
// before.
func TestTheBlockCannotLockOutTheOwner(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "owner.block@example.com"
		env.Register(email)
		home, r := env.Login(email, portaltest.Password) // the owner's browser, known from now on
		if r.Status != 200 {
			t.Fatalf("login: %d", r.Status)
		}
		home.Post(api.PathLogout, nil)
		home.CSRF = ""
		for round := 0; round < 3; round++ { // re-blocked again and again
			for i := 0; i < 5; i++ {
				env.Clock.Advance(7 * time.Second)
				env.Login(email, "an attackers guess 1")
			}
			env.Clock.Advance(7 * time.Second)
			if _, r := env.Login(email, portaltest.Password); r.Status != 423 {
				t.Fatalf("round %d: unknown browsers are not blocked: %d", round, r.Status)
			}
			env.Clock.Advance(7 * time.Second)
			if r := home.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: portaltest.Password}); r.Status != 200 {
				t.Fatalf("round %d: the owner's own browser is locked out: %d %s", round, r.Status, r.Body)
			}
			home.Post(api.PathLogout, nil)
			home.CSRF = ""
			env.Clock.Advance(16 * time.Minute)
		}
		// The owner's browser has a count of its own.
		for i := 1; i <= 5; i++ {
			env.Clock.Advance(7 * time.Second)
			r := home.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: "the owner mistypes 1"})
			if want := map[bool]int{true: 423, false: 401}[i == 5]; r.Status != want {
				t.Fatalf("the owner's wrong password #%d: %d, want %d", i, r.Status, want)
			}
		}
	})
}

// Wrong passwords long ago stop counting: four now and four in half an hour
// are not five in a row.
func TestOldWrongPasswordsStopCounting(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "slow@example.com"
		env.Register(email)
		for round := 0; round < 2; round++ {
			for i := 0; i < 4; i++ {
				env.Clock.Advance(7 * time.Second)
				if _, r := env.Login(email, "a slow guess 12345"); r.Status != 401 {
					t.Fatalf("round %d, guess %d: %d", round, i, r.Status)
				}
			}
			env.Clock.Advance(30 * time.Minute)
		}
		if _, r := env.Login(email, portaltest.Password); r.Status != 200 {
			t.Fatalf("blocked by failures from half an hour ago: %d %s", r.Status, r.Body)
		}
	})
}

// The reset link in the block mail ends the block at once.
func TestTheBlockMailsLinkEndsTheBlock(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "unblock@example.com"
		env.Register(email)
		for i := 0; i < 5; i++ {
			env.Clock.Advance(7 * time.Second)
			env.Login(email, "a wrong guess 12345")
		}
		link := env.LastMail(email).Token()
		if r := env.Client().Post(api.PathReset, api.ResetRequest{Token: link, Password: "a brand new passphrase 8"}); r.Status != 200 {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login(email, "a brand new passphrase 8"); r.Status != 200 {
			t.Fatalf("still blocked after the reset link: %d %s", r.Status, r.Body)
		}
	})
}
