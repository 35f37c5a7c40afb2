package mail_test

import (
	"context"
	"errors"
	"testing"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

func TestEnqueueIsPartOfTheTransaction(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		msg := mail.Message{To: "anna@example.com", Subject: "Hello", Text: "Code:\n123456\n", HTML: "<p>123456</p>"}

		err := db.Bun.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if err := mail.Enqueue(ctx, tx, start, msg); err != nil {
				t.Fatal(err)
			}
			return errTest
		})
		if !errors.Is(err, errTest) {
			t.Fatalf("RunInTx: %v", err)
		}
		if n := countOutbox(t, db.Bun); n != 0 {
			t.Fatalf("after rollback: %d outbox rows, want 0", n)
		}

		uid := int64(7)
		msg.UserID = &uid
		err = db.Bun.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			return mail.Enqueue(ctx, tx, start, msg)
		})
		if err != nil {
			t.Fatal(err)
		}
		var rows []store.OutboxMail
		if err := db.Bun.NewSelect().Model(&rows).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 {
			t.Fatalf("after commit: %d rows, want 1", len(rows))
		}
		r := rows[0]
		if r.Channel != "email" || r.To != msg.To || r.Subject != msg.Subject || r.Text != msg.Text || r.HTML != msg.HTML ||
			r.UserID == nil || *r.UserID != 7 || r.Attempts != 0 || !r.NextAttemptAt.Equal(start) ||
			r.SentAt != nil || r.DeadAt != nil || r.LockedUntil != nil {
			t.Fatalf("row = %+v", r)
		}
	})
}

func TestEnqueueRefusesIncompleteMessages(t *testing.T) {
	db := testenv.SQLite(t)
	for _, tc := range []struct {
		name string
		msg  mail.Message
	}{
		{"no text part", mail.Message{To: "a@example.com", Subject: "S", HTML: "<p>x</p>"}},
		{"no recipient", mail.Message{Subject: "S", Text: "x"}},
		{"no subject", mail.Message{To: "a@example.com", Text: "x"}},
		{"unknown channel", mail.Message{Channel: "fax", To: "a@example.com", Subject: "S", Text: "x"}},
		{"line break in subject", mail.Message{To: "a@example.com", Subject: "S\r\nBcc: x@example.com", Text: "x"}},
		{"sms without text", mail.Message{Channel: mail.ChannelSMS, To: "+491701234567"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := mail.Enqueue(context.Background(), db.Bun, start, tc.msg); err == nil {
				t.Fatal("Enqueue accepted it")
			}
		})
	}
	if n := countOutbox(t, db.Bun); n != 0 {
		t.Fatalf("%d rows written", n)
	}
}

func countOutbox(t *testing.T, db bun.IDB) int64 {
	t.Helper()
	n, err := db.NewSelect().Model((*store.OutboxMail)(nil)).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}
