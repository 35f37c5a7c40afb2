package api_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// The scenarios of this file are the account-takeover holes found when the
// portal was attacked: each one failed on the code before the auth core
// (credentials, one funnel, typed sessions, security stamp) and must stay
// closed.

// openLink opens a confirmation or undo link in c. When the portal asks this
// browser to set a password first, it sets newPassword.
func openLink(t *testing.T, c *portaltest.Client, token, newPassword string) (api.Session, portaltest.Response) {
	t.Helper()
	r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: token})
	var s api.Session
	if r.Status == 200 {
		r.JSON(t, &s)
	}
	if r.Status == 200 && s.NeedsPassword {
		r = c.Post(api.PathConfirm, api.ConfirmRequest{Token: token, Password: newPassword})
		s = api.Session{}
		if r.Status == 200 {
			r.JSON(t, &s)
		}
	}
	return s, r
}

func TestUndoOfAnEmailChangeVoidsTheAttackersLinks(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		owner := env.Register("owner@example.com")
		attacker, _ := env.Login("owner@example.com", portaltest.Password) // the password leaked

		// The attacker moves the account to an address of theirs…
		reauth(t, env, attacker, "owner@example.com", api.ActionEmail)
		if r := attacker.Post(api.PathEmail, api.EmailChangeRequest{Email: "x@evil.example"}); r.Status != 202 {
			t.Fatalf("change to x: %d %s", r.Status, r.Body)
		}
		if _, r := openLink(t, attacker, env.LastMail("x@evil.example").Token(), "attacker chosen phrase 1"); r.Status != 200 {
			t.Fatalf("confirm x: %d %s", r.Status, r.Body)
		}
		undo := env.LastMail("owner@example.com").Token()
		// …keeps a reset link sent there, and asks a second change to x2.
		env.Clock.Advance(time.Minute)
		if r := attacker.Post(api.PathForgot, api.EmailRequest{Email: "x@evil.example"}); r.Status != 202 {
			t.Fatalf("forgot at x: %d", r.Status)
		}
		resetAtX := env.LastMail("x@evil.example").Token()
		reauth(t, env, attacker, "x@evil.example", api.ActionEmail)
		if r := attacker.Post(api.PathEmail, api.EmailChangeRequest{Email: "x2@evil.example"}); r.Status != 202 {
			t.Fatalf("change to x2: %d %s", r.Status, r.Body)
		}
		pendingX2 := env.LastMail("x2@evil.example").Token()

		// The owner follows the undo link from the old address and sets a new
		// password (on the undo page, or right after through a reset).
		ownerBrowser := env.Client()
		if _, r := openLink(t, ownerBrowser, undo, "the owners new phrase 7"); r.Status != 200 {
			t.Fatalf("undo: %d %s", r.Status, r.Body)
		}
		env.Clock.Advance(time.Minute)
		if r := ownerBrowser.Post(api.PathForgot, api.EmailRequest{Email: "owner@example.com"}); r.Status != 202 {
			t.Fatalf("forgot: %d", r.Status)
		}
		if r := ownerBrowser.Post(api.PathReset, api.ResetRequest{Token: env.LastMail("owner@example.com").Token(), Password: "the owners new phrase 7"}); r.Status != 200 {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}

		// Every link the attacker kept is dead now.
		if _, r := openLink(t, env.Client(), pendingX2, "attacker chosen phrase 2"); r.Status == 200 {
			t.Errorf("the pending change to x2 still worked after the undo: %s", r.Body)
		}
		if r := env.Client().Post(api.PathReset, api.ResetRequest{Token: resetAtX, Password: "attacker chosen phrase 3"}); r.Status == 200 {
			t.Errorf("a reset link sent to x before the undo still worked")
		}
		if r := attacker.Get(api.PathMe); r.Status != 401 {
			t.Errorf("the attacker's session survived the undo: %d", r.Status)
		}
		if r := owner.Get(api.PathMe); r.Status != 401 {
			t.Errorf("a session from before the undo survived: %d", r.Status)
		}
		env.Clock.Advance(time.Minute)
		for _, who := range []string{"owner@example.com", "x@evil.example", "x2@evil.example"} {
			for _, pw := range []string{portaltest.Password, "attacker chosen phrase 2", "attacker chosen phrase 3"} {
				if _, r := env.Login(who, pw); r.Status == 200 {
					t.Errorf("the attacker gets in as %s with %q", who, pw)
				}
				env.Clock.Advance(7 * time.Second)
			}
		}
		if _, r := env.Login("owner@example.com", "the owners new phrase 7"); r.Status != 200 {
			t.Errorf("the owner cannot log in: %d %s", r.Status, r.Body)
		}
	})
}

func TestAnEndedSessionNeverComesBack(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		laptop := env.Register("ghost@example.com")
		phone, _ := env.Login("ghost@example.com", portaltest.Password)

		// Many requests of the phone's session are under way — some of them
		// write the session (a step-up) — while the laptop ends it.
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := 0; i < 12; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				<-start
				if i%2 == 0 {
					phone.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionPhone, Password: portaltest.Password})
				} else {
					phone.Get(api.PathMe)
				}
			}(i)
		}
		close(start)
		var out api.LoggedOut
		if r := laptop.Post(api.PathLogoutOthers, nil); r.Status != 200 {
			t.Fatalf("log out others: %d %s", r.Status, r.Body)
		} else {
			r.JSON(t, &out)
		}
		wg.Wait()
		for i, path := range []string{api.PathMe, api.PathSessions, api.PathEvents} {
			if r := phone.Get(path); r.Status != 401 {
				t.Fatalf("request %d after the end (%s) answered %d: the ended session came back", i, path, r.Status)
			}
		}
		var list []api.SessionInfo
		laptop.Get(api.PathSessions).JSON(t, &list)
		if len(list) != 1 {
			t.Fatalf("sessions after the end: %+v", list)
		}
	})
}

func TestRegisteringAPendingAddressCannotHijackIt(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		victim := env.Client()
		if r := victim.Post(api.PathRegister, portaltest.Registration("vic@example.com")); r.Status != 202 {
			t.Fatalf("register: %d %s", r.Status, r.Body)
		}
		// Before the owner opens the link, someone else registers the same
		// address with a password of their own: the same neutral answer.
		attacker := env.Client()
		reg := portaltest.Registration("vic@example.com")
		reg.Password = "attacker chosen phrase 9"
		if r := attacker.Post(api.PathRegister, reg); r.Status != 202 {
			t.Fatalf("second registration: %d %s", r.Status, r.Body)
		}
		// The owner opens the newest mail in their own browser.
		s, r := openLink(t, victim, env.LastMail("vic@example.com").Token(), "the victims own phrase 5")
		if r.Status != 200 {
			t.Fatalf("confirm: %d %s", r.Status, r.Body)
		}
		_ = s
		env.Clock.Advance(time.Minute)
		if _, r := env.Login("vic@example.com", "attacker chosen phrase 9"); r.Status == 200 {
			t.Fatal("the second registrant's password logs in to the confirmed account")
		}
	})
}

func TestAConfirmationLinkNeverSwitchesALoggedInBrowser(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		customer := env.Register("cust@example.com")
		// The attacker registers an account and sends its link to the customer.
		env.Clock.Advance(time.Minute)
		if r := env.Client().Post(api.PathRegister, portaltest.Registration("att@example.com")); r.Status != 202 {
			t.Fatalf("register: %d", r.Status)
		}
		link := env.LastMail("att@example.com").Token()
		r := customer.Post(api.PathConfirm, api.ConfirmRequest{Token: link})
		if r.Status >= 500 {
			t.Fatalf("confirm: %d %s", r.Status, r.Body)
		}
		if m := me(t, customer); m.Email != "cust@example.com" {
			t.Fatalf("the customer's browser was switched to %s", m.Email)
		}
	})
}

func TestEveryStepUpRenewsTheSessionID(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.Register("step@example.com")
		before := sessionCookie(c)
		r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionPassword, Password: portaltest.Password})
		var res api.ReauthResult
		r.JSON(t, &res)
		if r.Status != 200 || res.CodeSent {
			t.Fatalf("password-only step-up: %d %s", r.Status, r.Body)
		}
		if after := sessionCookie(c); before == nil || after == nil || before.Value == after.Value {
			t.Fatalf("the session id did not change at the step-up")
		}
		stale := env.Client()
		stale.HTTP.Jar.SetCookies(mustURL(env.URL), []*http.Cookie{before})
		if r := stale.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("the id from before the step-up still works: %d", r.Status)
		}
		if r := c.Get(api.PathMe); r.Status != 200 {
			t.Fatalf("the renewed session: %d", r.Status)
		}
	})
}
