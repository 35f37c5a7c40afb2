package ratelimit_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/ratelimit"
	"github.com/minicorp/miniid/server/store"
)

func TestMain(m *testing.M) { testenv.Main(m) }

var keys = keyring.New([]byte(strings.Repeat("k", 32)))

// secondProcess opens another connection pool on db's database: what a
// second portal process on the same database has.
func secondProcess(t *testing.T, db *testenv.DB) *bun.DB {
	t.Helper()
	other, err := store.Open(context.Background(), db.URL, db.Dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}

// A budget is a token bucket as golang.org/x/time/rate keeps one: the burst
// at once, then one request per interval, and a refusal says how long to
// wait for the next.
func TestABudgetIsABurstThenARate(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
		l := ratelimit.New(db.Bun, keys, clk.Now)
		b := ratelimit.Budgets["login"]
		for i := range b.Burst {
			if _, ok, err := l.Allow(ctx, "login", "203.0.113.7"); err != nil || !ok {
				t.Fatalf("request %d of the burst of %d: %v %v", i+1, b.Burst, ok, err)
			}
		}
		wait, ok, err := l.Allow(ctx, "login", "203.0.113.7")
		if err != nil || ok || wait != b.Every {
			t.Fatalf("past the burst: allowed %v, wait %v (want %v), %v", ok, wait, b.Every, err)
		}
		// Another client and another budget are apart.
		if _, ok, _ := l.Allow(ctx, "login", "203.0.113.8"); !ok {
			t.Fatal("another address shares the budget")
		}
		if _, ok, _ := l.Allow(ctx, "code", "203.0.113.7"); !ok {
			t.Fatal("another group shares the budget")
		}
		clk.Advance(b.Every - time.Millisecond)
		if wait, ok, _ := l.Allow(ctx, "login", "203.0.113.7"); ok || wait != time.Millisecond {
			t.Fatalf("a moment before the next token: allowed %v, wait %v", ok, wait)
		}
		clk.Advance(time.Millisecond)
		if _, ok, _ := l.Allow(ctx, "login", "203.0.113.7"); !ok {
			t.Fatal("the next token did not come after one interval")
		}
		if _, ok, _ := l.Allow(ctx, "login", "203.0.113.7"); ok {
			t.Fatal("one interval gave two tokens")
		}
		// Idle long enough, the bucket is full again, and no fuller.
		clk.Advance(time.Hour)
		allowed := 0
		for range 3 * b.Burst {
			if _, ok, _ := l.Allow(ctx, "login", "203.0.113.7"); ok {
				allowed++
			}
		}
		if allowed != b.Burst {
			t.Fatalf("after an idle hour %d requests passed, want the burst of %d", allowed, b.Burst)
		}
	})
}

// The point of keeping budgets in the database: two processes on one
// database, and parallel requests in each, spend from one bucket. With the
// old in-memory buckets a client got the budget once per process.
func TestProcessesShareOneBudget(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
		limiters := []*ratelimit.Limiter{
			ratelimit.New(db.Bun, keys, clk.Now),
			ratelimit.New(secondProcess(t, db), keys, clk.Now),
		}
		var allowed, refused atomic.Int64
		var wg sync.WaitGroup
		for i := range 60 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, ok, err := limiters[i%2].Allow(ctx, "register", "2001:db8:1:2::"+string(rune('a'+i%6)))
				switch {
				case err != nil:
					t.Error(err)
				case ok:
					allowed.Add(1)
				default:
					refused.Add(1)
				}
			}()
		}
		wg.Wait()
		// Every address is in one /64: one client, one budget.
		if b := ratelimit.Budgets["register"]; allowed.Load() != int64(b.Burst) || refused.Load() != 60-int64(b.Burst) {
			t.Fatalf("60 parallel requests over two processes: %d allowed, %d refused; want the burst of %d", allowed.Load(), refused.Load(), b.Burst)
		}
	})
}

// A bucket row holds no client address, and a full bucket is swept: it is
// the same as no row.
func TestBucketsKeepNoAddressAndAreSweptWhenFull(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
		l := ratelimit.New(db.Bun, keys, clk.Now)
		for _, ip := range []string{"198.51.100.23", "198.51.100.24"} {
			if _, _, err := l.Allow(ctx, "mail", ip); err != nil {
				t.Fatal(err)
			}
		}
		var rows []string
		if err := db.Bun.NewRaw("SELECT key FROM rate_limits").Scan(ctx, &rows); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("rows: %v", rows)
		}
		for _, k := range rows {
			if strings.Contains(k, "198.51.100") {
				t.Fatalf("a bucket keeps the client's address: %q", k)
			}
		}
		clk.Advance(ratelimit.Budgets["mail"].Every - time.Second)
		if n, err := store.DeleteFullRateLimits(ctx, db.Bun, clk.Now()); err != nil || n != 0 {
			t.Fatalf("a bucket not yet full was swept: %d %v", n, err)
		}
		clk.Advance(time.Second)
		if n, err := store.DeleteFullRateLimits(ctx, db.Bun, clk.Now()); err != nil || n != 2 {
			t.Fatalf("full buckets swept: %d %v, want 2", n, err)
		}
	})
}
