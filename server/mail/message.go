package mail

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
)

// The channels a Message goes out on.
const (
	ChannelEmail = "email"
	ChannelSMS   = "sms"
)

// Message is one e-mail or SMS to send.
type Message struct {
	Channel string // ChannelEmail (also when empty) or ChannelSMS
	To      string // e-mail address, or phone number for SMS
	Subject string // required for e-mail
	Text    string // the plain-text part (for SMS the whole message); required
	HTML    string // optional HTML part of an e-mail
	UserID  *int64 // the account it concerns, if any
}

// Enqueue writes m to the outbox, due at now. Pass the transaction of the
// change that causes the mail, so both commit or neither does, and kick the
// Worker after the commit.
func Enqueue(ctx context.Context, db bun.IDB, now time.Time, m Message) error {
	if m.Channel == "" {
		m.Channel = ChannelEmail
	}
	if err := m.validate(); err != nil {
		return err
	}
	now = now.UTC().Truncate(time.Microsecond)
	row := &store.OutboxMail{
		Channel:       m.Channel,
		To:            m.To,
		Subject:       m.Subject,
		Text:          m.Text,
		HTML:          m.HTML,
		UserID:        m.UserID,
		NextAttemptAt: now,
		CreatedAt:     now,
	}
	if err := store.InsertOutbox(ctx, db, row); err != nil {
		return fmt.Errorf("mail: enqueue: %w", err)
	}
	return nil
}

func (m Message) validate() error {
	switch {
	case m.Channel != ChannelEmail && m.Channel != ChannelSMS:
		return fmt.Errorf("mail: enqueue: unknown channel %q", m.Channel)
	case strings.TrimSpace(m.To) == "":
		return errors.New("mail: enqueue: no recipient")
	case strings.ContainsAny(m.To+m.Subject, "\r\n"):
		return errors.New("mail: enqueue: line break in recipient or subject")
	case strings.TrimSpace(m.Text) == "":
		return errors.New("mail: enqueue: every message needs a text part")
	case m.Channel == ChannelEmail && strings.TrimSpace(m.Subject) == "":
		return errors.New("mail: enqueue: an e-mail needs a subject")
	}
	return nil
}
