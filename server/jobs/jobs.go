// Package jobs runs work that requests hand on instead of doing it while the
// requester waits. A request writes one row (the same row whatever the work
// will find), so answering costs the same for every address: "Forgot
// password" and registration tell nothing by their timing. The runner claims
// due jobs with a lease (several processes may run it), retries a failed one
// with backoff, and gives up after maxAttempts.
package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/store"
)

const (
	defaultLease = time.Minute
	maxAttempts  = 8
	firstRetry   = 10 * time.Second
	pollEvery    = 10 * time.Second
)

// Handler does one kind of job with its payload.
type Handler func(ctx context.Context, payload []byte) error

// Runner runs jobs.
type Runner struct {
	db       *bun.DB
	clock    clock.Clock
	log      *slog.Logger
	mu       sync.Mutex
	handlers map[string]Handler
	kick     chan struct{}
	lease    time.Duration
}

// New returns a Runner.
func New(db *bun.DB, clk clock.Clock, log *slog.Logger) *Runner {
	return &Runner{db: db, clock: clk, log: log, handlers: map[string]Handler{}, kick: make(chan struct{}, 1), lease: defaultLease}
}

// SetLease sets how long a claimed job stays reserved for this process (at
// wiring time, before Run): if the process dies, another takes the job up
// this long after it was claimed. Default one minute.
func (r *Runner) SetLease(d time.Duration) {
	if d > 0 {
		r.lease = d
	}
}

// Handle registers the handler of kind (at wiring time).
func (r *Runner) Handle(kind string, h Handler) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.handlers[kind] = h
}

// Enqueue writes a job of kind with v as its payload inside db (the
// request's transaction, if it has one). Kick the runner afterwards.
func (r *Runner) Enqueue(ctx context.Context, db bun.IDB, kind string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("jobs: encode %s: %w", kind, err)
	}
	now := r.clock.Now()
	if err := store.InsertJob(ctx, db, &store.Job{Kind: kind, Payload: string(b), NextAttemptAt: now, CreatedAt: now}); err != nil {
		return fmt.Errorf("jobs: enqueue %s: %w", kind, err)
	}
	return nil
}

// Kick wakes the runner.
func (r *Runner) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// RunDue runs every job that is due now, one after another, and tells how
// many ran. Tests call it; Run calls it when kicked and now and then.
func (r *Runner) RunDue(ctx context.Context) (int, error) {
	n := 0
	for ctx.Err() == nil {
		now := r.clock.Now()
		j, err := store.ClaimDueJob(ctx, r.db, now, now.Add(r.lease))
		if errors.Is(err, store.ErrNotFound) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
		// A claimed job is finished and recorded even when ctx ends (the
		// process was told to stop): abandoned, it would wait under its
		// lease for another process. It may not outlive the lease, or a
		// second process could start it again.
		jobCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.lease/2)
		err = r.runOne(jobCtx, j)
		cancel()
		if err != nil {
			return n, err
		}
	}
	return n, ctx.Err()
}

func (r *Runner) runOne(ctx context.Context, j *store.Job) error {
	r.mu.Lock()
	h, ok := r.handlers[j.Kind]
	r.mu.Unlock()
	var err error
	if !ok {
		err = fmt.Errorf("no handler for %q", j.Kind)
	} else {
		err = h(ctx, []byte(j.Payload))
	}
	// What the job did is done: record it even if the database blinks
	// now, or it would run a second time when its lease ran out.
	record := func(fn func(ctx context.Context) error) error {
		return store.WhileUnavailable(ctx, r.lease/4, fn)
	}
	if err == nil {
		return record(func(ctx context.Context) error { return store.DeleteJob(ctx, r.db, j.ID) })
	}
	now := r.clock.Now()
	attempts := j.Attempts + 1
	var dead *time.Time
	if attempts >= maxAttempts {
		dead = &now
		r.log.Error("jobs: gave up", "job", j.ID, "kind", j.Kind, "attempts", attempts, "err", err)
	} else {
		r.log.Warn("jobs: failed, will retry", "job", j.ID, "kind", j.Kind, "attempt", attempts, "err", err)
	}
	next := now.Add(firstRetry << (attempts - 1))
	return record(func(ctx context.Context) error {
		return store.FailJob(ctx, r.db, j.ID, attempts, next, err.Error(), dead)
	})
}

// Run runs due jobs when kicked and every pollEvery until ctx ends; it
// returns once the job in flight is finished.
func (r *Runner) Run(ctx context.Context) {
	// At least once per lease: a job a dead process had claimed is taken
	// up soon after its lease ran out.
	t := time.NewTicker(min(pollEvery, r.lease))
	defer t.Stop()
	for {
		if _, err := r.RunDue(ctx); err != nil && ctx.Err() == nil {
			r.log.Warn("jobs: round failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-r.kick:
		case <-t.C:
		}
	}
}
