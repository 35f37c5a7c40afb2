package session_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// An app's return address is kept in the browser's session: it survives
// the save, the sign-in that rotates the session id, and runs out at its
// time.
func TestReturnSurvivesTheSignIn(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
		st := session.NewStore(db.Bun, keyring.New(bytes.Repeat([]byte{7}, 32)), clk, rand.Reader, false)
		u := &store.User{Email: "r@example.com", Version: 1, CreatedAt: clk.Now(), UpdatedAt: clk.Now()}
		if err := store.CreateUser(ctx, db.Bun, u, "h"); err != nil {
			t.Fatal(err)
		}
		s, _ := st.Load(httptest.NewRequest("GET", "/", nil))
		want := session.Return{Path: "/oidc/continue?id=x", Until: clk.Now().Add(30 * time.Minute), Client: "app", Factors: 2, Hint: "r@example.com"}
		s.SetReturn(want)
		reload := func(s *session.Session) *session.Session {
			t.Helper()
			rec := httptest.NewRecorder()
			if err := st.Save(ctx, rec, s); err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest("GET", "/", nil)
			for _, c := range rec.Result().Cookies() {
				req.AddCookie(c)
			}
			next, err := st.Load(req)
			if err != nil {
				t.Fatal(err)
			}
			return next
		}
		s = reload(s)
		if got, ok := s.Return(clk.Now()); !ok || got != want || s.LeastFactors(clk.Now()) != 2 {
			t.Fatalf("after a save: %+v %v", got, ok)
		}
		s.SignIn(u.ID, api.StateFull, []string{"password"}, clk.Now())
		s = reload(s)
		if got, ok := s.Return(clk.Now()); !ok || got != want || !s.Full() {
			t.Fatalf("after the sign-in: %+v %v", got, ok)
		}
		if _, ok := s.Return(clk.Now().Add(31 * time.Minute)); ok || s.LeastFactors(clk.Now().Add(31*time.Minute)) != 0 {
			t.Fatal("the return address outlived its request")
		}
		s.ClearReturn()
		if _, ok := reload(s).Return(clk.Now()); ok {
			t.Fatal("a cleared return address came back")
		}
	})
}
