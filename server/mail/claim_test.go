package mail_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

func TestTwoWorkersDeliverEveryRowOnce(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(start)
		// A second connection pool to the same database, as a second
		// portal process would have.
		other, err := store.Open(ctx, db.URL, db.Dir)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()

		const total = 50
		for i := range total {
			enqueue(t, db.Bun, clk.Now(), mail.Message{To: "user" + itoa(int64(i)) + "@example.com", Subject: "S", Text: "T"})
		}
		p := newProvider(0)
		opts := mail.WorkerOptions{BatchSize: 7}
		workers := []*mail.Worker{
			mail.NewWorker(db.Bun, p, nil, clk, quiet, opts),
			mail.NewWorker(other, p, nil, clk, quiet, opts),
		}
		sent := make([]int, len(workers))
		var wg sync.WaitGroup
		for i, w := range workers {
			wg.Go(func() {
				for {
					n, err := w.DeliverDue(ctx)
					if err != nil {
						t.Error(err)
						return
					}
					if n == 0 {
						return
					}
					sent[i] += n
				}
			})
		}
		wg.Wait()

		calls, delivered := p.counts()
		if calls != total || len(delivered) != total || sent[0]+sent[1] != total {
			t.Fatalf("calls = %d, distinct rows = %d, sent = %v; want %d each", calls, len(delivered), sent, total)
		}
		for id, n := range delivered {
			if n != 1 {
				t.Errorf("row %d delivered %d times", id, n)
			}
		}
		unsent, err := db.Bun.NewSelect().Model((*store.OutboxMail)(nil)).Where("sent_at IS NULL").Count(ctx)
		if err != nil || unsent != 0 {
			t.Fatalf("%d rows unsent (%v)", unsent, err)
		}
	})
}

func TestWorkerTakesOverExpiredLeasesAndNeverResends(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(start)
		crashed := enqueue(t, db.Bun, clk.Now(), mail.Message{To: "a@example.com", Subject: "S", Text: "T"})
		done := enqueue(t, db.Bun, clk.Now(), mail.Message{To: "b@example.com", Subject: "S", Text: "T"})

		// A process claimed the first row and died before sending; the
		// second row was delivered by someone.
		if ok, err := store.ClaimOutbox(ctx, db.Bun, crashed, clk.Now(), clk.Now().Add(2*time.Minute)); err != nil || !ok {
			t.Fatalf("claim: %v, %v", ok, err)
		}
		if ok, _ := store.ClaimOutbox(ctx, db.Bun, crashed, clk.Now(), clk.Now().Add(2*time.Minute)); ok {
			t.Fatal("a leased row was claimed twice")
		}
		if err := store.MarkOutboxSent(ctx, db.Bun, done, clk.Now()); err != nil {
			t.Fatal(err)
		}

		p := newProvider(0)
		w := mail.NewWorker(db.Bun, p, nil, clk, quiet, mail.WorkerOptions{})
		clk.Advance(time.Minute)
		if n := deliverDue(t, w); n != 0 {
			t.Fatalf("delivered %d while the lease holds", n)
		}
		clk.Advance(time.Minute)
		if n := deliverDue(t, w); n != 1 {
			t.Fatalf("delivered %d after the lease ran out, want 1", n)
		}
		clk.Advance(24 * time.Hour)
		deliverDue(t, w)
		if _, delivered := p.counts(); len(delivered) != 1 || delivered[crashed] != 1 || delivered[done] != 0 {
			t.Fatalf("delivered = %v, want only row %d once", delivered, crashed)
		}
	})
}
