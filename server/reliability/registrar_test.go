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
	accepted  []string // addresses whose registration was answered 202
	confirmed []string // of those, the ones whose link was answered 200
	failures  map[string]int
}

func newRegistrar(f *fleet, prefix string) *registrar {
	return &registrar{f: f, prefix: prefix, failures: map[string]int{}}
}

func (rg *registrar) fail(what string) {
	rg.mu.Lock()
	defer rg.mu.Unlock()
	rg.failures[what]++
}

// keepRegistering registers (and, with confirm, confirms) one account after
// another until ctx ends.
func (rg *registrar) keepRegistering(ctx context.Context, worker int, confirm bool) {
	for i := 0; ctx.Err() == nil; i++ {
		addr := fmt.Sprintf("%s-%d-%d@example.com", rg.prefix, worker, i)
		c := rg.f.client()
		r, err := c.Do(http.MethodPost, api.PathRegister, portaltest.Registration(addr))
		if err != nil || r.Status != http.StatusAccepted {
			rg.fail(fmt.Sprintf("register: %v %d %s", err, r.Status, r.Body))
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
		if err != nil || r.Status != http.StatusOK {
			rg.fail(fmt.Sprintf("confirm: %v %d %s", err, r.Status, r.Body))
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
