package mail_test

import (
	"context"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

// A database read after delivery must not yield a live link or code: the
// outbox keeps who got which subject when, never the bodies. The dev mailbox
// (dev mode only) still shows the whole mail.
func TestDeliveredRowsKeepNoLinkOrCode(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(start)
		link := "https://id.example.com/reset-password?token=Zq0-secret-token"
		subject, text, html, err := mail.Compose(mail.KindPasswordReset, "en", mail.Data{Brand: "MINI", Link: link})
		if err != nil {
			t.Fatal(err)
		}
		mailID := enqueue(t, db.Bun, clk.Now(), mail.Message{To: "anna@example.com", Subject: subject, Text: text, HTML: html})
		code := "604213"
		smsID := enqueue(t, db.Bun, clk.Now(), mail.Message{Channel: mail.ChannelSMS, To: "+491701234567", Text: "Your code:\n" + code + "\n"})

		box := mail.NewDevMailbox(db.Bun, clk)
		w := mail.NewWorker(db.Bun, box, box, clk, quiet, mail.WorkerOptions{})
		if n := deliverDue(t, w); n != 2 {
			t.Fatalf("delivered %d, want 2", n)
		}

		for _, id := range []int64{mailID, smsID} {
			row := outboxRow(t, db.Bun, id)
			if row.SentAt == nil {
				t.Fatalf("row %d not marked sent", id)
			}
			if row.Text != "" || row.HTML != "" {
				t.Errorf("row %d keeps its bodies after delivery: text %d bytes, html %d bytes", id, len(row.Text), len(row.HTML))
			}
		}
		if row := outboxRow(t, db.Bun, mailID); row.Subject != subject || row.To != "anna@example.com" {
			t.Errorf("the record of what was sent is gone: %+v", row)
		}
		// Read every column as an attacker with a database dump would.
		var dump []string
		if err := db.Bun.NewSelect().Model((*store.OutboxMail)(nil)).
			ColumnExpr("to_addr || subject || text_body || html_body || last_error").Scan(ctx, &dump); err != nil {
			t.Fatal(err)
		}
		for i, row := range dump {
			if strings.Contains(row, "Zq0-secret-token") || strings.Contains(row, code) {
				t.Errorf("outbox row %d: a live link or code is readable in the database", i+1)
			}
		}

		dev, err := store.ListDevMails(ctx, db.Bun, 10)
		if err != nil {
			t.Fatal(err)
		}
		var sawLink, sawCode bool
		for _, m := range dev {
			sawLink = sawLink || strings.Contains(m.Text, link)
			sawCode = sawCode || strings.Contains(m.Text, code)
		}
		if !sawLink || !sawCode {
			t.Errorf("the dev mailbox lost the delivered mail: link %v, code %v", sawLink, sawCode)
		}
	})
}
