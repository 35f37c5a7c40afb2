package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/jobs"
	"github.com/minicorp/miniid/server/store"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// A process that is told to stop (SIGTERM, a deployment) finishes the job
// it has claimed and records it, instead of abandoning it half-done under
// its lease: a registration handed on just before a deploy must not wait a
// lease's length for another process, or be lost with the process.
func TestStoppingFinishesTheClaimedJob(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		clk := clock.NewFake(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
		r := jobs.New(db.Bun, clk, slog.New(slog.NewTextHandler(io.Discard, nil)))
		started, release := make(chan struct{}), make(chan struct{})
		r.Handle("work", func(ctx context.Context, _ []byte) error {
			close(started)
			<-release
			// The job's own writes, after the stop was asked for.
			return db.Bun.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
				_, err := tx.NewInsert().Model(&store.Lease{Name: "done", Holder: "job", ExpiresAt: clk.Now()}).Exec(ctx)
				return err
			})
		})
		if err := r.Enqueue(context.Background(), db.Bun, "work", struct{}{}); err != nil {
			t.Fatal(err)
		}
		ctx, stop := context.WithCancel(context.Background())
		returned := make(chan struct{})
		go func() { r.Run(ctx); close(returned) }()
		waitFor(t, started, "the job to start")
		stop()
		select {
		case <-returned:
			t.Fatal("Run returned while its job was still running")
		case <-time.After(50 * time.Millisecond):
		}
		close(release)
		waitFor(t, returned, "Run to return after its job")

		if n, err := db.Bun.NewSelect().Model((*store.Lease)(nil)).Where("name = 'done'").Count(context.Background()); err != nil || n != 1 {
			t.Fatalf("the job's writes: %d rows, %v", n, err)
		}
		if n, err := db.Bun.NewSelect().Model((*store.Job)(nil)).Count(context.Background()); err != nil || n != 0 {
			t.Fatalf("jobs left after the stop: %d, %v; the finished job must be gone", n, err)
		}
	})
}

// waitFor waits for ch, failing with what instead of hanging.
func waitFor(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
		t.Fatalf("still waiting for %s", what)
	}
}

// A job that ran is recorded as done even when the database blinks right
// after it (a restart, a failover): otherwise it would run a second time
// once its lease ran out — a second confirmation mail, say.
func TestAJobIsRecordedWhenTheDatabaseBlinksAfterIt(t *testing.T) {
	db := testenv.Postgres(t)
	clk := clock.NewFake(time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
	r := jobs.New(db.Bun, clk, slog.New(slog.NewTextHandler(io.Discard, nil)))
	runs := 0
	r.Handle("work", func(ctx context.Context, _ []byte) error {
		runs++
		db.CutConnections(t) // every pooled connection dies after the job
		return nil
	})
	if err := r.Enqueue(context.Background(), db.Bun, "work", struct{}{}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.RunDue(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	clk.Advance(time.Hour)
	if _, err := r.RunDue(context.Background()); err != nil {
		t.Fatalf("run again: %v", err)
	}
	if runs != 1 {
		t.Fatalf("the job ran %d times, want once", runs)
	}
}
