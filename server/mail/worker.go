package mail

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/store"
)

// WorkerOptions tune a Worker; a zero field takes its default.
type WorkerOptions struct {
	PollInterval time.Duration // how often to look for due rows without a Kick; 1 s
	Lease        time.Duration // how long a claimed row is reserved for its sender; 2 min
	SendTimeout  time.Duration // limit of one send, kept below Lease; 30 s
	MaxAttempts  int           // attempts before a row is given up; 8 (they span about 4 min; 16 span about 75 min)
	BaseBackoff  time.Duration // wait after the first failure, doubled after each; 2 s
	MaxBackoff   time.Duration // cap of the doubled wait (jitter comes on top); 10 min
	BatchSize    int           // rows claimed per query; 20

	// Jitter returns a random duration in [0, n); the wait after a failure
	// is the backoff plus Jitter(backoff/4), so that processes retrying
	// after an outage spread out. Default: math/rand/v2.
	Jitter func(n time.Duration) time.Duration
}

func (o WorkerOptions) withDefaults() WorkerOptions {
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if o.Lease <= 0 {
		o.Lease = 2 * time.Minute
	}
	if o.SendTimeout <= 0 {
		o.SendTimeout = 30 * time.Second
	}
	// A send that outlives its lease could be started a second time by
	// another process.
	if o.SendTimeout > o.Lease/2 {
		o.SendTimeout = o.Lease / 2
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 8
	}
	if o.BaseBackoff <= 0 {
		o.BaseBackoff = 2 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 10 * time.Minute
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 20
	}
	if o.Jitter == nil {
		o.Jitter = func(n time.Duration) time.Duration { return rand.N(n) }
	}
	return o
}

// Worker delivers the outbox. Any number of Workers, in one process or many
// on one PostgreSQL, may run at once: each row is claimed with a lease by a
// conditional UPDATE, so only one of them sends it, and a row whose sender
// crashed becomes due again when its lease runs out.
type Worker struct {
	db    *bun.DB
	email Sender
	sms   SMSSender
	clk   clock.Clock
	log   *slog.Logger
	opts  WorkerOptions
	kick  chan struct{}

	mu      sync.Mutex
	stopped bool
	stop    chan struct{}
	running sync.WaitGroup
}

// NewWorker returns a Worker that sends e-mail rows through email and SMS
// rows through sms (NoSMSProvider when nil). log nil means slog.Default().
func NewWorker(db *bun.DB, email Sender, sms SMSSender, clk clock.Clock, log *slog.Logger, opts WorkerOptions) *Worker {
	if email == nil {
		panic("mail: NewWorker needs an e-mail sender")
	}
	if sms == nil {
		sms = NoSMSProvider()
	}
	if log == nil {
		log = slog.Default()
	}
	return &Worker{
		db: db, email: email, sms: sms, clk: clk, log: log,
		opts: opts.withDefaults(),
		kick: make(chan struct{}, 1),
		stop: make(chan struct{}),
	}
}

// Kick wakes the worker at once instead of at its next poll. Call it after
// committing a transaction that enqueued mail; it never blocks.
func (w *Worker) Kick() {
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// Run delivers due rows whenever kicked and every PollInterval until ctx is
// cancelled or Stop is called; then it returns after finishing the send in
// flight. It returns at once after Stop.
func (w *Worker) Run(ctx context.Context) {
	w.mu.Lock()
	if w.stopped {
		w.mu.Unlock()
		return
	}
	w.running.Add(1)
	w.mu.Unlock()
	defer w.running.Done()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-w.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	tick := time.NewTicker(w.opts.PollInterval)
	defer tick.Stop()
	for {
		if _, err := w.DeliverDue(ctx); err != nil && ctx.Err() == nil {
			w.log.Warn("mail: outbox pass failed", "error", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-w.kick:
		case <-tick.C:
		}
	}
}

// Stop makes Run return and waits until it has, the send in flight
// finished.
func (w *Worker) Stop() {
	w.mu.Lock()
	if !w.stopped {
		w.stopped = true
		close(w.stop)
	}
	w.mu.Unlock()
	w.running.Wait()
}

// DeliverDue makes one pass over the outbox: it claims and sends every row
// due now, and returns how many were delivered. Once ctx is cancelled it
// claims no more rows, but a send already started is finished and recorded.
func (w *Worker) DeliverDue(ctx context.Context) (int, error) {
	sent := 0
	for {
		ids, err := store.DueOutboxIDs(ctx, w.db, w.clk.Now(), w.opts.BatchSize)
		if err != nil {
			return sent, fmt.Errorf("mail: due: %w", err)
		}
		claimed := 0
		for _, id := range ids {
			if ctx.Err() != nil {
				return sent, ctx.Err()
			}
			now := w.clk.Now()
			ok, err := store.ClaimOutbox(ctx, w.db, id, now, now.Add(w.opts.Lease))
			if err != nil {
				return sent, fmt.Errorf("mail: claim: %w", err)
			}
			if !ok {
				continue // another worker has it
			}
			claimed++
			delivered, err := w.deliver(context.WithoutCancel(ctx), id)
			if err != nil {
				return sent, err
			}
			if delivered {
				sent++
			}
		}
		if claimed == 0 || len(ids) < w.opts.BatchSize {
			return sent, nil
		}
	}
}

// deliver sends the claimed row id and records the outcome. It runs without
// cancellation: a claimed row is always finished.
func (w *Worker) deliver(ctx context.Context, id int64) (bool, error) {
	m, err := store.GetOutbox(ctx, w.db, id)
	if err != nil {
		return false, fmt.Errorf("mail: load claimed row: %w", err)
	}
	sendCtx, cancel := context.WithTimeout(ctx, w.opts.SendTimeout)
	sendErr := w.senderFor(m.Channel).Send(sendCtx, m)
	cancel()
	now := w.clk.Now()
	if sendErr == nil {
		// The provider has it: record that even if the database blinks
		// now, or the row would be sent again once its lease ran out.
		err := store.WhileUnavailable(ctx, w.opts.Lease/4, func(ctx context.Context) error {
			return store.MarkOutboxSent(ctx, w.db, m.ID, now)
		})
		if err != nil {
			return false, fmt.Errorf("mail: mark sent: %w", err)
		}
		w.log.Debug("mail: delivered", "outbox_id", m.ID, "channel", m.Channel, "to_domain", recipientDomain(m))
		return true, nil
	}
	return false, w.failed(ctx, m, now, sendErr)
}

// failed records a failed attempt: retry later with backoff, or give the row
// up after MaxAttempts or a permanent error. The logs name the row and the
// recipient's domain, never the subject or body (they hold codes and links).
func (w *Worker) failed(ctx context.Context, m store.OutboxMail, now time.Time, sendErr error) error {
	attempts := m.Attempts + 1
	reason := redact(sendErr.Error(), m)
	record := func(next time.Time, dead *time.Time) error {
		return store.WhileUnavailable(ctx, w.opts.Lease/4, func(ctx context.Context) error {
			return store.MarkOutboxFailed(ctx, w.db, m.ID, attempts, next, reason, dead)
		})
	}
	if IsPermanent(sendErr) || attempts >= w.opts.MaxAttempts {
		if err := record(now, &now); err != nil {
			return fmt.Errorf("mail: mark dead: %w", err)
		}
		w.log.Error("mail: delivery given up",
			"outbox_id", m.ID, "channel", m.Channel, "to_domain", recipientDomain(m),
			"attempts", attempts, "permanent", IsPermanent(sendErr), "error", reason)
		return nil
	}
	wait := w.backoff(attempts)
	if err := record(now.Add(wait), nil); err != nil {
		return fmt.Errorf("mail: mark failed: %w", err)
	}
	w.log.Warn("mail: delivery failed, will retry",
		"outbox_id", m.ID, "channel", m.Channel, "to_domain", recipientDomain(m),
		"attempts", attempts, "retry_in", wait, "error", reason)
	return nil
}

// senderFor picks the sender of a channel.
func (w *Worker) senderFor(channel string) Sender {
	switch channel {
	case ChannelEmail:
		return w.email
	case ChannelSMS:
		return w.sms
	}
	return unknownChannel{}
}

type unknownChannel struct{}

func (unknownChannel) Send(_ context.Context, m store.OutboxMail) error {
	return Permanent(fmt.Errorf("mail: unknown channel %q", m.Channel))
}
