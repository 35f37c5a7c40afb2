package reliability

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/proctest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// The portal process is killed with SIGKILL (a crash, the OOM killer)
// while registrations arrive at 50 a second, once some were accepted. After a restart every account
// is whole (user, credentials, confirmation link, event, outbox row) or
// absent, every registration the portal had accepted becomes one, and
// every outbox row is sent. On SQLite, the default, and on PostgreSQL.
func TestKilledDuringRegistrations(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		// A job or mail the dead process had claimed is taken up 3 s after.
		f := startFleet(t, db, proctest.Binary(t), 1, "CLAIM_LEASE", "3s")
		p := f.procs[0]

		var mu sync.Mutex
		statuses := map[int]int{}
		var accepted, unanswered []string
		var wg sync.WaitGroup
		tick := time.NewTicker(20 * time.Millisecond) // 50 a second
		start := time.Now()
		var killedAt time.Time
		acceptedSoFar := func() int { mu.Lock(); defer mu.Unlock(); return len(accepted) }
		for i := 0; killedAt.IsZero() || time.Since(killedAt) < 1500*time.Millisecond; i++ {
			<-tick.C
			// The kill comes after 1.5 s, once 10 registrations were
			// accepted (a busy machine hashes slowly), and the load goes
			// on for 1.5 s after it.
			if killedAt.IsZero() && time.Since(start) >= 1500*time.Millisecond && (acceptedSoFar() >= 10 || time.Since(start) > 30*time.Second) {
				p.Kill()
				killedAt = time.Now()
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				addr := fmt.Sprintf("kill-%s-%d@example.com", db.Name, i)
				r, err := f.client().Do(http.MethodPost, api.PathRegister, portaltest.Registration(addr))
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					statuses[0]++
					unanswered = append(unanswered, addr)
				case r.Status == http.StatusAccepted:
					statuses[r.Status]++
					accepted = append(accepted, addr)
				default:
					statuses[r.Status]++
				}
			}()
		}
		tick.Stop()
		wg.Wait()
		p.Restart()
		restarted := time.Now()

		f.jobsSettled(t, 60*time.Second)
		sent, dead := f.outboxSettled(t)
		settled := time.Since(restarted)
		if dead != 0 {
			t.Errorf("%d mails given up", dead)
		}
		rg := &registrar{f: f, accepted: accepted}
		rg.checkAccounts(t)
		accounts := everyAccountWhole(t, db)
		if accounts < len(accepted) {
			t.Errorf("%d accounts for %d accepted registrations", accounts, len(accepted))
		}
		// Each accepted registration mailed its link; the process may have
		// died between Mailgun's acceptance of one mail and marking it
		// sent: that one mail goes out again (at least once, not exactly:
		// Mailgun takes no idempotency key). The worker sends one at a time.
		delivered := len(f.mg.Delivered())
		if delivered < sent || delivered > sent+1 {
			t.Errorf("outbox rows sent: %d; Mailgun accepted %d", sent, delivered)
		}
		// While the balancer found no process, requests got 502; a request
		// the dead process held got no answer. Nothing else.
		for s, n := range statuses {
			if s != 0 && s != http.StatusAccepted && s != http.StatusBadGateway {
				t.Errorf("%d registrations answered %d", n, s)
			}
		}
		t.Logf("figure (%s): %d registrations sent at 50/s, SIGKILL after %.1f s: %v (0: no answer); "+
			"after the restart %d accounts, all whole, every one of the %d accepted among them; "+
			"%d mails sent %.1f s after the restart, %d of them twice",
			db.Name, sum(statuses), killedAt.Sub(start).Seconds(), statuses, accounts, len(accepted), sent, settled.Seconds(), delivered-sent)
	})
}
