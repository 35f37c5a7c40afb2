package reliability

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/proctest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// Two portal processes — real binaries, the same DATABASE_URL and
// SECRET_KEY — behind a round-robin balancer, as the README says any number
// may run: whatever one process starts, the other finishes, the limits that
// protect accounts hold across both, and every mail goes out once.
func TestSeveralProcessesOnePostgreSQL(t *testing.T) {
	db := testenv.Postgres(t)
	f := startFleet(t, db, proctest.Binary(t), 2)
	one, two := f.procs[0], f.procs[1]

	t.Run("register on one, confirm on the other", func(t *testing.T) {
		c := f.client()
		f.register(t, c.Via(one.URL), "reg@example.com", c.Via(two.URL))
		if r := c.Via(one.URL).Must(http.MethodGet, api.PathMe, nil); r.Status != http.StatusOK {
			t.Fatalf("the session the other process signed in, on the first: %d %s", r.Status, r.Body)
		}
	})

	t.Run("password on one, two-factor code on the other", func(t *testing.T) {
		owner := f.client()
		f.register(t, owner, "twofactor@example.com", owner)
		if r := owner.Via(one.URL).Must(http.MethodPost, api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != http.StatusOK {
			t.Fatalf("start two-factor: %d %s", r.Status, r.Body)
		}
		code := f.mail(t, "twofactor@example.com", 1, hasCode).Code()
		if r := owner.Via(two.URL).Must(http.MethodPost, api.PathTwoFactorConfirm, api.CodeRequest{Code: code}); r.Status != http.StatusOK {
			t.Fatalf("confirm two-factor on the other process: %d %s", r.Status, r.Body)
		}

		c := f.client()
		r := c.Via(one.URL).Must(http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: "twofactor@example.com", Password: portaltest.Password})
		var s api.Session
		r.JSON(t, &s)
		if r.Status != http.StatusOK || s.State != api.StateSecondStep {
			t.Fatalf("password on the first: %d %s", r.Status, r.Body)
		}
		code = f.mail(t, "twofactor@example.com", 2, hasCode).Code()
		if r := c.Via(two.URL).Must(http.MethodPost, api.PathLoginCode, api.CodeRequest{Code: code}); r.Status != http.StatusOK {
			t.Fatalf("code on the second: %d %s", r.Status, r.Body)
		}
		if r := c.Via(one.URL).Must(http.MethodGet, api.PathMe, nil); r.Status != http.StatusOK {
			t.Fatalf("signed in, seen from the first: %d %s", r.Status, r.Body)
		}
	})

	t.Run("100 parallel wrong passwords over both are checked at most 5 times", func(t *testing.T) {
		g := f.client()
		f.register(t, g, "guessed@example.com", g)
		statuses := parallel(100, func(i int) int {
			// Each guess from a browser and an address of its own: the
			// attacker's best case, the per-IP budget cannot help.
			r, err := f.client().Do(http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: "guessed@example.com", Password: fmt.Sprintf("guess number %d", i)})
			if err != nil {
				t.Error(err)
				return 0
			}
			return r.Status
		})
		// Every guess reaches the shared count before the hash; only the
		// ones the count lets through are checked and answer 401, the
		// others meet the block (423).
		if statuses[http.StatusUnauthorized] > 5 || statuses[http.StatusUnauthorized]+statuses[http.StatusLocked] != 100 {
			t.Fatalf("100 parallel guesses over two processes: %v; at most 5 may be checked (401), the rest blocked (423)", statuses)
		}
		t.Logf("statuses: %v", statuses)
	})

	t.Run("one valid code sent 50 times across both succeeds once", func(t *testing.T) {
		c := f.client()
		r := c.Must(http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: "twofactor@example.com", Password: portaltest.Password})
		if r.Status != http.StatusOK {
			t.Fatalf("login: %d %s", r.Status, r.Body)
		}
		code := f.mail(t, "twofactor@example.com", 3, hasCode).Code()
		statuses := parallel(50, func(i int) int {
			via := []*proctest.Process{one, two}[i%2]
			// An address of its own per request: the per-IP budget would
			// otherwise refuse most of them before the code is looked at.
			r, err := c.Via(via.URL).Do(http.MethodPost, api.PathLoginCode, api.CodeRequest{Code: code}, "X-Forwarded-For", fmt.Sprintf("203.0.113.%d", i+1))
			if err != nil {
				t.Error(err)
				return 0
			}
			return r.Status
		})
		if statuses[http.StatusOK] != 1 {
			t.Fatalf("50 submissions of one code over two processes: %v; exactly one may succeed", statuses)
		}
		t.Logf("statuses: %v", statuses)
	})

	t.Run("log out on all other devices on one ends sessions served by the other", func(t *testing.T) {
		d := f.client()
		f.register(t, d, "devices@example.com", d)
		here, _ := f.login(t, "devices@example.com")
		there, _ := f.login(t, "devices@example.com")
		if r := there.Via(two.URL).Must(http.MethodGet, api.PathMe, nil); r.Status != http.StatusOK {
			t.Fatalf("the other device before: %d", r.Status)
		}
		if r := here.Via(one.URL).Must(http.MethodPost, api.PathLogoutOthers, nil); r.Status != http.StatusOK {
			t.Fatalf("log out the others: %d %s", r.Status, r.Body)
		}
		for _, p := range []*proctest.Process{two, one} {
			if r := there.Via(p.URL).Must(http.MethodGet, api.PathMe, nil); r.Status != http.StatusUnauthorized {
				t.Fatalf("the other device, served by %s after the logout: %d", p.URL, r.Status)
			}
			if r := here.Via(p.URL).Must(http.MethodGet, api.PathMe, nil); r.Status != http.StatusOK {
				t.Fatalf("this device, served by %s: %d", p.URL, r.Status)
			}
		}
	})

	t.Run("one client's request budget is shared by both", func(t *testing.T) {
		c := f.client()
		statuses := map[int]int{}
		for i := range 20 {
			r := c.Via(f.procs[i%2].URL).Must(http.MethodPost, api.PathForgot, api.EmailRequest{Email: "someone@example.com"})
			statuses[r.Status]++
		}
		// The "mail" budget is a burst of 5: with a budget per process the
		// client would have had 10.
		if statuses[http.StatusAccepted] != 5 || statuses[http.StatusTooManyRequests] != 15 {
			t.Fatalf("20 resets from one address over two processes: %v; want 5 accepted, 15 refused", statuses)
		}
	})

	t.Run("every mail went out exactly once", func(t *testing.T) {
		sent, dead := f.outboxSettled(t)
		if dead != 0 {
			t.Fatalf("%d mails given up", dead)
		}
		f.exactlyOnce(t, sent)
		served := f.lb.Served()
		if served[one.URL] == 0 || served[two.URL] == 0 {
			t.Fatalf("the balancer did not use both processes: %v", served)
		}
		t.Logf("%d mails sent once each; requests through the balancer per process: %v", sent, served)
	})

	for _, p := range f.procs {
		if p.Panicked() {
			t.Errorf("a process logged a panic:\n%s", p.Log())
		}
	}
}

// parallel runs fn(0..n-1) at once and counts the statuses it returns.
func parallel(n int, fn func(i int) int) map[int]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counts := map[int]int{}
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := fn(i)
			mu.Lock()
			counts[s]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return counts
}
