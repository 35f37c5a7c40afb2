package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestRegisterConfirmAndMe(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.Client()
		if r := c.Get(api.PathMe); r.Status != 401 {
			t.Fatalf("me before login: %d", r.Status)
		}
		reg := portaltest.Registration("Jana.Keller@Example.com")
		if r := c.Post(api.PathRegister, reg); r.Status != 202 {
			t.Fatalf("register: %d %s", r.Status, r.Body)
		}
		// The mail is on its way; not confirmed yet, the login says so.
		m := env.LastMail("jana.keller@example.com")
		_, r := env.Login("jana.keller@example.com", portaltest.Password)
		if r.Status != 403 || r.Error(t).Code != api.CodeNotConfirmed {
			t.Fatalf("unconfirmed login: %d %s", r.Status, r.Body)
		}
		if m.Link() == "" || !strings.Contains(m.Link(), "/confirm?token=") {
			t.Fatalf("confirmation mail has no link: %q", m.Text)
		}
		// The link logs in.
		if r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: m.Token()}); r.Status != 200 {
			t.Fatalf("confirm: %d %s", r.Status, r.Body)
		}
		r = c.Get(api.PathMe)
		var me api.Me
		r.JSON(t, &me)
		if r.Status != 200 || me.Email != "jana.keller@example.com" || me.FirstName != "Jana" || me.Language != "de" || me.TwoFactor {
			t.Fatalf("me: %d %+v", r.Status, me)
		}
		if r.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("personal data must be no-store, got %q", r.Header.Get("Cache-Control"))
		}
		// Single use: the same link again is refused.
		if r := env.Client().Post(api.PathConfirm, api.ConfirmRequest{Token: m.Token()}); r.Status != 400 || r.Error(t).Code != api.CodeInvalidToken {
			t.Fatalf("reused link: %d %s", r.Status, r.Body)
		}
	})
}

func TestRegisterExistingAddressLooksTheSame(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		env.Register("owner@example.com")
		before := len(env.Mails("owner@example.com"))

		fresh := env.Client().Post(api.PathRegister, portaltest.Registration("new@example.com"))
		taken := env.Client().Post(api.PathRegister, portaltest.Registration("owner@example.com"))
		if fresh.Status != taken.Status || string(fresh.Body) != string(taken.Body) {
			t.Fatalf("answers differ: %d %s vs %d %s", fresh.Status, fresh.Body, taken.Status, taken.Body)
		}
		mails := env.Mails("owner@example.com")
		if len(mails) != before+1 || mails[0].Link() != "" && strings.Contains(mails[0].Link(), "/confirm") {
			t.Fatalf("owner should get a warning mail, got %d mails: %q", len(mails)-before, mails[0].Subject)
		}
		// The owner's account is untouched: the original password still works.
		if _, r := env.Login("owner@example.com", portaltest.Password); r.Status != 200 {
			t.Fatalf("owner login after attempt: %d %s", r.Status, r.Body)
		}
	})
}

func TestRegisterValidation(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tests := []struct {
		name  string
		edit  func(*api.RegisterRequest)
		field string
		code  string
	}{
		{"bad email", func(r *api.RegisterRequest) { r.Email = "jana@" }, "email", "invalid"},
		{"short password", func(r *api.RegisterRequest) { r.Password = "short" }, "password", "too_short"},
		{"common password", func(r *api.RegisterRequest) { r.Password = "password1" }, "password", ""},
		{"password is the name", func(r *api.RegisterRequest) { r.Password = "JanaKeller" }, "password", ""},
		{"postcode of another country", func(r *api.RegisterRequest) { r.Country = "GB"; r.Postcode = "80809" }, "postcode", "invalid"},
		{"no consent", func(r *api.RegisterRequest) { r.AcceptTerms = false }, "accept_terms", "required"},
		{"bad phone", func(r *api.RegisterRequest) { r.Phone = "0171 123" }, "phone", "invalid"},
		{"too young", func(r *api.RegisterRequest) { r.BirthDate = "2015-01-01" }, "birth_date", "too_young"},
		{"unknown country", func(r *api.RegisterRequest) { r.Country = "XX" }, "country", "not_allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env.Clock.Advance(time.Minute) // stay within the per-IP budget
			req := portaltest.Registration("v@example.com")
			tt.edit(&req)
			r := env.Client().Post(api.PathRegister, req)
			if r.Status != 400 {
				t.Fatalf("status %d %s", r.Status, r.Body)
			}
			e := r.Error(t)
			fe, ok := e.Fields[tt.field]
			if !ok || fe.Message == "" || (tt.code != "" && fe.Code != tt.code) {
				t.Fatalf("fields = %+v, want %s/%s", e.Fields, tt.field, tt.code)
			}
		})
	}
}

func TestConfirmationLinkExpiresAfter24Hours(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	c.Post(api.PathRegister, portaltest.Registration("late@example.com"))
	tok := env.LastMail("late@example.com").Token()
	env.Clock.Advance(24*time.Hour + time.Second)
	c.Session() // the old session ran out too
	if r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: tok}); r.Status != 400 || r.Error(t).Code != api.CodeInvalidToken {
		t.Fatalf("expired link: %d %s", r.Status, r.Body)
	}
	// "Send the e-mail again" makes a fresh one that works.
	if r := c.Post(api.PathRegisterResend, api.EmailRequest{Email: "late@example.com"}); r.Status != 202 {
		t.Fatalf("resend: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathConfirm, api.ConfirmRequest{Token: env.LastMail("late@example.com").Token()}); r.Status != 200 {
		t.Fatalf("new link: %d %s", r.Status, r.Body)
	}
}
