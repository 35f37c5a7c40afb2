package reliability

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/proctest"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// customer is one signed-in browser that keeps logging in and editing its
// personal data while a fault is injected, and remembers what the portal
// accepted and what it answered.
type customer struct {
	email string
	c     *proctest.Client

	mu          sync.Mutex
	answers     []answer    // every answer, in order
	statuses    map[int]int // answers by status; 0 counts transport errors and hangs
	errs        []string    // the first few transport errors and unexpected answers
	accepted    string      // the city of the last edit answered 200
	unknown     []string    // cities sent after it whose answer was no answer (a transport error)
	slowest     time.Duration
	slowestWhat string
	// loginLost: the last login got no 200; endedByLostLogin counts the
	// 401s that followed one (see do).
	loginLost        bool
	endedByLostLogin int
}

// answer is one request's outcome: when it ended, how long it took, its
// status (0: no answer).
type answer struct {
	at     time.Time
	took   time.Duration
	status int
}

// firstOKAfter is the end of the first request that started after t0 and
// was answered 200, if any.
func (cu *customer) firstOKAfter(t0 time.Time) (time.Time, bool) {
	cu.mu.Lock()
	defer cu.mu.Unlock()
	for _, a := range cu.answers {
		if a.at.Add(-a.took).After(t0) && a.status == http.StatusOK {
			return a.at, true
		}
	}
	return time.Time{}, false
}

func newCustomer(c *proctest.Client, email string) *customer {
	return &customer{email: email, c: c, statuses: map[int]int{}, accepted: portaltest.Registration(email).City}
}

// do sends one request and records its answer.
func (cu *customer) do(method, path string, v any, header ...string) (proctest.Response, error) {
	start := time.Now()
	r, err := cu.c.Do(method, path, v, header...)
	d := time.Since(start)
	cu.mu.Lock()
	defer cu.mu.Unlock()
	if d > cu.slowest {
		cu.slowest, cu.slowestWhat = d, method+" "+path
	}
	status := 0
	if err == nil {
		status = r.Status
	}
	cu.answers = append(cu.answers, answer{at: start.Add(d), took: d, status: status})
	if err != nil {
		cu.statuses[0]++
		cu.note("%s %s: %v", method, path, err)
		if path == api.PathLogin {
			cu.loginLost = true
		}
		return r, err
	}
	cu.statuses[r.Status]++
	switch {
	case r.Status == http.StatusOK:
		cu.loginLost = false
	case r.Status == http.StatusUnauthorized && cu.loginLost:
		// A login whose answer was lost (a 503 after its commit, as the
		// database went away) may have moved the session to a new id the
		// browser never got: the old one has ended. A browser that was
		// logging in logs in again; nothing else is lost.
		cu.endedByLostLogin++
		cu.statuses[r.Status]--
	case r.Status == http.StatusUnauthorized || r.Status >= 500 && (r.Status != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == ""):
		cu.note("%s %s: %d %s", method, path, r.Status, r.Body)
	}
	if path == api.PathLogin && r.Status != http.StatusOK {
		cu.loginLost = true
	}
	return r, nil
}

func (cu *customer) note(format string, args ...any) {
	if len(cu.errs) < 5 {
		cu.errs = append(cu.errs, fmt.Sprintf(format, args...))
	}
}

// login logs the browser in again with the right password.
func (cu *customer) login() bool {
	r, err := cu.do(http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: cu.email, Password: portaltest.Password})
	return err == nil && r.Status == http.StatusOK
}

// edit reads the profile and saves it with the city changed to city, as
// the profile page does (If-Match with the version read).
func (cu *customer) edit(city string) bool {
	r, err := cu.do(http.MethodGet, api.PathMe, nil)
	if err != nil || r.Status != http.StatusOK {
		if err == nil && r.Status == http.StatusUnauthorized {
			cu.login()
		}
		return false
	}
	var me api.Me
	if json.Unmarshal(r.Body, &me) != nil {
		return false
	}
	p := me.Personal()
	p.City = city
	r, err = cu.do(http.MethodPut, api.PathPersonal, p, api.HeaderIfMatch, `"v`+strconv.FormatInt(me.Version, 10)+`"`)
	cu.mu.Lock()
	defer cu.mu.Unlock()
	switch {
	case err != nil:
		// No answer: the change may or may not have been saved.
		cu.unknown = append(cu.unknown, city)
		return false
	case r.Status == http.StatusOK:
		cu.accepted, cu.unknown = city, nil
		return true
	case r.Status == http.StatusServiceUnavailable:
		// 503 is said before anything is kept — or after a commit whose
		// session could not be saved: either way not accepted, maybe saved.
		cu.unknown = append(cu.unknown, city)
	}
	return false
}

// keepEditing logs in and edits until ctx ends, pausing pause between
// rounds: every tenth round it logs in anew (argon2id, so the rounds stay
// cheap enough for 2 cores), and after a failed request it waits a moment,
// as the app does.
func (cu *customer) keepEditing(ctx context.Context, name string, pause time.Duration) {
	for i := 0; ctx.Err() == nil; i++ {
		ok := true
		if i%10 == 9 {
			ok = cu.login()
		}
		if ok {
			ok = cu.edit(fmt.Sprintf("%s %d", name, i))
		}
		wait := pause
		if !ok {
			wait = 200 * time.Millisecond
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
	}
}

// checkSaved compares the account's city in the database with what the
// portal accepted: the last accepted city, or one sent after it whose
// answer was no answer or a 503.
func (cu *customer) checkSaved(t testing.TB, city string) {
	t.Helper()
	cu.mu.Lock()
	defer cu.mu.Unlock()
	if city != cu.accepted && !slices.Contains(cu.unknown, city) {
		t.Errorf("%s: the database has city %q, but the portal last accepted %q (later unanswered: %q): an accepted change was lost",
			cu.email, city, cu.accepted, cu.unknown)
	}
}

// cityOf reads an account's city from the database.
func cityOf(t testing.TB, f *fleet, email string) string {
	t.Helper()
	u, err := store.UserByEmail(context.Background(), f.db.Bun, email)
	if err != nil {
		t.Fatalf("%s: %v", email, err)
	}
	return u.City
}
