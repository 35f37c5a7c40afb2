package reliability

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/proctest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// PostgreSQL restarted under load — on a cluster of this test's own, never
// the server other tests share: stop (fast, as an operator's restart does),
// 5 s gone, start. 20 customers log in and edit their personal data and new
// accounts register throughout. While the database is gone the portal
// answers 503 with Retry-After — never a 500, never a hang past the
// client's request timeout — and once it is back the portal serves again
// by itself, with no accepted change lost and no account half-made.
func TestPostgreSQLRestartedUnderLoad(t *testing.T) {
	cluster := testenv.NewCluster(t)
	db := cluster.Database(t)
	// A job or mail that meets the outage is retried after its lease.
	f := startFleet(t, db, proctest.Binary(t), 1, "CLAIM_LEASE", "4s")

	customers := make([]*customer, 20)
	var wg sync.WaitGroup
	for i := range customers {
		c := f.client()
		addr := fmt.Sprintf("restart-%d@example.com", i)
		f.register(t, c, addr, c)
		customers[i] = newCustomer(c, addr)
	}
	ctx, stop := context.WithCancel(context.Background())
	for i, cu := range customers {
		wg.Add(1)
		go func() { defer wg.Done(); cu.keepEditing(ctx, fmt.Sprintf("Restart %d", i), 150*time.Millisecond) }()
	}
	rg := newRegistrar(f, "during-restart")
	wg.Add(1)
	go func() { defer wg.Done(); rg.keepRegistering(ctx, 0, false) }()

	// Everybody is working before the fault.
	warm := time.Now()
	proctest.WaitFor(t, 60*time.Second, "every customer saving before the restart", func() bool {
		for _, cu := range customers {
			if _, ok := cu.firstOKAfter(warm); !ok {
				return false
			}
		}
		return true
	})

	down := time.Now()
	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Second) // the fault: PostgreSQL is gone for 5 s
	if err := cluster.Start(); err != nil {
		t.Fatal(err)
	}
	back := time.Now()

	// Recovery by itself: every customer saves again, nobody restarted
	// the portal. The bound is liveness only; the time is measured.
	var recovered time.Duration
	proctest.WaitFor(t, 60*time.Second, "every customer saving again after PostgreSQL is back", func() bool {
		recovered = 0
		for _, cu := range customers {
			at, ok := cu.firstOKAfter(back)
			if !ok {
				return false
			}
			recovered = max(recovered, at.Sub(back))
		}
		return true
	})
	stop()
	wg.Wait()
	f.jobsSettled(t, 60*time.Second)

	statuses := map[int]int{}
	var slowest time.Duration
	var slowestWhat string
	relogins := 0
	unavailable := 0
	for _, cu := range customers {
		cu.mu.Lock()
		for s, n := range cu.statuses {
			statuses[s] += n
		}
		for _, a := range cu.answers {
			if a.status == http.StatusServiceUnavailable {
				unavailable++
			}
		}
		if cu.slowest > slowest {
			slowest, slowestWhat = cu.slowest, cu.slowestWhat
		}
		if len(cu.errs) > 0 {
			t.Errorf("%s: %v", cu.email, cu.errs)
		}
		relogins += cu.endedByLostLogin
		cu.mu.Unlock()
		cu.checkSaved(t, cityOf(t, f, cu.email))
	}
	// Only success or "try again": no 500, no lost connection, no hang past
	// proctest.RequestTimeout (it would be a transport error, status 0).
	for s, n := range statuses {
		if s != http.StatusOK && s != http.StatusServiceUnavailable {
			t.Errorf("%d answers with status %d during the restart (0: no answer within %s)", n, s, proctest.RequestTimeout)
		}
	}
	if unavailable == 0 {
		t.Error("no request met the outage: the test did not test it")
	}
	for s, n := range rg.statuses {
		if s != http.StatusAccepted && s != http.StatusServiceUnavailable {
			t.Errorf("%d registrations answered %d during the restart: %v", n, s, rg.failures)
		}
	}
	rg.checkAccounts(t)
	accounts := everyAccountWhole(t, db)
	sent, dead := f.outboxSettled(t)
	if dead != 0 {
		t.Errorf("%d mails given up", dead)
	}
	f.exactlyOnce(t, sent)
	if f.procs[0].Panicked() {
		t.Errorf("the portal logged a panic:\n%s", f.procs[0].Log())
	}
	t.Logf("figure: PostgreSQL gone %.1f s (stop, 5 s, start); %d requests of 20 customers: %v; "+
		"slowest answer %d ms (%s); every customer saving again %d ms after PostgreSQL was back; "+
		"%d sessions ended by a login whose answer was lost; "+
		"%d registrations accepted, %d accounts, all whole; %d mails, each sent once",
		back.Sub(down).Seconds(), sum(statuses), statuses, slowest.Milliseconds(), slowestWhat, recovered.Milliseconds(), relogins,
		len(rg.accepted), accounts, sent)
}

func sum(m map[int]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
