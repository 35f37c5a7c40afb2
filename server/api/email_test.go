package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestChangeEmail(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.Register("old@example.com")
		env.Register("taken@example.com")
		if r := c.Post(api.PathEmail, api.EmailChangeRequest{Email: "new@example.com"}); r.Status != 403 || r.Error(t).Code != api.CodeReauthRequired {
			t.Fatalf("without re-authentication: %d %s", r.Status, r.Body)
		}
		if r := c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionEmail, Password: "wrong one"}); r.Status != 400 {
			t.Fatalf("wrong password: %d", r.Status)
		}
		// An address in use: same answer, no change, no mail to it.
		reauth(t, env, c, "old@example.com", api.ActionEmail)
		before := len(env.Mails("taken@example.com"))
		if r := c.Post(api.PathEmail, api.EmailChangeRequest{Email: "taken@example.com"}); r.Status != 202 {
			t.Fatalf("taken address: %d %s", r.Status, r.Body)
		}
		if len(env.Mails("taken@example.com")) != before {
			t.Fatal("the owner of a taken address got a change link")
		}
		// Account data shows the change waiting, as for a free address:
		// it does not tell that the address has an account.
		if p := me(t, c).PendingEmail; p != "taken@example.com" {
			t.Fatalf("pending address after asking for a taken one: %q", p)
		}
		// The real change: a link to the new address; nothing changes until it is opened.
		reauth(t, env, c, "old@example.com", api.ActionEmail)
		if r := c.Post(api.PathEmail, api.EmailChangeRequest{Email: "New@Example.com"}); r.Status != 202 {
			t.Fatalf("change: %d %s", r.Status, r.Body)
		}
		if m := me(t, c); m.Email != "old@example.com" || m.PendingEmail != "new@example.com" {
			t.Fatalf("before confirmation: address %q, pending %q", m.Email, m.PendingEmail)
		}
		link := env.LastMail("new@example.com")
		if r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: link.Token()}); r.Status != 200 {
			t.Fatalf("confirm new address: %d %s", r.Status, r.Body)
		}
		if m := me(t, c); m.Email != "new@example.com" || m.PendingEmail != "" {
			t.Fatalf("after confirmation: address %q, pending %q", m.Email, m.PendingEmail)
		}
		notice := env.LastMail("old@example.com")
		if !strings.Contains(notice.Text, "n•••@example.com") || notice.Token() == "" {
			t.Fatalf("old address not told, or no undo link: %s", notice.Text)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("new@example.com", portaltest.Password); r.Status != 200 {
			t.Fatalf("login with the new address: %d", r.Status)
		}
		// Undo from the old address within 72 hours: the page asks for a new
		// password first; then the address is back and every session ends.
		env.Clock.Advance(71 * time.Hour)
		c, _ = env.Login("new@example.com", portaltest.Password)
		undo := env.Client()
		r := undo.Post(api.PathConfirm, api.ConfirmRequest{Token: notice.Token()})
		var asked api.Session
		r.JSON(t, &asked)
		if r.Status != 200 || !asked.NeedsPassword || asked.Purpose != "email_undo" || asked.Confirmed != "" {
			t.Fatalf("undo without a password: %d %s", r.Status, r.Body)
		}
		if me(t, c).Email != "new@example.com" {
			t.Fatal("asking for the password already undid the change")
		}
		if r := undo.Post(api.PathConfirm, api.ConfirmRequest{Token: notice.Token(), Password: "a brand new passphrase 8"}); r.Status != 200 {
			t.Fatalf("undo: %d %s", r.Status, r.Body)
		}
		if r := c.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("a session survived the undo: %d", r.Status)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("old@example.com", portaltest.Password); r.Status != 401 {
			t.Fatalf("the old password still works after the undo: %d", r.Status)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("old@example.com", "a brand new passphrase 8"); r.Status != 200 {
			t.Fatalf("login with the old address and the new password after undo: %d", r.Status)
		}
	})
}

// A waiting e-mail change is shown only while its link lives: a password
// change voids the link, and Account data stops showing the address.
func TestPendingEmailDiesWithItsLink(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Register("pend@example.com")
	reauth(t, env, c, "pend@example.com", api.ActionEmail)
	if r := c.Post(api.PathEmail, api.EmailChangeRequest{Email: "later@example.com"}); r.Status != 202 {
		t.Fatalf("change: %d %s", r.Status, r.Body)
	}
	link := env.LastMail("later@example.com").Token()
	if p := me(t, c).PendingEmail; p != "later@example.com" {
		t.Fatalf("pending: %q", p)
	}
	reauth(t, env, c, "pend@example.com", api.ActionPassword)
	if r := c.Post(api.PathPassword, api.PasswordRequest{Password: "a fresh long passphrase 11"}); r.Status != 200 {
		t.Fatalf("password change: %d %s", r.Status, r.Body)
	}
	if p := me(t, c).PendingEmail; p != "" {
		t.Fatalf("still pending after the password changed: %q", p)
	}
	if r := env.Client().Post(api.PathConfirm, api.ConfirmRequest{Token: link}); r.Status == 200 {
		t.Fatal("the change link still works after the password changed")
	}
}
