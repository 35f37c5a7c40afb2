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

// The provider took the mail, and then the database blinked (a restart, a
// failover) before the row was marked sent: the worker keeps trying to
// record the delivery instead of leaving the row claimed, to be sent a
// second time when its lease runs out. (Found by the PostgreSQL restart
// test in server/reliability: a confirmation mail went out twice.)
func TestADeliveryIsRecordedWhenTheDatabaseBlinksAfterTheSend(t *testing.T) {
	db := testenv.Postgres(t)
	clk := clock.NewFake(start)
	p := newProvider(0)
	blink := senderFunc(func(ctx context.Context, m store.OutboxMail) error {
		err := p.Send(ctx, m)
		db.CutConnections(t) // every pooled connection dies after the send
		return err
	})
	w := mail.NewWorker(db.Bun, blink, nil, clk, quiet, mail.WorkerOptions{})
	id := enqueue(t, db.Bun, clk.Now(), mail.Message{To: "anna@example.com", Subject: "Hello", Text: "a link"})

	if n, err := w.DeliverDue(context.Background()); err != nil || n != 1 {
		t.Fatalf("deliver: %d, %v", n, err)
	}
	if row := outboxRow(t, db.Bun, id); row.SentAt == nil {
		t.Fatalf("the delivery was not recorded: %+v", row)
	}
	// Long after any lease, nothing is sent again.
	clk.Advance(time.Hour)
	deliverDue(t, w)
	if _, delivered := p.counts(); delivered[id] != 1 {
		t.Fatalf("deliveries of the row: %d, want 1", delivered[id])
	}
}
