package mail_test

import (
	"context"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

func TestRunDeliversWhenKickedAndFinishesTheSendInFlight(t *testing.T) {
	db := testenv.SQLite(t)
	first := make(chan struct{})
	started := make(chan struct{})
	release := make(chan struct{})
	var calls int
	blocking := senderFunc(func(ctx context.Context, m store.OutboxMail) error {
		calls++ // one worker sends one row at a time
		if calls == 1 {
			close(first)
			return nil
		}
		close(started)
		<-release
		return nil
	})
	// With a poll interval of an hour, only Run's first pass and Kick
	// deliver anything during this test.
	w := mail.NewWorker(db.Bun, blocking, nil, clock.System{}, quiet, mail.WorkerOptions{PollInterval: time.Hour})
	enqueue(t, db.Bun, clock.System{}.Now(), secret)
	ctx, cancel := context.WithCancel(context.Background())
	returned := make(chan struct{})
	go func() { w.Run(ctx); close(returned) }()
	wait(t, first, "Run's first pass")

	id := enqueue(t, db.Bun, clock.System{}.Now(), secret)
	w.Kick()
	wait(t, started, "a delivery after Kick")
	cancel()
	select {
	case <-returned:
		t.Fatal("Run returned during a send")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	wait(t, returned, "Run to return")
	if row := outboxRow(t, db.Bun, id); row.SentAt == nil {
		t.Fatalf("the send in flight was not recorded: %+v", row)
	}
	w.Stop() // Run has returned: Stop returns at once
}

func TestStopEndsRun(t *testing.T) {
	db := testenv.SQLite(t)
	w := mail.NewWorker(db.Bun, newProvider(0), nil, clock.System{}, quiet, mail.WorkerOptions{PollInterval: time.Hour})
	returned := make(chan struct{})
	go func() { w.Run(context.Background()); close(returned) }()
	w.Stop()
	wait(t, returned, "Run to return after Stop")
	// A stopped worker does not start again: Run returns at once.
	again := make(chan struct{})
	go func() { w.Run(context.Background()); close(again) }()
	wait(t, again, "Run of a stopped worker to return at once")
}

func wait(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}
