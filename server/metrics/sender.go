package metrics

import (
	"context"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

// countingSender counts the delivery attempts of a sender.
type countingSender struct {
	next mail.Sender
	m    *Metrics
}

// CountDeliveries wraps a mail or SMS sender so that each attempt is
// counted by channel and result.
func (m *Metrics) CountDeliveries(next mail.Sender) mail.Sender {
	if m == nil || next == nil {
		return next
	}
	return countingSender{next: next, m: m}
}

func (c countingSender) Send(ctx context.Context, msg store.OutboxMail) error {
	err := c.next.Send(ctx, msg)
	result := "sent"
	switch {
	case mail.IsPermanent(err):
		result = "rejected"
	case err != nil:
		result = "failed"
	}
	c.m.deliveries.WithLabelValues(msg.Channel, result).Inc()
	return err
}
