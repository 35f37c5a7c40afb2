package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// Changing the Phone ID keeps the verified number until the new one is
// verified, and every change or removal is mailed to the owner.
func TestAPhoneIDStaysUntilTheNewOneIsVerified(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "keep.phone@example.com"
		c := env.Register(email)
		verify := func(number string) {
			t.Helper()
			reauth(t, env, c, email, api.ActionPhone)
			if r := c.Post(api.PathPhone, api.PhoneRequest{Phone: number}); r.Status != 200 {
				t.Fatalf("start %s: %d %s", number, r.Status, r.Body)
			}
			if r := c.Post(api.PathPhoneVerify, api.CodeRequest{Code: env.LastMail(number).Code()}); r.Status != 200 {
				t.Fatalf("verify %s: %d %s", number, r.Status, r.Body)
			}
		}
		verify("+491701111111")
		env.Clock.Advance(time.Minute)
		reauth(t, env, c, email, api.ActionPhone)
		if r := c.Post(api.PathPhone, api.PhoneRequest{Phone: "+491702222222"}); r.Status != 200 {
			t.Fatalf("start the change: %d %s", r.Status, r.Body)
		}
		// Not verified (no provider reaches that phone, say): the old number
		// is still the Phone ID.
		if m := me(t, c); m.Phone != "+491701111111" || !m.PhoneVerified {
			t.Fatalf("during the change the profile says %q verified=%v", m.Phone, m.PhoneVerified)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("+491701111111", portaltest.Password); r.Status != 200 {
			t.Fatalf("the verified Phone ID stopped working before the new one was verified: %d", r.Status)
		}
		if r := c.Post(api.PathPhoneVerify, api.CodeRequest{Code: env.LastMail("+491702222222").Code()}); r.Status != 200 {
			t.Fatalf("verify the new number: %d %s", r.Status, r.Body)
		}
		env.Clock.Advance(7 * time.Second)
		if _, r := env.Login("+491701111111", portaltest.Password); r.Status != 401 {
			t.Fatalf("the old number still logs in: %d", r.Status)
		}
		env.Clock.Advance(time.Minute)
		reauth(t, env, c, email, api.ActionPhone)
		if r := c.Post(api.PathPhoneRemove, nil); r.Status != 200 {
			t.Fatalf("remove: %d %s", r.Status, r.Body)
		}
		told := 0
		for _, m := range env.Mails(email) {
			if strings.Contains(m.Text, "+49•••••11") || strings.Contains(m.Text, "+49•••••22") {
				told++
			}
		}
		if told < 3 { // two numbers added, one removed
			t.Fatalf("the owner was told of %d Phone ID changes, want 3", told)
		}
	})
}
