package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// An address the mail provider reported undeliverable shows in the profile
// and in the login's answer (after the password only: a stranger learns
// nothing).
func TestUndeliverableAddressIsShown(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "bouncy@example.com"
	env.Register(email)
	mark := &store.UndeliverableAddress{Email: email, Reason: "bounced", ReportedAt: env.Clock.Now()}
	if err := store.MarkUndeliverable(context.Background(), env.DB.Bun, mark); err != nil {
		t.Fatal(err)
	}
	if _, r := env.Login(email, "not the password 1"); r.Status != 401 || strings.Contains(string(r.Body), "bounced") {
		t.Fatalf("wrong password: %d %s", r.Status, r.Body)
	}
	c, r := env.Login(email, portaltest.Password)
	var s api.Session
	r.JSON(t, &s)
	if s.EmailUndeliverable != "bounced" {
		t.Fatalf("login answer: %s", r.Body)
	}
	if m := me(t, c); m.EmailUndeliverable != "bounced" {
		t.Fatalf("profile: %+v", m)
	}
}
