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
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// registrar registers new accounts while a fault or a deployment happens
// and remembers which registrations the portal accepted (202) and which
// confirmations it accepted (200).
type registrar struct {
	f      *fleet
	prefix string

	mu        sync.Mutex
	accepted  []string    // addresses whose registration was answered 202
	unknown   []string    // addresses whose registration got no answer
	confirmed []string    // of the accepted, the ones whose link was answered 200
	statuses  map[int]int // answers to registrations and confirmations; 0: no answer
	failures  []string    // the first few answers other than 202 and 200
}

func newRegistrar(f *fleet, prefix string) *registrar {
	return &registrar{f: f, prefix: prefix, statuses: map[int]int{}}
}

// record counts an answer (err: none) and reports whether it was want.
func (rg *registrar) record(what string, r proctest.Response, err error, want int) bool {
	rg.mu.Lock()
	defer rg.mu.Unlock()
	status := r.Status
	if err != nil {
		status = 0
	}
	rg.statuses[status]++
	if status != want && len(rg.failures) < 5 {
		rg.failures = append(rg.failures, fmt.Sprintf("%s: %v %d %s", what, err, r.Status, r.Body))
	}
	return status == want
}

// keepRegistering registers (and, with confirm, confirms) one account after
// another until ctx ends.
func (rg *registrar) keepRegistering(ctx context.Context, worker int, confirm bool) {
	for i := 0; ctx.Err() == nil; i++ {
		addr := fmt.Sprintf("%s-%d-%d@example.com", rg.prefix, worker, i)
		c := rg.f.client()
		r, err := c.Do(http.MethodPost, api.PathRegister, portaltest.Registration(addr))
		if !rg.record("register", r, err, http.StatusAccepted) {
			if err != nil {
				rg.mu.Lock()
				rg.unknown = append(rg.unknown, addr)
				rg.mu.Unlock()
			}
			time.Sleep(200 * time.Millisecond) // as the app waits before trying again
			continue
		}
		rg.mu.Lock()
		rg.accepted = append(rg.accepted, addr)
		rg.mu.Unlock()
		if !confirm {
			continue
		}
		var m proctest.Mail
		for ctx.Err() == nil {
			var ok bool
			if m, ok = rg.f.nthMail(addr, 1, hasToken); ok {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if ctx.Err() != nil {
			return
		}
		r, err = c.Do(http.MethodPost, api.PathConfirm, api.ConfirmRequest{Token: m.Token()})
		if !rg.record("confirm", r, err, http.StatusOK) {
			continue
		}
		rg.mu.Lock()
		rg.confirmed = append(rg.confirmed, addr)
		rg.mu.Unlock()
	}
}

// checkAccounts checks that every accepted registration became a whole
// account — the user, its password credential, its confirmation link and
// mail — and every accepted confirmation stayed confirmed.
func (rg *registrar) checkAccounts(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	rg.mu.Lock()
	defer rg.mu.Unlock()
	confirmed := map[string]bool{}
	for _, a := range rg.confirmed {
		confirmed[a] = true
	}
	for _, addr := range rg.accepted {
		u, err := store.UserByEmail(ctx, rg.f.db.Bun, addr)
		if err != nil {
			t.Errorf("a registration the portal accepted is lost: %s: %v", addr, err)
			continue
		}
		if err := wholeAccount(ctx, rg.f.db, u); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
		if confirmed[addr] && u.EmailConfirmedAt == nil {
			t.Errorf("a confirmation the portal accepted is lost: %s", addr)
		}
	}
}
