package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// Someone who has the password logs in again and again: each login mails a
// fresh code with five tries of its own. Across all of them the account
// takes at most 10 wrong entries and sends at most 5 codes an hour.
func TestCodeGuessesAcrossLoginsAreCapped(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "guessed@example.com"
		owner := env.Register(email)
		activate(t, env, owner, email)
		env.Clock.Advance(time.Hour)
		before := len(env.Mails(email))

		checked, logins := 0, 0
		for i := 0; i < 12; i++ {
			env.Clock.Advance(7 * time.Second) // the per-address request budget is not the point here
			c, r := env.Login(email, portaltest.Password)
			if r.Status != 200 {
				continue
			}
			logins++
			for g := 0; g < 5; g++ {
				r := c.Post(api.PathLoginCode, api.CodeRequest{Code: fmt.Sprintf("%06d", 100000+i*5+g)})
				if r.Status == 400 { // the guess was checked (wrong or spent)
					checked++
				}
			}
		}
		if checked > 10 || logins > 5 {
			t.Fatalf("%d guesses checked in %d logins within an hour; at most 10 and 5", checked, logins)
		}
		told := 0
		for _, m := range env.Mails(email)[:len(env.Mails(email))-before] {
			if strings.Contains(m.Subject, "pausiert") {
				told++
			}
		}
		if told < 1 || told > 2 { // once for the codes sent, once for the wrong entries
			t.Fatalf("the owner was told %d times", told)
		}
		// After the hour the owner gets in as usual.
		env.Clock.Advance(time.Hour)
		c := loginToSecondStep(t, env, email)
		if r := c.Post(api.PathLoginCode, api.CodeRequest{Code: env.LastCode(email)}); r.Status != 200 {
			t.Fatalf("the owner after the pause: %d %s", r.Status, r.Body)
		}
	})
}

// Any number of accounts asking for SMS codes to one number get at most
// five sent to it in an hour (no SMS pumping once a provider is wired).
func TestSMSToOneNumberAreCapped(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		number := "+491701234599"
		for i := 0; i < 4; i++ {
			email := fmt.Sprintf("pump%d@example.com", i)
			c := env.Register(email)
			reauth(t, env, c, email, api.ActionPhone)
			c.Post(api.PathPhone, api.PhoneRequest{Phone: number})
			for j := 0; j < 3; j++ {
				env.Clock.Advance(31 * time.Second)
				c.Post(api.PathPhoneResend, nil)
			}
		}
		if n := len(env.Mails(number)); n > 5 {
			t.Fatalf("%d SMS to one number within an hour; at most 5", n)
		}
	})
}
