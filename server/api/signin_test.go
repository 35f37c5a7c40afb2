package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func countSubject(env *portaltest.Env, to, subject string) int {
	n := 0
	for _, m := range env.Mails(to) {
		if strings.Contains(m.Subject, subject) {
			n++
		}
	}
	return n
}

func TestASignInFromANewDeviceIsMailed(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "devices@example.com"
		home := env.RegisterIn(email, "GB", "SW1A 1AA") // the registering browser is the first device
		if n := countSubject(env, email, "New sign-in"); n != 0 {
			t.Fatalf("the registration itself was reported as a new sign-in (%d)", n)
		}
		laptop, r := env.Login(email, portaltest.Password)
		if r.Status != 200 {
			t.Fatalf("login: %d", r.Status)
		}
		m := env.LastMail(email)
		if !strings.Contains(m.Subject, "New sign-in") || !strings.Contains(m.Text, env.URL+"/profile/security") || !strings.Contains(m.Text, "Go client") {
			t.Fatalf("new sign-in mail: %s\n%s", m.Subject, m.Text)
		}
		// The same browser again, and the first one: nothing new.
		for _, c := range []*portaltest.Client{laptop, home} {
			env.Clock.Advance(time.Minute)
			c.Post(api.PathLogout, nil)
			c.CSRF = ""
			if r := c.Post(api.PathLogin, api.LoginRequest{Identifier: email, Password: portaltest.Password}); r.Status != 200 {
				t.Fatalf("login again: %d %s", r.Status, r.Body)
			}
		}
		if n := countSubject(env, email, "New sign-in"); n != 1 {
			t.Fatalf("%d new sign-in mails, want 1", n)
		}
	})
}

func TestLogOutOneOtherSession(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.Register("one@example.com")
		phone, _ := env.Login("one@example.com", portaltest.Password)
		env.Clock.Advance(7 * time.Second)
		tablet, _ := env.Login("one@example.com", portaltest.Password)
		var list []api.SessionInfo
		c.Get(api.PathSessions).JSON(t, &list)
		var phoneID, ownID string
		var phoneMe api.Me
		phone.Get(api.PathMe).JSON(t, &phoneMe)
		for _, s := range list {
			if s.Current {
				ownID = s.ID
			}
		}
		// The phone's session is the one the phone itself marks current.
		var fromPhone []api.SessionInfo
		phone.Get(api.PathSessions).JSON(t, &fromPhone)
		for _, s := range fromPhone {
			if s.Current {
				phoneID = s.ID
			}
		}
		if len(list) != 3 || phoneID == "" || ownID == "" || phoneID == ownID {
			t.Fatalf("sessions: %+v", list)
		}
		if r := c.Post(api.PathSessionLogout, api.SessionLogoutRequest{ID: phoneID}); r.Status != 200 {
			t.Fatalf("log out the phone: %d %s", r.Status, r.Body)
		}
		if r := phone.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("the phone is still logged in: %d", r.Status)
		}
		for who, cl := range map[string]*portaltest.Client{"this device": c, "the tablet": tablet} {
			if r := cl.Get(api.PathMe); r.Status != 200 {
				t.Fatalf("%s was logged out too: %d", who, r.Status)
			}
		}
		for _, id := range []string{phoneID, ownID, "", "abc", strings.Repeat("0", len(phoneID))} {
			if r := c.Post(api.PathSessionLogout, api.SessionLogoutRequest{ID: id}); r.Status != 404 {
				t.Fatalf("ending %q: %d %s", id, r.Status, r.Body)
			}
		}
		// Another account's session cannot be ended by its handle.
		stranger := env.Register("two@example.com")
		if r := stranger.Post(api.PathSessionLogout, api.SessionLogoutRequest{ID: ownID}); r.Status != 404 {
			t.Fatalf("a stranger ended a session: %d", r.Status)
		}
		if r := c.Get(api.PathMe); r.Status != 200 {
			t.Fatalf("ended by a stranger: %d", r.Status)
		}
	})
}

func TestSecretKeyRotation(t *testing.T) {
	oldKey, newKey := strings.Repeat("ab", 32), strings.Repeat("cd", 32)
	env := portaltest.Start(t, testenv.SQLite(t), "SECRET_KEY", oldKey)
	email := "rotate@example.com"
	c := env.Register(email)
	c.Post(api.PathForgot, api.EmailRequest{Email: email})
	link := env.LastMail(email).Token()

	// The new key signs from now on; the old one still verifies.
	env.Reconfigure("SECRET_KEY", newKey+","+oldKey)
	if r := c.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("a session from before the rotation: %d", r.Status)
	}
	fresh, r := env.Login(email, portaltest.Password)
	if r.Status != 200 {
		t.Fatalf("login after the rotation: %d", r.Status)
	}
	if r := fresh.Post(api.PathReset, api.ResetRequest{Token: link, Password: "a brand new passphrase 8"}); r.Status != 200 {
		t.Fatalf("a link mailed before the rotation: %d %s", r.Status, r.Body)
	}
	fresh, r = env.Login(email, "a brand new passphrase 8")
	if r.Status != 200 {
		t.Fatalf("login: %d", r.Status)
	}
	env.Clock.Advance(time.Minute) // one reset link a minute per address
	fresh.Post(api.PathForgot, api.EmailRequest{Email: email})
	newLink := env.LastMail(email).Token()

	// The old key removed: what it signed is worthless, what the new one
	// signed still works.
	env.Reconfigure("SECRET_KEY", newKey)
	if r := c.Get(api.PathMe); r.Status != 401 {
		t.Fatalf("a cookie signed with the removed key: %d", r.Status)
	}
	if r := fresh.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("a cookie signed with the new key: %d", r.Status)
	}
	if r := env.Client().Post(api.PathReset, api.ResetRequest{Token: newLink, Password: "another new passphrase 9"}); r.Status != 200 {
		t.Fatalf("a link made under the new key: %d %s", r.Status, r.Body)
	}
}
