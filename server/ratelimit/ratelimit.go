// Package ratelimit keeps the per-client-IP request budgets of the entry
// endpoints (login, codes, mail, registration, help) in the database, so
// that every process sharing it spends from the same buckets: behind a load
// balancer with N processes a client still gets the budget once, not N
// times. Each budget is a token bucket (a burst, then a steady rate), kept
// as one row that one conditional upsert updates (store.TakeToken).
package ratelimit

import (
	"context"
	"fmt"
	"net/netip"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/store"
)

// Budget is a token bucket: Burst requests at once, then one every Every.
type Budget struct {
	Every time.Duration
	Burst int
}

// Budgets per group of endpoints.
var Budgets = map[string]Budget{
	"login":    {Every: 6 * time.Second, Burst: 10},
	"code":     {Every: 6 * time.Second, Burst: 10},
	"register": {Every: 20 * time.Second, Burst: 5},
	"mail":     {Every: 20 * time.Second, Burst: 5},
	"reset":    {Every: 12 * time.Second, Burst: 5},
	"help":     {Every: 200 * time.Millisecond, Burst: 30},
	// A profile picture is decoded, one at a time per process.
	"upload": {Every: 6 * time.Second, Burst: 10},
	// A visitor without a cookie gets a new (anonymous) session row: bound
	// how fast one address can create them.
	"session": {Every: 100 * time.Millisecond, Burst: 120},
}

// Limiter spends from the budgets in the database.
type Limiter struct {
	db   bun.IDB
	keys keyring.Ring
	now  func() time.Time
}

// New returns a Limiter on db. Client addresses are stored only as keyed
// hashes under keys, and only until their bucket is full again (the sweeper
// removes the row then).
func New(db bun.IDB, keys keyring.Ring, now func() time.Time) *Limiter {
	return &Limiter{db: db, keys: keys, now: now}
}

// Allow spends one request of group's budget for the client ip. When the
// budget is spent it returns false and how long until the next request is
// allowed. An error means the database did not answer (the caller answers
// 503, see store.Unavailable).
func (l *Limiter) Allow(ctx context.Context, group, ip string) (time.Duration, bool, error) {
	b, ok := Budgets[group]
	if !ok {
		return 0, false, fmt.Errorf("ratelimit: no budget %q", group)
	}
	key := group + ":" + l.keys.MAC("rate-limit", group, Key(ip))
	ok, wait, err := store.TakeToken(ctx, l.db, key, b.Every, b.Burst, l.now())
	if err != nil {
		return 0, false, fmt.Errorf("ratelimit: %s: %w", group, err)
	}
	return wait, ok, nil
}

// Key is the part of a client address a budget is kept for: the whole
// IPv4 address, but the /64 of an IPv6 one. Providers hand each customer at
// least a /64, so one client can send from 2^64 addresses; per address it
// would have as many budgets.
func Key(ip string) string {
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
