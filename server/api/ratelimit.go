package api

import (
	"math"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// budget is a per-client-IP token bucket (golang.org/x/time/rate: a
// well-kept limiter, so the arithmetic is not ours to get wrong).
type budget struct {
	every time.Duration
	burst int
}

// Budgets per group of endpoints. They live in each process's memory: behind
// a load balancer with N processes a client gets up to N times the budget;
// the limits that matter for security (wrong passwords, codes) are counted in
// the database.
var budgets = map[string]budget{
	"login":    {every: 6 * time.Second, burst: 10},
	"code":     {every: 6 * time.Second, burst: 10},
	"register": {every: 20 * time.Second, burst: 5},
	"mail":     {every: 20 * time.Second, burst: 5},
	"reset":    {every: 12 * time.Second, burst: 5},
	"help":     {every: 200 * time.Millisecond, burst: 30},
	// A profile picture is decoded, one at a time per process.
	"upload": {every: 6 * time.Second, burst: 10},
	// A visitor without a cookie gets a new (anonymous) session row: bound
	// how fast one address can create them.
	"session": {every: 100 * time.Millisecond, burst: 120},
}

// limiter holds the buckets, forgetting idle ones.
type limiter struct {
	mu      sync.Mutex
	now     func() time.Time
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, buckets: map[string]*bucket{}}
}

// allow takes a token for group and ip, or returns how long to wait.
func (l *limiter) allow(group, ip string) (time.Duration, bool) {
	b := budgets[group]
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > 10*time.Minute {
		for k, v := range l.buckets {
			if now.Sub(v.seen) > 30*time.Minute {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	key := group + "|" + budgetKey(ip)
	bk, ok := l.buckets[key]
	if !ok {
		bk = &bucket{lim: rate.NewLimiter(rate.Every(b.every), b.burst)}
		l.buckets[key] = bk
	}
	bk.seen = now
	res := bk.lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d, false
	}
	return 0, true
}

// budgetKey is the part of a client address a budget is kept for: the whole
// IPv4 address, but the /64 of an IPv6 one. Providers hand each customer at
// least a /64, so one client can send from 2^64 addresses; per address it
// would have as many budgets.
func budgetKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	if a = a.Unmap(); a.Is4() {
		return a.String()
	}
	p, err := a.Prefix(64)
	if err != nil {
		return ip
	}
	return p.String()
}

// throttle wraps h with the per-IP budget of group.
func (s *Server) throttle(group string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if wait, ok := s.limits.allow(group, audit.ClientIP(r.Context())); !ok {
			metrics.NoteBudget(r.Context(), "ip")
			failRate(w, r, wait)
			return
		}
		h(w, r)
	}
}

// failRate answers 429 with Retry-After in whole seconds.
func failRate(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	fail(w, r, http.StatusTooManyRequests, api.Error{
		Code: api.CodeRateLimited, RetryAfter: secs,
		Message: i18n.F(langOf(r), i18n.ErrRateLimited, "seconds", itoa(secs)),
	}, nil)
}
