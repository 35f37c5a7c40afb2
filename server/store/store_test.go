package store_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

func TestMain(m *testing.M) { testenv.Main(m) }

var t0 = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func newUser(t *testing.T, db *testenv.DB, email string) *store.User {
	t.Helper()
	u := &store.User{Email: email, Country: "DE", Language: "de", Version: 1, CreatedAt: t0, UpdatedAt: t0}
	if err := store.CreateUser(context.Background(), db.Bun, u, "hash-of-"+email); err != nil {
		t.Fatal(err)
	}
	return u
}

// The store's contract, written once and run on SQLite and PostgreSQL.
func TestStoreContract(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		t.Run("users are unique by e-mail and versioned", func(t *testing.T) {
			u := newUser(t, db, "a@example.com")
			dup := &store.User{Email: "a@example.com", Version: 1, CreatedAt: t0, UpdatedAt: t0}
			if err := store.CreateUser(ctx, db.Bun, dup, "x"); err == nil {
				t.Fatal("a second account with the same address")
			}
			u.City = "Berlin"
			if err := store.UpdateUser(ctx, db.Bun, u, t0, 1, "city"); err != nil {
				t.Fatal(err)
			}
			u.City = "Hamburg"
			if err := store.UpdateUser(ctx, db.Bun, u, t0, 1, "city"); !errors.Is(err, store.ErrConflict) {
				t.Fatalf("stale version: %v", err)
			}
			got, err := store.UserByID(ctx, db.Bun, u.ID)
			if err != nil || got.City != "Berlin" || got.Version != 2 {
				t.Fatalf("after update: %+v %v", got, err)
			}
			if _, err := store.UserByEmail(ctx, db.Bun, "nobody@example.com"); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("unknown address: %v", err)
			}
		})
		t.Run("a token is consumed once, by exactly one of many", func(t *testing.T) {
			u := newUser(t, db, "tok@example.com")
			tok := &store.Token{UserID: u.ID, Purpose: "reset", Hash: "h1", ExpiresAt: t0.Add(time.Hour), CreatedAt: t0}
			if err := store.CreateToken(ctx, db.Bun, tok); err != nil {
				t.Fatal(err)
			}
			if _, err := store.ConsumeToken(ctx, db.Bun, []string{"confirm"}, []string{"h1"}, t0); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("other purpose: %v", err)
			}
			var wins atomic.Int32
			var wg sync.WaitGroup
			for i := 0; i < 20; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := store.ConsumeToken(ctx, db.Bun, []string{"reset"}, []string{"h0", "h1"}, t0); err == nil {
						wins.Add(1)
					}
				}()
			}
			wg.Wait()
			if wins.Load() != 1 {
				t.Fatalf("%d consumed the token", wins.Load())
			}
			late := &store.Token{UserID: u.ID, Purpose: "reset", Hash: "h2", ExpiresAt: t0.Add(time.Hour), CreatedAt: t0}
			store.CreateToken(ctx, db.Bun, late)
			if _, err := store.ConsumeToken(ctx, db.Bun, []string{"reset"}, []string{"h2"}, t0.Add(time.Hour)); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("expired token: %v", err)
			}
		})
		t.Run("code attempts are spent atomically", func(t *testing.T) {
			u := newUser(t, db, "code@example.com")
			c := &store.Code{UserID: u.ID, Purpose: "login", FlowID: "f", Hash: "c", ExpiresAt: t0.Add(10 * time.Minute), CreatedAt: t0}
			if err := store.CreateCode(ctx, db.Bun, c); err != nil {
				t.Fatal(err)
			}
			var spent atomic.Int32
			var wg sync.WaitGroup
			for i := 0; i < 30; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if ok, err := store.SpendCodeAttempt(ctx, db.Bun, c.ID, 5, t0); err == nil && ok {
						spent.Add(1)
					}
				}()
			}
			wg.Wait()
			if spent.Load() != 5 {
				t.Fatalf("%d attempts spent, want 5", spent.Load())
			}
			// A new code voids the old one.
			c2 := &store.Code{UserID: u.ID, Purpose: "login", FlowID: "f", Hash: "c2", ExpiresAt: t0.Add(10 * time.Minute), CreatedAt: t0.Add(time.Minute)}
			store.CreateCode(ctx, db.Bun, c2)
			if active, err := store.ActiveCode(ctx, db.Bun, u.ID, "login", "f"); err != nil || active.ID != c2.ID {
				t.Fatalf("active code: %+v %v", active, err)
			}
		})
		t.Run("login attempts cannot pass the limit in parallel", func(t *testing.T) {
			var allowed atomic.Int32
			var wg sync.WaitGroup
			for i := 0; i < 40; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					a, err := store.ReserveLoginAttempt(ctx, db.Bun, "k", 5, 15*time.Minute, 3*time.Minute, t0)
					if err == nil && a.Allowed {
						allowed.Add(1)
					}
				}()
			}
			wg.Wait()
			if allowed.Load() != 5 {
				t.Fatalf("%d attempts allowed, want 5", allowed.Load())
			}
			if a, _ := store.ReserveLoginAttempt(ctx, db.Bun, "k", 5, 15*time.Minute, 3*time.Minute, t0); a.Allowed || !a.BlockedUntil.Equal(t0.Add(15*time.Minute)) {
				t.Fatalf("blocked: %+v", a)
			}
			if a, _ := store.ReserveLoginAttempt(ctx, db.Bun, "k", 5, 15*time.Minute, 3*time.Minute, t0.Add(16*time.Minute)); !a.Allowed || a.Count != 1 {
				t.Fatalf("after the block: %+v", a)
			}
		})
		t.Run("sessions are saved conditionally and never come back", func(t *testing.T) {
			u := newUser(t, db, "sess@example.com")
			uid := u.ID
			s := &store.Session{IDHash: "s1", UserID: &uid, State: "full", CSRFToken: "t", Version: 1, CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0.Add(12 * time.Hour)}
			if err := store.InsertSession(ctx, db.Bun, s); err != nil {
				t.Fatal(err)
			}
			loaded, err := store.SessionByHash(ctx, db.Bun, "s1", t0)
			if err != nil || loaded.State != "full" || *loaded.UserID != uid || loaded.Version != 1 {
				t.Fatalf("session: %+v %v", loaded, err)
			}
			// Two requests loaded version 1; the first save wins, the second
			// meets the newer version.
			first, second := *loaded, *loaded
			first.State = "none"
			if err := store.UpdateSession(ctx, db.Bun, &first); err != nil || first.Version != 2 {
				t.Fatalf("save: %v (version %d)", err, first.Version)
			}
			if err := store.UpdateSession(ctx, db.Bun, &second); !errors.Is(err, store.ErrConflict) {
				t.Fatalf("save over a newer version: %v", err)
			}
			// Ended while a request ran: its save and its rotation write nothing.
			if n, err := store.DeleteUserSessions(ctx, db.Bun, uid, ""); err != nil || n != 1 {
				t.Fatalf("end: %d %v", n, err)
			}
			if err := store.UpdateSession(ctx, db.Bun, &first); !errors.Is(err, store.ErrSessionGone) {
				t.Fatalf("save of an ended session: %v", err)
			}
			next := &store.Session{IDHash: "s1-next", UserID: &uid, State: "full", CSRFToken: "u", Version: 1, CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0.Add(time.Hour)}
			if err := store.ReplaceSession(ctx, db.Bun, "s1", first.Version, next); !errors.Is(err, store.ErrSessionGone) {
				t.Fatalf("rotation of an ended session: %v", err)
			}
			for _, h := range []string{"s1", "s1-next"} {
				if _, err := store.SessionByHash(ctx, db.Bun, h, t0); !errors.Is(err, store.ErrNotFound) {
					t.Fatalf("%s came back: %v", h, err)
				}
			}
			if _, err := store.SessionByHash(ctx, db.Bun, "s1", t0.Add(12*time.Hour)); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("expired session: %v", err)
			}
		})
		t.Run("credentials are per account and mirrored for the previous release", func(t *testing.T) {
			u := newUser(t, db, "cred@example.com")
			creds, err := store.CredentialsOf(ctx, db.Bun, u.ID)
			if err != nil || len(creds) != 1 || creds[0].Type != store.CredentialPassword || creds[0].Config != "hash-of-cred@example.com" {
				t.Fatalf("credentials: %+v %v", creds, err)
			}
			two := &store.Credential{UserID: u.ID, Type: store.CredentialPassword, Config: "y", CreatedAt: t0, UpdatedAt: t0}
			if err := store.AddCredential(ctx, db.Bun, two); !errors.Is(err, store.ErrConflict) {
				t.Fatalf("a second password: %v", err)
			}
			if err := store.SetPasswordHash(ctx, db.Bun, u.ID, "new-hash", t0); err != nil {
				t.Fatal(err)
			}
			got, _ := store.UserByID(ctx, db.Bun, u.ID)
			if got.LegacyPasswordHash != "new-hash" || got.LegacyTwoFactor {
				t.Fatalf("legacy columns: %q %v", got.LegacyPasswordHash, got.LegacyTwoFactor)
			}
		})
		t.Run("budgets cannot be overspent in parallel and start again", func(t *testing.T) {
			var ok atomic.Int32
			var wg sync.WaitGroup
			for i := 0; i < 30; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if allowed, _, _, err := store.SpendBudget(ctx, db.Bun, "b", 5, time.Hour, t0); err == nil && allowed {
						ok.Add(1)
					}
				}()
			}
			wg.Wait()
			if ok.Load() != 5 {
				t.Fatalf("%d spent, want 5", ok.Load())
			}
			allowed, n, ends, err := store.SpendBudget(ctx, db.Bun, "b", 5, time.Hour, t0.Add(59*time.Minute))
			if err != nil || allowed || n != 5 || !ends.Equal(t0.Add(time.Hour)) {
				t.Fatalf("inside the window: %v %d %v %v", allowed, n, ends, err)
			}
			if err := store.RefundBudget(ctx, db.Bun, "b"); err != nil {
				t.Fatal(err)
			}
			if allowed, _, _, _ := store.SpendBudget(ctx, db.Bun, "b", 5, time.Hour, t0.Add(59*time.Minute)); !allowed {
				t.Fatal("a refunded use is not available again")
			}
			allowed, n, ends, err = store.SpendBudget(ctx, db.Bun, "b", 5, time.Hour, t0.Add(time.Hour))
			if err != nil || !allowed || n != 1 || !ends.Equal(t0.Add(2*time.Hour)) {
				t.Fatalf("a new window: %v %d %v %v", allowed, n, ends, err)
			}
		})
	})
}
