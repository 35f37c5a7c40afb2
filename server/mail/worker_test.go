package mail_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// seeded is a jitter source that repeats from run to run.
func seeded() func(time.Duration) time.Duration {
	r := rand.New(rand.NewPCG(1, 2))
	return func(n time.Duration) time.Duration { return time.Duration(r.Int64N(int64(n))) }
}

// secret is a message whose subject and body must never reach a log.
var secret = mail.Message{
	To:      "anna.secret@example.com",
	Subject: "Your login code 987654",
	Text:    "Your code:\n\n987654\n",
	HTML:    "<p>987654</p>",
}

func enqueue(t *testing.T, db bun.IDB, now time.Time, m mail.Message) int64 {
	t.Helper()
	ctx := context.Background()
	if err := mail.Enqueue(ctx, db, now, m); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := db.NewSelect().Model((*store.OutboxMail)(nil)).ColumnExpr("MAX(id)").Scan(ctx, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

func outboxRow(t *testing.T, db bun.IDB, id int64) store.OutboxMail {
	t.Helper()
	m, err := store.GetOutbox(context.Background(), db, id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func deliverDue(t *testing.T, w *mail.Worker) int {
	t.Helper()
	n, err := w.DeliverDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestWorkerRetriesWithGrowingBackoffAndDeliversOnce(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		clk := clock.NewFake(start)
		p := newProvider(3)
		w := mail.NewWorker(db.Bun, p, nil, clk, quiet, mail.WorkerOptions{Jitter: seeded()})
		id := enqueue(t, db.Bun, clk.Now(), secret)

		var lastWait time.Duration
		for attempt := 1; attempt <= 3; attempt++ {
			if n := deliverDue(t, w); n != 0 {
				t.Fatalf("attempt %d: delivered %d, want a failure", attempt, n)
			}
			row := outboxRow(t, db.Bun, id)
			if row.Attempts != attempt || row.SentAt != nil || row.DeadAt != nil || row.LockedUntil != nil {
				t.Fatalf("attempt %d: row = %+v", attempt, row)
			}
			if !strings.Contains(row.LastError, "provider down") || strings.Contains(row.LastError, secret.To) {
				t.Fatalf("last_error = %q: want the error without the recipient", row.LastError)
			}
			wait := row.NextAttemptAt.Sub(clk.Now())
			backoff := 2 * time.Second << (attempt - 1)
			if wait < backoff || wait >= backoff+backoff/4 || wait <= lastWait {
				t.Fatalf("attempt %d: retry in %v, want %v plus under a quarter of jitter, and more than %v", attempt, wait, backoff, lastWait)
			}
			lastWait = wait

			// Not a moment early.
			clk.Advance(wait - time.Microsecond)
			if n := deliverDue(t, w); n != 0 {
				t.Fatal("delivered before the backoff ran out")
			}
			if calls, _ := p.counts(); calls != attempt {
				t.Fatalf("%d sends before the backoff ran out, want %d", calls, attempt)
			}
			clk.Advance(time.Microsecond)
		}

		if n := deliverDue(t, w); n != 1 {
			t.Fatalf("fourth attempt delivered %d, want 1", n)
		}
		row := outboxRow(t, db.Bun, id)
		if row.SentAt == nil || !row.SentAt.Equal(clk.Now()) || row.Attempts != 4 || row.LastError != "" || row.LockedUntil != nil {
			t.Fatalf("after delivery: row = %+v", row)
		}
		clk.Advance(time.Hour)
		if n := deliverDue(t, w); n != 0 {
			t.Fatalf("a delivered row was sent again")
		}
		if calls, delivered := p.counts(); calls != 4 || delivered[id] != 1 {
			t.Fatalf("calls = %d, delivered = %v; want 4 calls, 1 delivery", calls, delivered)
		}
	})
}

func TestWorkerGivesUpAfterMaxAttemptsAndLogsNoSecrets(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		clk := clock.NewFake(start)
		var logs bytes.Buffer
		log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		p := newProvider(-1)
		w := mail.NewWorker(db.Bun, p, nil, clk, log, mail.WorkerOptions{Jitter: seeded()})
		id := enqueue(t, db.Bun, clk.Now(), secret)

		for range 20 {
			deliverDue(t, w)
			clk.Advance(13 * time.Minute) // beyond the 10 min cap plus jitter
		}
		if calls, _ := p.counts(); calls != 8 {
			t.Fatalf("%d attempts, want the default 8", calls)
		}
		row := outboxRow(t, db.Bun, id)
		if row.DeadAt == nil || row.SentAt != nil || row.Attempts != 8 || row.LockedUntil != nil {
			t.Fatalf("row = %+v, want dead after 8 attempts", row)
		}

		var errorLine string
		for line := range strings.Lines(logs.String()) {
			if strings.Contains(line, "level=ERROR") {
				if errorLine != "" {
					t.Fatalf("more than one error record:\n%s", logs.String())
				}
				errorLine = line
			}
		}
		for _, want := range []string{"outbox_id=" + itoa(id), "to_domain=example.com", "attempts=8"} {
			if !strings.Contains(errorLine, want) {
				t.Errorf("error record %q lacks %q", errorLine, want)
			}
		}
		for _, secretPart := range []string{"987654", "login code", "anna.secret"} {
			if strings.Contains(logs.String(), secretPart) {
				t.Errorf("the log holds %q:\n%s", secretPart, logs.String())
			}
		}
	})
}

func TestWorkerGivesUpSMSWithoutProviderAtOnce(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		clk := clock.NewFake(start)
		var logs bytes.Buffer
		log := slog.New(slog.NewTextHandler(&logs, nil))
		w := mail.NewWorker(db.Bun, newProvider(0), mail.NoSMSProvider(), clk, log, mail.WorkerOptions{})
		id := enqueue(t, db.Bun, clk.Now(), mail.Message{Channel: mail.ChannelSMS, To: "+491701234567", Subject: "Code", Text: "Your code:\n123456"})

		deliverDue(t, w)
		row := outboxRow(t, db.Bun, id)
		if row.DeadAt == nil || row.Attempts != 1 || !strings.Contains(row.LastError, "no SMS provider") {
			t.Fatalf("row = %+v, want dead at the first attempt", row)
		}
		if !strings.Contains(logs.String(), "level=ERROR") || strings.Contains(logs.String(), "1701234567") || strings.Contains(logs.String(), "123456") {
			t.Fatalf("log = %s", logs.String())
		}
	})
}

type senderFunc func(ctx context.Context, m store.OutboxMail) error

func (f senderFunc) Send(ctx context.Context, m store.OutboxMail) error { return f(ctx, m) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
