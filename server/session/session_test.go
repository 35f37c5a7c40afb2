package session_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"net/http"
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

func TestMain(m *testing.M) { testenv.Main(m) }

// A request that loaded a session before another request ended it can
// neither write it back nor rotate it into a new one: its answer becomes
// the one for an ended session.
func TestAnEndedSessionIsNeverWrittenBack(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
		st := session.NewStore(db.Bun, keyring.New(bytes.Repeat([]byte{7}, 32)), clk, rand.Reader, false)
		u := &store.User{Email: "s@example.com", Version: 1, CreatedAt: clk.Now(), UpdatedAt: clk.Now()}
		if err := store.CreateUser(ctx, db.Bun, u, "h"); err != nil {
			t.Fatal(err)
		}
		// A signed-in session, as a browser holds it.
		s, _ := st.Load(httptest.NewRequest("GET", "/", nil))
		s.SignIn(u.ID, api.StateFull, []string{"password"}, clk.Now())
		rec := httptest.NewRecorder()
		if err := st.Save(ctx, rec, s); err != nil {
			t.Fatal(err)
		}
		cookies := rec.Result().Cookies()
		load := func() *session.Session {
			req := httptest.NewRequest("GET", "/", nil)
			for _, c := range cookies {
				req.AddCookie(c)
			}
			s, err := st.Load(req)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		for name, change := range map[string]func(*session.Session){
			"a change":  func(s *session.Session) { s.GrantStepUp("delete", clk.Now().Add(time.Minute)) },
			"a step-up": func(s *session.Session) { s.Rotate() },
		} {
			inFlight := load()
			if !inFlight.Full() {
				t.Fatalf("%s: session not loaded", name)
			}
			if _, err := store.DeleteUserSessions(ctx, db.Bun, u.ID, ""); err != nil {
				t.Fatal(err)
			}
			change(inFlight)
			rec := httptest.NewRecorder()
			w := st.Wrap(rec, httptest.NewRequest("POST", "/", nil), inFlight, func(w http.ResponseWriter, r *http.Request, err error) {
				if !errors.Is(err, session.ErrEnded) {
					t.Errorf("%s: save error %v", name, err)
				}
				w.WriteHeader(http.StatusUnauthorized)
			})
			w.WriteHeader(http.StatusOK)
			w.Write([]byte("the handler's answer"))
			if rec.Code != http.StatusUnauthorized || rec.Body.Len() != 0 {
				t.Fatalf("%s: answered %d %q", name, rec.Code, rec.Body.String())
			}
			if again := load(); again.Exists() {
				t.Fatalf("%s: the ended session came back", name)
			}
			var n int
			db.Bun.NewSelect().Model((*store.Session)(nil)).ColumnExpr("count(*)").Scan(ctx, &n)
			if n != 0 {
				t.Fatalf("%s: %d session rows after the end", name, n)
			}
			// Sign in again for the next case.
			s, _ := st.Load(httptest.NewRequest("GET", "/", nil))
			s.SignIn(u.ID, api.StateFull, []string{"password"}, clk.Now())
			rec = httptest.NewRecorder()
			if err := st.Save(ctx, rec, s); err != nil {
				t.Fatal(err)
			}
			cookies = rec.Result().Cookies()
		}
	})
}
