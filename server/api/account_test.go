package api_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// put sends a PUT the way the app does, with If-Match.
func put(c *portaltest.Client, path string, v any, ifMatch string) portaltest.Response {
	c.T.Helper()
	body, _ := jsonBody(v)
	return c.Raw("PUT", path, body, map[string]string{
		"Content-Type": "application/json", "Origin": c.Env.URL, api.HeaderCSRF: c.CSRF, api.HeaderIfMatch: ifMatch,
	})
}

func me(t *testing.T, c *portaltest.Client) api.Me {
	t.Helper()
	var m api.Me
	r := c.Get(api.PathMe)
	if r.Status != 200 {
		t.Fatalf("me: %d", r.Status)
	}
	r.JSON(t, &m)
	return m
}

func TestPersonalDataOptimisticConcurrency(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		phone := env.Register("two@example.com")
		laptop, _ := env.Login("two@example.com", portaltest.Password)
		m := me(t, phone)
		v := `"v` + itoa(int(m.Version)) + `"`

		p := m.Personal()
		p.FirstName = "Janina"
		r := put(phone, api.PathPersonal, p, v)
		var saved api.Me
		r.JSON(t, &saved)
		if r.Status != 200 || saved.FirstName != "Janina" || saved.Version != m.Version+1 {
			t.Fatalf("save: %d %s", r.Status, r.Body)
		}
		// The laptop still has the old version: refused, with the fresh data.
		p2 := m.Personal()
		p2.City = "Berlin"
		r = put(laptop, api.PathPersonal, p2, v)
		var conflict api.Conflict
		r.JSON(t, &conflict)
		if r.Status != 412 || conflict.Code != api.CodeVersionConflict || conflict.Current.FirstName != "Janina" {
			t.Fatalf("stale save: %d %s", r.Status, r.Body)
		}
		if got := me(t, laptop); got.City != "München" || got.FirstName != "Janina" {
			t.Fatalf("stale save changed data: %+v", got)
		}
		if r := put(laptop, api.PathPersonal, p2, ""); r.Status != 428 {
			t.Fatalf("no If-Match: %d", r.Status)
		}
		bad := saved.Personal()
		bad.Country, bad.Postcode = "AT", "80809"
		if r := put(laptop, api.PathPersonal, bad, `"v`+itoa(int(saved.Version))+`"`); r.Status != 400 || r.Error(t).Fields["postcode"].Code != "invalid" {
			t.Fatalf("Austrian postcode 80809: %d %s", r.Status, r.Body)
		}
	})
}

func TestCountryOfResidenceSetsLanguage(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Register("lang@example.com")
	steps := []struct {
		country, postcode, choice, want string
	}{
		{"GB", "SW1A 1AA", "", "en"},
		{"AT", "1010", "", "de"},
		{"DE", "10115", "en", "en"},
		{"FR", "75001", "de", "de"},
	}
	for _, s := range steps {
		m := me(t, c)
		p := m.Personal()
		p.Country, p.Postcode, p.Language = s.country, s.postcode, s.choice
		r := put(c, api.PathPersonal, p, `"v`+itoa(int(m.Version))+`"`)
		var got api.Me
		r.JSON(t, &got)
		if r.Status != 200 || got.Language != s.want {
			t.Fatalf("%s/%q: %d language %q, want %q", s.country, s.choice, r.Status, got.Language, s.want)
		}
	}
}

// reauth proves the password (and the code when two-factor is on).
func reauth(t *testing.T, env *portaltest.Env, c *portaltest.Client, email, action string) {
	t.Helper()
	r := c.Post(api.PathReauth, api.ReauthRequest{Action: action, Password: portaltest.Password})
	var res api.ReauthResult
	r.JSON(t, &res)
	if r.Status != 200 {
		t.Fatalf("reauth %s: %d %s", action, r.Status, r.Body)
	}
	if res.CodeSent {
		if r := c.Post(api.PathReauthConfirm, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status != 200 {
			t.Fatalf("reauth code: %d %s", r.Status, r.Body)
		}
	}
}

func TestChangePasswordEndsOtherSessions(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Register("pw@example.com")
	other, _ := env.Login("pw@example.com", portaltest.Password)
	if r := c.Post(api.PathPassword, api.PasswordRequest{Password: "a fresh long passphrase 11"}); r.Status != 403 {
		t.Fatalf("without re-authentication: %d", r.Status)
	}
	reauth(t, env, c, "pw@example.com", api.ActionPassword)
	if r := c.Post(api.PathPassword, api.PasswordRequest{Password: "password123"}); r.Status != 400 {
		t.Fatalf("weak password: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathPassword, api.PasswordRequest{Password: "a fresh long passphrase 11"}); r.Status != 200 {
		t.Fatalf("change: %d %s", r.Status, r.Body)
	}
	if r := other.Get(api.PathMe); r.Status != 401 {
		t.Fatalf("other session survived: %d", r.Status)
	}
	if r := c.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("this session ended: %d", r.Status)
	}
	// The re-authentication is used up.
	if r := c.Post(api.PathPassword, api.PasswordRequest{Password: "another fresh passphrase 12"}); r.Status != 403 {
		t.Fatalf("second change without re-authentication: %d", r.Status)
	}
}

func TestReauthNeedsCodeWithTwoFactor(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "tfa@example.com"
	c := env.Register(email)
	activate(t, env, c, email)
	r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionDelete, Password: portaltest.Password})
	var res api.ReauthResult
	r.JSON(t, &res)
	if !res.CodeSent {
		t.Fatalf("no code asked with two-factor on: %s", r.Body)
	}
	if r := c.Post(api.PathDelete, nil); r.Status != 403 {
		t.Fatalf("delete after the password alone: %d", r.Status)
	}
}

func TestPhoneID(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.Register("phone@example.com")
		reauth(t, env, c, "phone@example.com", api.ActionPhone)
		r := c.Post(api.PathPhone, api.PhoneRequest{Phone: "+49 170 1234567"})
		if r.Status != 200 {
			t.Fatalf("start: %d %s", r.Status, r.Body)
		}
		// Not verified yet: it does not log in.
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("+491701234567", portaltest.Password); r.Status != 401 {
			t.Fatalf("unverified Phone ID logged in: %d", r.Status)
		}
		sms := env.LastMail("+491701234567")
		if sms.Channel != "sms" || sms.Code() == "" {
			t.Fatalf("SMS: %+v", sms)
		}
		r = c.Post(api.PathPhoneVerify, api.CodeRequest{Code: sms.Code()})
		var m api.Me
		r.JSON(t, &m)
		if r.Status != 200 || !m.PhoneVerified || m.Phone != "+491701234567" {
			t.Fatalf("verify: %d %s", r.Status, r.Body)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("+49 170 1234567", portaltest.Password); r.Status != 200 {
			t.Fatalf("login with Phone ID: %d %s", r.Status, r.Body)
		}
		told := false
		for _, m := range env.Mails("phone@example.com") {
			told = told || strings.Contains(m.Text, "+49•••••67")
		}
		if !told {
			t.Fatal("no notice of the new Phone ID")
		}
	})
}

// "Delete MINI ID" deactivates at once: every session ends, nobody logs in,
// and the farewell mail names the day of the deletion and carries the link
// that keeps the account. After 7 days the sweeper removes it and mails
// the last word; then the address can register again.
func TestDeleteAccount(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.Register("bye@example.com")
		other, _ := env.Login("bye@example.com", portaltest.Password)
		reauth(t, env, c, "bye@example.com", api.ActionDelete)
		if r := c.Post(api.PathDelete, nil); r.Status != 200 {
			t.Fatalf("delete: %d %s", r.Status, r.Body)
		}
		if r := other.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("a session survived deletion: %d", r.Status)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("bye@example.com", "not the password 99"); r.Status != 401 {
			t.Fatalf("a wrong password for a deactivated account: %d", r.Status)
		}
		if _, r := env.Login("bye@example.com", portaltest.Password); r.Status != 403 || r.Error(t).Code != api.CodeDeletionPending || r.Error(t).Until == "" {
			t.Fatalf("login after deletion: %d %s", r.Status, r.Body)
		}
		farewell := env.LastMail("bye@example.com")
		if !strings.Contains(farewell.Subject, "gelöscht") || !strings.Contains(farewell.Link(), "/restore?token=") {
			t.Fatalf("the farewell mail: %s\n%s", farewell.Subject, farewell.Text)
		}
		env.Clock.Advance(6 * 24 * time.Hour)
		if rep, err := env.Portal.Sweeper().Round(context.Background()); err != nil || rep.Removed["account_deletions"] != 0 {
			t.Fatalf("removed within the grace period: %+v %v", rep, err)
		}
		env.Clock.Advance(24 * time.Hour)
		if rep, err := env.Portal.Sweeper().Round(context.Background()); err != nil || rep.Removed["account_deletions"] != 1 {
			t.Fatalf("not removed after 7 days: %+v %v", rep, err)
		}
		if m := env.LastMail("bye@example.com"); m.Subject != "Ihre MINI ID wurde gelöscht" || m.Token() != "" {
			t.Fatalf("the last mail: %q", m.Subject)
		}
		if r := env.Client().Post(api.PathRestore, api.TokenRequest{Token: farewell.Token()}); r.Status != 400 {
			t.Fatalf("the undo link after the deletion: %d", r.Status)
		}
		if _, err := store.UserByEmail(context.Background(), env.DB.Bun, "bye@example.com"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("the account is still there: %v", err)
		}
		env.Register("bye@example.com") // the address can register again
	})
}

// The farewell mail's link keeps the account within the 7 days, once.
func TestDeletionUndo(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "stay@example.com"
		c := env.Register(email)
		reauth(t, env, c, email, api.ActionDelete)
		c.Post(api.PathDelete, nil)
		tok := env.LastMail(email).Token()
		env.Clock.Advance(3 * 24 * time.Hour)
		if r := env.Client().Post(api.PathRestore, api.TokenRequest{Token: "made-up"}); r.Status != 400 {
			t.Fatalf("a made-up link: %d", r.Status)
		}
		if r := env.Client().Post(api.PathRestore, api.TokenRequest{Token: tok}); r.Status != 200 {
			t.Fatalf("restore: %d %s", r.Status, r.Body)
		}
		if r := env.Client().Post(api.PathRestore, api.TokenRequest{Token: tok}); r.Status != 400 {
			t.Fatalf("the link a second time: %d", r.Status)
		}
		if m := env.LastMail(email); m.Subject != "Ihre MINI ID ist wieder aktiv" {
			t.Fatalf("mail: %q", m.Subject)
		}
		c, r := env.Login(email, portaltest.Password)
		if r.Status != 200 {
			t.Fatalf("login after the undo: %d %s", r.Status, r.Body)
		}
		if kinds := eventKinds(t, c); !contains(kinds, "deletion_undone") {
			t.Fatalf("events: %v", kinds)
		}
		env.Clock.Advance(5 * 24 * time.Hour)
		if rep, _ := env.Portal.Sweeper().Round(context.Background()); rep.Removed["account_deletions"] != 0 {
			t.Fatalf("a kept account was removed: %+v", rep)
		}
	})
}

func TestSessionsAndEvents(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Register("sess@example.com")
	other, _ := env.Login("sess@example.com", portaltest.Password)
	env.Clock.Advance(7 * time.Second)
	env.Login("sess@example.com", "wrong wrong wrong")
	var list []api.SessionInfo
	c.Get(api.PathSessions).JSON(t, &list)
	current := 0
	for _, s := range list {
		if s.Current {
			current++
		}
	}
	if len(list) != 2 || current != 1 {
		t.Fatalf("sessions: %+v", list)
	}
	var out api.LoggedOut
	c.Post(api.PathLogoutOthers, nil).JSON(t, &out)
	if out.Count != 1 || other.Get(api.PathMe).Status != 401 || c.Get(api.PathMe).Status != 200 {
		t.Fatalf("log out others: %+v", out)
	}
	var events []api.SecurityEvent
	c.Get(api.PathEvents).JSON(t, &events)
	kinds := map[string]bool{}
	for _, e := range events {
		kinds[e.Kind] = true
	}
	for _, k := range []string{"login", "login_failed", "logout_others", "registered"} {
		if !kinds[k] {
			t.Errorf("event %s missing: %+v", k, events)
		}
	}
}
