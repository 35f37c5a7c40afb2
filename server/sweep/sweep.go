// Package sweep deletes what has outlived its use: expired sessions, codes
// and link tokens, stale wrong-password counts, delivered mail, old security
// events and help read marks. Without it these tables grow without limit,
// and old rows keep personal data nobody needs.
//
// Every process runs a Sweeper; a lease row in the database lets only one of
// them do each round, so N processes sweep no more often than one.
package sweep

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/config"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// leaseName names the sweeper's row in the leases table.
const leaseName = "sweep"

// Options configure a Sweeper.
type Options struct {
	Retention   config.Retention // how long each kind of row is kept, how often to sweep
	SessionIdle time.Duration    // a session unused this long has ended (auth.IdleTimeout)
	Holder      string           // names this process in the lease; random when empty
	// More are rules of other packages that need more than the store (the
	// removal of deleted accounts mails their owners), by name.
	More map[string]func(ctx context.Context, db bun.IDB, now time.Time) (int64, error)
}

// Sweeper removes expired rows, one leased round at a time.
type Sweeper struct {
	db     *bun.DB
	clk    clock.Clock
	log    *slog.Logger
	opts   Options
	holder string
}

// New returns a Sweeper. log nil means slog.Default().
func New(db *bun.DB, clk clock.Clock, log *slog.Logger, o Options) *Sweeper {
	if log == nil {
		log = slog.Default()
	}
	holder := o.Holder
	if holder == "" {
		b := make([]byte, 8)
		rand.Read(b)
		holder = hex.EncodeToString(b)
	}
	return &Sweeper{db: db, clk: clk, log: log, opts: o, holder: holder}
}

// Report is what one round did.
type Report struct {
	Ran     bool             // false: another process holds this interval's lease
	Removed map[string]int64 // rows removed (or, for outbox_bodies, blanked) per rule
}

// rule is one kind of row and how to remove it at now.
type rule struct {
	name string
	run  func(ctx context.Context, db bun.IDB, now time.Time) (int64, error)
}

// rules lists what a round removes. A new table that grows with use gets a
// rule here, with its retention in config.Retention.
func (s *Sweeper) rules() []rule {
	r := s.opts.Retention
	more := make([]rule, 0, len(s.opts.More))
	for name, run := range s.opts.More {
		more = append(more, rule{name, run})
	}
	return append([]rule{
		{"sessions", func(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
			return store.DeleteExpiredSessions(ctx, db, now, now.Add(-s.opts.SessionIdle))
		}},
		{"login_failures", func(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
			return store.DeleteStaleLoginFailures(ctx, db, now, now.Add(-r.LoginFailures))
		}},
		{"codes", before(store.DeleteExpiredCodes, r.Codes)},
		{"tokens", before(store.DeleteExpiredTokens, r.Tokens)},
		{"outbox", before(store.DeleteFinishedOutbox, r.Outbox)},
		{"outbox_bodies", before(store.BlankDeadOutbox, r.DeadMail)},
		{"dev_mails", before(store.DeleteOldDevMails, r.Outbox)},
		{"security_events", before(store.DeleteOldEvents, r.SecurityEvents)},
		{"known_devices", before(store.DeleteStaleDevices, session.DeviceLifetime)},
		// Budgets count within an hour (server/otp); a day keeps a margin.
		{"budgets", before(store.DeleteOldBudgets, 24*time.Hour)},
		{"jobs", before(store.DeleteDeadJobs, r.Outbox)},
		// A per-IP bucket that is full again is the same as none.
		{"rate_limits", store.DeleteFullRateLimits},
		// OpenID Connect rows are useless once they run out (a used code or
		// refresh token is kept until then to recognise its reuse).
		{"oidc", store.DeleteExpiredOIDC},
		{"help_reads", func(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
			// Marks are per UTC day (server/help); a day goes once all of it
			// is older than the retention.
			return store.DeleteHelpReadsBefore(ctx, db, now.Add(-r.HelpReads).Format("2006-01-02"))
		}},
	}, more...)
}

// before adapts a delete of the rows older than a cutoff to a rule that
// keeps them for keep.
func before(del func(context.Context, bun.IDB, time.Time) (int64, error), keep time.Duration) func(context.Context, bun.IDB, time.Time) (int64, error) {
	return func(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
		return del(ctx, db, now.Add(-keep))
	}
}

// Round takes this interval's lease and, if it wins, applies every rule. A
// failing rule is logged and the others still run; the error returned is
// the first one.
func (s *Sweeper) Round(ctx context.Context) (Report, error) {
	now := s.clk.Now()
	won, err := store.AcquireLease(ctx, s.db, leaseName, s.holder, now, now.Add(s.opts.Retention.SweepInterval))
	if err != nil || !won {
		return Report{}, err
	}
	rep := Report{Ran: true, Removed: map[string]int64{}}
	var first error
	for _, r := range s.rules() {
		n, err := r.run(ctx, s.db, now)
		rep.Removed[r.name] = n
		if err != nil {
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			s.log.Warn("sweep: rule failed", "rule", r.name, "err", err)
			if first == nil {
				first = fmt.Errorf("sweep: %s: %w", r.name, err)
			}
		}
	}
	return rep, first
}

// Run sweeps at once and then every SweepInterval until ctx ends. Each
// process runs it; the lease makes the rounds of all of them one per
// interval.
func (s *Sweeper) Run(ctx context.Context) {
	t := time.NewTicker(s.opts.Retention.SweepInterval)
	defer t.Stop()
	for {
		rep, err := s.Round(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("sweep: round incomplete", "err", err)
		}
		if attrs := removed(rep); len(attrs) > 0 {
			s.log.Info("sweep: expired rows removed", attrs...)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// removed lists the non-zero counts of rep as log attributes.
func removed(rep Report) []any {
	var attrs []any
	for name, n := range rep.Removed {
		if n > 0 {
			attrs = append(attrs, name, n)
		}
	}
	return attrs
}
