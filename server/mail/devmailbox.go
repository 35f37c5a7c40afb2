package mail

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/store"
)

// devMailbox "delivers" by storing the message in the dev_mails table.
type devMailbox struct {
	db  bun.IDB
	clk clock.Clock
}

var (
	_ Sender    = (*devMailbox)(nil)
	_ SMSSender = (*devMailbox)(nil)
)

// NewDevMailbox returns the Sender of dev mode: it keeps e-mail and SMS in
// the dev mailbox (SMS with channel "sms"), shown by DevMailboxHandler.
func NewDevMailbox(db bun.IDB, clk clock.Clock) Sender {
	return &devMailbox{db: db, clk: clk}
}

// Send stores m in the dev mailbox.
func (d *devMailbox) Send(ctx context.Context, m store.OutboxMail) error {
	row := &store.DevMail{
		Channel: m.Channel,
		To:      m.To,
		Subject: m.Subject,
		Text:    m.Text,
		HTML:    m.HTML,
		SentAt:  d.clk.Now(),
	}
	if err := store.InsertDevMail(ctx, d.db, row); err != nil {
		return fmt.Errorf("mail: dev mailbox: %w", err)
	}
	return nil
}
