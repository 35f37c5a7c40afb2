package sweep_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/config"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/server/sweep"
)

func TestMain(m *testing.M) { testenv.Main(m) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

const idle = 30 * time.Minute

func newSweeper(db *bun.DB, clk clock.Clock, holder string) *sweep.Sweeper {
	return sweep.New(db, clk, quiet, sweep.Options{Retention: config.DefaultRetention(), SessionIdle: idle, Holder: holder})
}

func insert(t *testing.T, db bun.IDB, rows ...any) {
	t.Helper()
	for _, r := range rows {
		if _, err := db.NewInsert().Model(r).Exec(context.Background()); err != nil {
			t.Fatalf("insert %T: %v", r, err)
		}
	}
}

// count returns how many rows of model match where.
func count(t *testing.T, db bun.IDB, model any, where string, args ...any) int {
	t.Helper()
	n, err := db.NewSelect().Model(model).Where(where, args...).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// Every table that grew without limit: a row just past its retention goes,
// a row just inside it stays, and what is still in use stays whatever its
// age. The clock is moved, never waited for.
func TestARoundRemovesWhatOutlivedItsUse(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
		ret := config.DefaultRetention()
		u := &store.User{Email: "anna@example.com", LegacyPasswordHash: "x", Version: 1, CreatedAt: clk.Now(), UpdatedAt: clk.Now()}
		insert(t, db.Bun, u)

		// A year and a bit later, everything below is dated relative to now.
		clk.Advance(400 * 24 * time.Hour)
		now := clk.Now()
		past := func(d time.Duration) time.Time { return now.Add(-d - time.Second) }   // just too old
		inside := func(d time.Duration) time.Time { return now.Add(-d + time.Second) } // just young enough
		at := func(ts time.Time) *time.Time { return &ts }

		insert(t, db.Bun,
			&store.Session{IDHash: "expired", State: "full", ExpiresAt: now.Add(-time.Second), LastSeenAt: now, CreatedAt: now},
			&store.Session{IDHash: "idle", State: "full", ExpiresAt: now.Add(time.Hour), LastSeenAt: past(idle), CreatedAt: now},
			&store.Session{IDHash: "live", State: "full", ExpiresAt: now.Add(time.Hour), LastSeenAt: inside(idle), CreatedAt: now},

			&store.LoginFailure{Key: "stale", Count: 3, UpdatedAt: past(ret.LoginFailures)},
			&store.LoginFailure{Key: "recent", Count: 3, UpdatedAt: inside(ret.LoginFailures)},
			&store.LoginFailure{Key: "still-blocking", Count: 5, UpdatedAt: past(ret.LoginFailures), BlockedUntil: at(now.Add(time.Minute))},

			&store.Code{UserID: u.ID, Purpose: "login", FlowID: "old", Hash: "c1", ExpiresAt: past(ret.Codes), CreatedAt: past(ret.Codes)},
			&store.Code{UserID: u.ID, Purpose: "login", FlowID: "young", Hash: "c2", ExpiresAt: inside(ret.Codes), CreatedAt: inside(ret.Codes)},

			&store.Token{UserID: u.ID, Purpose: "reset", Hash: "t1", ExpiresAt: past(ret.Tokens), CreatedAt: past(ret.Tokens)},
			&store.Token{UserID: u.ID, Purpose: "reset", Hash: "t2", ExpiresAt: inside(ret.Tokens), CreatedAt: inside(ret.Tokens)},

			&store.SecurityEvent{UserID: u.ID, Kind: "old", CreatedAt: past(ret.SecurityEvents)},
			&store.SecurityEvent{UserID: u.ID, Kind: "young", CreatedAt: inside(ret.SecurityEvents)},

			&store.OutboxMail{To: "sent-old", Subject: "s", NextAttemptAt: past(ret.Outbox), CreatedAt: past(ret.Outbox), SentAt: at(past(ret.Outbox))},
			&store.OutboxMail{To: "dead-old", Subject: "s", Text: "link", NextAttemptAt: past(ret.Outbox), CreatedAt: past(ret.Outbox), DeadAt: at(past(ret.Outbox))},
			&store.OutboxMail{To: "sent-young", Subject: "s", NextAttemptAt: inside(ret.Outbox), CreatedAt: inside(ret.Outbox), SentAt: at(inside(ret.Outbox))},
			&store.OutboxMail{To: "waiting", Subject: "s", Text: "link", NextAttemptAt: now, CreatedAt: past(ret.Outbox)},
			&store.OutboxMail{To: "dead-a-while", Subject: "s", Text: "link", HTML: "<a>link</a>", NextAttemptAt: now, CreatedAt: past(ret.DeadMail), DeadAt: at(past(ret.DeadMail))},
			&store.OutboxMail{To: "dead-just-now", Subject: "s", Text: "link", NextAttemptAt: now, CreatedAt: inside(ret.DeadMail), DeadAt: at(inside(ret.DeadMail))},

			&store.DevMail{To: "dev-old", Subject: "s", Text: "t", SentAt: past(ret.Outbox)},
			&store.DevMail{To: "dev-young", Subject: "s", Text: "t", SentAt: inside(ret.Outbox)},

			&store.HelpRead{Slug: "log-in", Visitor: "v", Day: past(ret.HelpReads).Add(-24 * time.Hour).Format("2006-01-02")},
			&store.HelpRead{Slug: "log-in", Visitor: "v", Day: now.Format("2006-01-02")},

			&store.KnownDevice{UserID: u.ID, DeviceHash: "gone", CreatedAt: past(session.DeviceLifetime), LastSeenAt: past(session.DeviceLifetime)},
			&store.KnownDevice{UserID: u.ID, DeviceHash: "kept", CreatedAt: past(session.DeviceLifetime), LastSeenAt: inside(session.DeviceLifetime)},

			&store.OIDCAuthRequest{ID: "ran-out", ClientID: "c", Browser: "b", Params: "{}", CreatedAt: now.Add(-time.Hour), ExpiresAt: now.Add(-time.Second)},
			&store.OIDCAuthRequest{ID: "open", ClientID: "c", Browser: "b", Params: "{}", CreatedAt: now, ExpiresAt: now.Add(time.Minute)},
			&store.OIDCGrant{ID: "g-old", UserID: u.ID, ClientID: "c", AuthTime: now, CreatedAt: now, LastUsedAt: now, ExpiresAt: now.Add(-time.Second)},
			&store.OIDCGrant{ID: "g-live", UserID: u.ID, ClientID: "c", AuthTime: now, CreatedAt: now, LastUsedAt: now, ExpiresAt: now.Add(time.Hour)},
			&store.OIDCRefreshToken{Hash: "r-old", GrantID: "g-live", CreatedAt: now, ExpiresAt: now.Add(-time.Second), UsedAt: at(now)},
			&store.OIDCRefreshToken{Hash: "r-live", GrantID: "g-live", CreatedAt: now, ExpiresAt: now.Add(time.Hour)},
			&store.OIDCKey{ID: "k-retired", Generation: 1, Algorithm: "RS256", PrivateKey: "x", CreatedAt: now, RotateAt: now, RetireAt: now.Add(-time.Second)},
			&store.OIDCKey{ID: "k-published", Generation: 2, Algorithm: "RS256", PrivateKey: "x", CreatedAt: now, RotateAt: now, RetireAt: now.Add(time.Minute)},
		)

		rep, err := newSweeper(db.Bun, clk, "a").Round(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Ran {
			t.Fatal("the only sweeper did not get the lease")
		}

		for _, c := range []struct {
			what  string
			model any
			where string
			want  int
		}{
			{"expired session", (*store.Session)(nil), "id_hash = 'expired'", 0},
			{"idle session", (*store.Session)(nil), "id_hash = 'idle'", 0},
			{"live session", (*store.Session)(nil), "id_hash = 'live'", 1},
			{"stale wrong-password count", (*store.LoginFailure)(nil), "key = 'stale'", 0},
			{"recent wrong-password count", (*store.LoginFailure)(nil), "key = 'recent'", 1},
			{"old count of a block in force", (*store.LoginFailure)(nil), "key = 'still-blocking'", 1},
			{"long-expired code", (*store.Code)(nil), "flow_id = 'old'", 0},
			{"recently expired code", (*store.Code)(nil), "flow_id = 'young'", 1},
			{"long-expired token", (*store.Token)(nil), "hash = 't1'", 0},
			{"recently expired token", (*store.Token)(nil), "hash = 't2'", 1},
			{"old security event", (*store.SecurityEvent)(nil), "kind = 'old'", 0},
			{"young security event", (*store.SecurityEvent)(nil), "kind = 'young'", 1},
			{"old sent mail", (*store.OutboxMail)(nil), "to_addr = 'sent-old'", 0},
			{"old dead mail", (*store.OutboxMail)(nil), "to_addr = 'dead-old'", 0},
			{"young sent mail", (*store.OutboxMail)(nil), "to_addr = 'sent-young'", 1},
			{"old mail still waiting for delivery", (*store.OutboxMail)(nil), "to_addr = 'waiting' AND text_body = 'link'", 1},
			{"dead mail past its body retention, blanked", (*store.OutboxMail)(nil), "to_addr = 'dead-a-while' AND text_body = '' AND html_body = ''", 1},
			{"dead mail inside its body retention, whole", (*store.OutboxMail)(nil), "to_addr = 'dead-just-now' AND text_body = 'link'", 1},
			{"old dev mail", (*store.DevMail)(nil), "to_addr = 'dev-old'", 0},
			{"young dev mail", (*store.DevMail)(nil), "to_addr = 'dev-young'", 1},
			{"old help read mark", (*store.HelpRead)(nil), "day < ?", 0},
			{"today's help read mark", (*store.HelpRead)(nil), "day = ?", 1},
			{"device whose cookie ran out", (*store.KnownDevice)(nil), "device_hash = 'gone'", 0},
			{"device seen within the cookie's life", (*store.KnownDevice)(nil), "device_hash = 'kept'", 1},
			{"run-out authorization request", (*store.OIDCAuthRequest)(nil), "id = 'ran-out'", 0},
			{"open authorization request", (*store.OIDCAuthRequest)(nil), "id = 'open'", 1},
			{"grant whose tokens ran out", (*store.OIDCGrant)(nil), "id = 'g-old'", 0},
			{"live grant", (*store.OIDCGrant)(nil), "id = 'g-live'", 1},
			{"used refresh token past its life", (*store.OIDCRefreshToken)(nil), "hash = 'r-old'", 0},
			{"live refresh token", (*store.OIDCRefreshToken)(nil), "hash = 'r-live'", 1},
			{"retired signing key", (*store.OIDCKey)(nil), "id = 'k-retired'", 0},
			{"published signing key", (*store.OIDCKey)(nil), "id = 'k-published'", 1},
		} {
			var args []any
			if c.model == (*store.HelpRead)(nil) {
				args = []any{now.Format("2006-01-02")}
			}
			if got := count(t, db.Bun, c.model, c.where, args...); got != c.want {
				t.Errorf("%s: %d rows left, want %d", c.what, got, c.want)
			}
		}
		if rep.Removed["codes"] != 1 || rep.Removed["sessions"] != 2 || rep.Removed["outbox_bodies"] != 1 {
			t.Errorf("report: %v", rep.Removed)
		}
	})
}

// Of many processes on one database only one sweeps a round; the next round
// is due an interval later, and then any of them may take it.
func TestOneRoundPerIntervalAmongManyProcesses(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
		interval := config.DefaultRetention().SweepInterval

		var ran atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				rep, err := newSweeper(db.Bun, clk, "p"+string(rune('0'+i))).Round(ctx)
				if err != nil {
					t.Error(err)
				} else if rep.Ran {
					ran.Add(1)
				}
			}(i)
		}
		wg.Wait()
		if ran.Load() != 1 {
			t.Fatalf("%d of 8 processes swept the same round, want 1", ran.Load())
		}

		a, b := newSweeper(db.Bun, clk, "a"), newSweeper(db.Bun, clk, "b")
		clk.Advance(interval - time.Second)
		if rep, _ := b.Round(ctx); rep.Ran {
			t.Fatal("a second round before the interval was over")
		}
		clk.Advance(time.Second)
		if rep, err := b.Round(ctx); err != nil || !rep.Ran {
			t.Fatalf("no round once the interval was over: %v", err)
		}
		if rep, _ := a.Round(ctx); rep.Ran {
			t.Fatal("two rounds in one interval")
		}
	})
}

// Run sweeps at once when started, and returns when its context ends.
func TestRunSweepsAtStartAndStops(t *testing.T) {
	db := testenv.SQLite(t)
	clk := clock.NewFake(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	insert(t, db.Bun, &store.Session{IDHash: "expired", State: "none", ExpiresAt: clk.Now(), LastSeenAt: clk.Now(), CreatedAt: clk.Now()})
	s := newSweeper(db.Bun, clk, "a")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Run(ctx)
	}()
	// Run works in its own goroutine: wait for its first round's effect.
	for deadline := time.Now().Add(10 * time.Second); count(t, db.Bun, (*store.Session)(nil), "id_hash = 'expired'") != 0; {
		if time.Now().After(deadline) {
			t.Fatal("no round at start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
}

// A backlog (the first round on a database that was never swept) goes in
// several small deletes, all of it in one round.
func TestABacklogGoesInOneRound(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		clk := clock.NewFake(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
		u := &store.User{Email: "anna@example.com", LegacyPasswordHash: "x", Version: 1, CreatedAt: clk.Now(), UpdatedAt: clk.Now()}
		insert(t, db.Bun, u)
		codes := make([]store.Code, 1234)
		for i := range codes {
			codes[i] = store.Code{UserID: u.ID, Purpose: "login", FlowID: "f", Hash: "h", ExpiresAt: clk.Now(), CreatedAt: clk.Now()}
		}
		insert(t, db.Bun, &codes)
		clk.Advance(30 * 24 * time.Hour)
		rep, err := newSweeper(db.Bun, clk, "a").Round(context.Background())
		if err != nil || rep.Removed["codes"] != 1234 {
			t.Fatalf("removed %v, %v; want all 1234 codes", rep.Removed, err)
		}
		if n := count(t, db.Bun, (*store.Code)(nil), "TRUE"); n != 0 {
			t.Fatalf("%d codes left", n)
		}
	})
}
