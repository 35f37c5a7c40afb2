package api_test

import (
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// comparable strips what legitimately differs between two answers.
func comparable(r portaltest.Response) string {
	h := r.Header.Clone()
	for _, k := range []string{"Date", "Set-Cookie"} {
		h.Del(k)
	}
	var b strings.Builder
	b.WriteString(http.StatusText(r.Status))
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteString(k + "=" + strings.Join(h[k], ",") + ";")
	}
	return b.String() + string(r.Body)
}

func TestLoginUnknownAndWrongPasswordLookAlike(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		env.Register("known@example.com")
		_, wrong := env.Login("known@example.com", "not the password at all")
		_, unknown := env.Login("nobody@example.com", "not the password at all")
		if wrong.Status != 401 || comparable(wrong) != comparable(unknown) {
			t.Fatalf("answers differ:\n%s\n%s", comparable(wrong), comparable(unknown))
		}
		// Both did one password verification (a dummy one for the unknown
		// address), so timing does not tell either.
		h := env.Portal.Auth().Hasher()
		before := h.Checks()
		env.Login("ghost@example.com", "whatever it is")
		if h.Checks() != before+1 {
			t.Fatalf("unknown account: %d verifications, want 1", h.Checks()-before)
		}
	})
}

func TestLoginRotatesSessionAndSetsCookieFlags(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	env.Register("rot@example.com")
	c := env.Client()
	c.Session()
	before := sessionCookie(c)
	r := c.Post(api.PathLogin, api.LoginRequest{Identifier: "rot@example.com", Password: portaltest.Password})
	if r.Status != 200 {
		t.Fatalf("login: %d %s", r.Status, r.Body)
	}
	cookie := r.Header.Get("Set-Cookie")
	if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
		t.Fatalf("cookie flags: %s", cookie)
	}
	if after := sessionCookie(c); before == nil || after == nil || before.Value == after.Value {
		t.Fatalf("session id not renewed at login: %v → %v", before, after)
	}
	// The planted (pre-login) id is worthless now.
	stale := env.Client()
	stale.HTTP.Jar.SetCookies(mustURL(env.URL), []*http.Cookie{before})
	if r := stale.Get(api.PathMe); r.Status != 401 {
		t.Fatalf("old session id still works: %d", r.Status)
	}
	if r := c.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("me: %d", r.Status)
	}
}

func TestSessionIdleAndAbsoluteTimeouts(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Register("time@example.com")
	env.Clock.Advance(29 * time.Minute)
	if r := c.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("after 29 min: %d", r.Status)
	}
	env.Clock.Advance(31 * time.Minute)
	if r := c.Get(api.PathMe); r.Status != 401 {
		t.Fatalf("after 31 idle minutes: %d", r.Status)
	}
	c, _ = env.Login("time@example.com", portaltest.Password)
	for i := 0; i < 11*3; i++ { // active every 20 minutes for 11 hours
		env.Clock.Advance(20 * time.Minute)
		if r := c.Get(api.PathMe); r.Status != 200 {
			t.Fatalf("active session ended after %d min: %d", (i+1)*20, r.Status)
		}
	}
	env.Clock.Advance(61 * time.Minute)
	c.Get(api.PathMe)
	env.Clock.Advance(time.Minute)
	if r := c.Get(api.PathMe); r.Status != 401 {
		t.Fatalf("session older than 12 h still valid: %d", r.Status)
	}
}

func TestTemporaryBlock(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		env.Register("block@example.com")
		for i := 1; i <= 4; i++ {
			if _, r := env.Login("block@example.com", "wrong password number x"); r.Status != 401 {
				t.Fatalf("wrong #%d: %d %s", i, r.Status, r.Body)
			}
		}
		// A success resets the count.
		if _, r := env.Login("block@example.com", portaltest.Password); r.Status != 200 {
			t.Fatalf("right password: %d", r.Status)
		}
		for i := 1; i <= 5; i++ {
			env.Clock.Advance(7 * time.Second) // within the per-IP budget
			_, r := env.Login("block@example.com", "wrong password number x")
			if i < 5 && r.Status != 401 {
				t.Fatalf("wrong #%d: %d", i, r.Status)
			}
			if i == 5 && (r.Status != 423 || r.Error(t).Code != api.CodeBlocked || r.Error(t).Until == "") {
				t.Fatalf("fifth wrong password: %d %s", r.Status, r.Body)
			}
		}
		// Blocked even for the right password, and the message says until when.
		env.Clock.Advance(7 * time.Second)
		_, r := env.Login("block@example.com", portaltest.Password)
		if r.Status != 423 || !strings.Contains(r.Error(t).Message, "temporarily blocked") {
			t.Fatalf("right password while blocked: %d %s", r.Status, r.Body)
		}
		m := env.LastMail("block@example.com")
		if !strings.Contains(m.Link(), "/reset-password?token=") {
			t.Fatalf("block mail has no reset link: %s", m.Text)
		}
		// An address without an account is answered exactly the same way.
		for i := 0; i < 5; i++ {
			env.Clock.Advance(7 * time.Second)
			env.Login("no-account@example.com", "wrong password number x")
		}
		env.Clock.Advance(7 * time.Second)
		_, ghost := env.Login("no-account@example.com", portaltest.Password)
		if ghost.Status != 423 || ghost.Error(t).Code != api.CodeBlocked {
			t.Fatalf("unknown address not blocked alike: %d %s", ghost.Status, ghost.Body)
		}
		// After 15 minutes the block is over.
		env.Clock.Advance(15 * time.Minute)
		if _, r := env.Login("block@example.com", portaltest.Password); r.Status != 200 {
			t.Fatalf("after the block: %d %s", r.Status, r.Body)
		}
	})
}

func TestParallelGuessesCannotPassTheBlock(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		// Each guess comes from its own address (through a trusted proxy), the
		// attacker's best case: the per-IP budget cannot help, the count must.
		env := portaltest.Start(t, db, "TRUSTED_PROXIES", "127.0.0.0/8")
		env.Register("race@example.com")
		h := env.Portal.Auth().Hasher()
		before := h.Checks()
		var wg sync.WaitGroup
		statuses := make(chan int, 100)
		for i := 0; i < 100; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				c := env.Client()
				r := c.Raw("POST", api.PathLogin, []byte(`{"identifier":"race@example.com","password":"guess number `+itoa(i)+`"}`),
					map[string]string{"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.Session().CSRFToken,
						"X-Forwarded-For": "203.0.113." + itoa(i)})
				statuses <- r.Status
			}(i)
		}
		wg.Wait()
		close(statuses)
		checked := h.Checks() - before
		if checked > 5 {
			t.Fatalf("%d of 100 parallel guesses were checked against the hash; at most 5 may be", checked)
		}
		counts := map[int]int{}
		for s := range statuses {
			counts[s]++
		}
		if counts[429] > 0 || counts[401]+counts[423] != 100 {
			t.Fatalf("every guess should reach the count (no per-IP refusals): %v", counts)
		}
		t.Logf("100 parallel guesses: %d password checks, statuses %v", checked, counts)
	})
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Replace(time.Duration(i).String(), "ns", "", 1))
}
