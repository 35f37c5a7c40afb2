// Package httpx holds what the JSON API (server/api) and the HTML entry
// pages (server/pages) both need around their handlers: the per-IP budgets,
// the Origin and CSRF checks with the session loaded around a handler, the
// reader's language, and the words for the use cases' refusals. Both answer
// the same request the same way, each in its own format.
package httpx

import (
	"net/netip"
	"sync"
	"time"

	"golang.org/x/time/rate"
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
// the database. The API and the HTML forms share one Limiter, so a form post
// and an API call spend the same budget.
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

// Limiter holds the buckets, forgetting idle ones.
type Limiter struct {
	mu      sync.Mutex
	now     func() time.Time
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// NewLimiter returns a limiter reading the time from now.
func NewLimiter(now func() time.Time) *Limiter {
	return &Limiter{now: now, buckets: map[string]*bucket{}}
}

// Allow takes a token for group and ip, or returns how long to wait.
func (l *Limiter) Allow(group, ip string) (time.Duration, bool) {
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
