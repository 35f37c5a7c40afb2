package reliability

import (
	"context"
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

// A rolling deployment: two processes of the previous release (built from
// git, the commit before the newest migration) serve; one at a time is
// taken out of the balancer, stopped with SIGTERM (it finishes what it
// serves) and replaced by this version, which migrates the database under
// bun/migrate's lock at its start while the other still runs the old code,
// then put back. Customers
// edit their data and new accounts register throughout. Nothing the
// portals accepted is lost, no request fails, sessions of the old release
// stay signed in, and every mail goes out once.
func TestARollingDeploymentBesideThePreviousReleaseLosesNothing(t *testing.T) {
	prev := proctest.PreviousRelease(t)
	bin := proctest.Binary(t)
	db := testenv.PostgresAt(t, prev.Migration)
	f := startFleet(t, db, prev.Binary, 2)
	t.Logf("previous release: %s (schema up to %s)", prev.Commit[:12], prev.Migration)

	signedIn := f.client()
	f.register(t, signedIn, "before@example.com", signedIn)
	var customers []*customer
	for i := range 4 {
		c := f.client()
		addr := fmt.Sprintf("editor-%d@example.com", i)
		f.register(t, c, addr, c)
		customers = append(customers, newCustomer(c, addr))
	}

	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i, cu := range customers {
		wg.Add(1)
		go func() { defer wg.Done(); cu.keepEditing(ctx, fmt.Sprintf("Deploy %d", i), 20*time.Millisecond) }()
	}
	rg := newRegistrar(f, "deploy")
	for w := range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); rg.keepRegistering(ctx, w, true) }()
	}

	// Each phase lasts until both kinds of process have served traffic in
	// it: the old and the new code side by side on one database.
	progress := func(what string) {
		t.Helper()
		before := f.lb.Served()
		proctest.WaitFor(t, 60*time.Second, what, func() bool {
			now := f.lb.Served()
			for _, p := range f.procs {
				if now[p.URL]-before[p.URL] < 30 {
					return false
				}
			}
			return true
		})
	}
	progress("traffic on the previous release")
	f.deploy(1, bin)
	progress("traffic on the old and the new version side by side")
	f.deploy(0, bin)
	progress("traffic on the new version")
	stop()
	wg.Wait()
	// The previous release, stopped, may abandon a job it was running (this
	// version finishes it): the job runs again after the old one-minute
	// lease, so a registration is late, not lost.
	f.jobsSettled(t, 3*time.Minute)

	for _, cu := range customers {
		cu.mu.Lock()
		if len(cu.errs) > 0 || cu.statuses[0] > 0 {
			t.Errorf("%s met failures during the deployment: %v %v", cu.email, cu.statuses, cu.errs)
		}
		cu.mu.Unlock()
		cu.checkSaved(t, cityOf(t, f, cu.email))
	}
	if len(rg.failures) > 0 {
		t.Errorf("registrations that failed during the deployment: %v %v", rg.statuses, rg.failures)
	}
	rg.checkAccounts(t)
	everyAccountWhole(t, db)

	// The session the previous release signed in is still signed in, on
	// both new processes, and its password still logs in.
	for _, p := range f.procs {
		if r := signedIn.Via(p.URL).Must(http.MethodGet, api.PathMe, nil); r.Status != http.StatusOK {
			t.Errorf("a session of the previous release, after the deployment: %d %s", r.Status, r.Body)
		}
	}
	if r := f.client().Must(http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: "before@example.com", Password: portaltest.Password}); r.Status != http.StatusOK {
		t.Errorf("a password set under the previous release: %d %s", r.Status, r.Body)
	}
	sent, dead := f.outboxSettled(t)
	if dead != 0 {
		t.Errorf("%d mails given up", dead)
	}
	f.exactlyOnce(t, sent)
	edits := 0
	for _, cu := range customers {
		edits += cu.statuses[http.StatusOK]
	}
	t.Logf("during the deployment: %d answers 200 to the editors, %d registrations accepted (%d confirmed), %d mails sent once each",
		edits, len(rg.accepted), len(rg.confirmed), sent)
}
