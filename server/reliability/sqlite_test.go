package reliability

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/minicorp/miniid/server/internal/proctest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// SQLite, the zero-setup default, with 32 customers logging in and editing
// their personal data at the same moment: every request succeeds. No
// SQLITE_BUSY reaches a customer (the peer Ory Kratos fails on its SQLite
// quickstart from 4 concurrent logins): writers queue for the file instead
// (immediate transactions, a busy timeout), and a 503 would count as an
// error here too.
func TestSQLiteUnder32ConcurrentLoginsAndEdits(t *testing.T) {
	db := testenv.SQLite(t)
	f := startFleet(t, db, proctest.Binary(t), 1)
	const n, rounds = 32, 5
	customers := make([]*customer, n)
	for i := range customers {
		c := f.client()
		addr := fmt.Sprintf("sqlite-%d@example.com", i)
		f.register(t, c, addr, c)
		customers[i] = newCustomer(proctest.NewClient(t, f.lb.URL, f.lb.URL), addr)
	}
	// All 32 start together: a login each, then edits, then a login again.
	var ready, wg sync.WaitGroup
	ready.Add(n)
	gate := make(chan struct{})
	for i, cu := range customers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ready.Done()
			<-gate
			for r := range rounds {
				if !cu.login() {
					return
				}
				for e := range 3 {
					if !cu.edit(fmt.Sprintf("SQLite %d %d %d", i, r, e)) {
						return
					}
				}
			}
		}()
	}
	ready.Wait()
	close(gate)
	wg.Wait()

	total := map[int]int{}
	for _, cu := range customers {
		cu.mu.Lock()
		for s, k := range cu.statuses {
			total[s] += k
		}
		if len(cu.errs) > 0 {
			t.Errorf("%s: %v", cu.email, cu.errs)
		}
		cu.mu.Unlock()
		cu.checkSaved(t, cityOf(t, f, cu.email))
	}
	if want := n * rounds * (1 + 3*2); total[http.StatusOK] != want || len(total) != 1 {
		t.Errorf("answers %v; want all %d requests answered 200", total, want)
	}
	if log := f.procs[0].Log(); containsAny(log, "SQLITE_BUSY", "database is locked", "level=ERROR") {
		t.Errorf("the portal logged a busy database or an error:\n%s", log)
	}
	sent, _ := f.outboxSettled(t)
	t.Logf("figure: %d customers at once, %d logins and %d profile saves on SQLite: %v; %d mails sent",
		n, n*rounds, n*rounds*3, total, sent)
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
