package mail

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mailgun/mailgun-go/v4"

	"github.com/minicorp/miniid/server/store"
)

// OutboxHeader is the header of a sent message that names its outbox row.
const OutboxHeader = "X-Outbox-ID"

// mailgunSender sends e-mail through Mailgun's HTTP API.
type mailgunSender struct {
	mg   *mailgun.MailgunImpl
	from string
}

var _ Sender = (*mailgunSender)(nil)

// apiVersion matches an API base that already names its version ("/v3").
var apiVersion = regexp.MustCompile(`/v[0-9]+$`)

// NewMailgun returns a Sender that sends e-mail from the address from through
// the Mailgun domain. apiBase is empty for the US region, or the region's
// host ("https://api.eu.mailgun.net"); "/v3" is added when it names no
// version. It sends only ChannelEmail rows.
func NewMailgun(domain, apiKey, apiBase, from string) Sender {
	mg := mailgun.NewMailgun(domain, apiKey)
	if apiBase = strings.TrimRight(apiBase, "/"); apiBase != "" {
		if !apiVersion.MatchString(apiBase) {
			apiBase += "/v3"
		}
		mg.SetAPIBase(apiBase)
	}
	// mailgun-go uses http.DefaultClient, which never times out.
	mg.SetClient(&http.Client{Timeout: 30 * time.Second})
	return &mailgunSender{mg: mg, from: from}
}

// Send sends m's text and HTML parts to m.To.
func (s *mailgunSender) Send(ctx context.Context, m store.OutboxMail) error {
	if m.Channel != ChannelEmail {
		return Permanent(fmt.Errorf("mail: mailgun: cannot send channel %q", m.Channel))
	}
	msg := mailgun.NewMessage(s.from, m.Subject, m.Text, m.To)
	if m.HTML != "" {
		msg.SetHtml(m.HTML)
	}
	// The outbox row's id travels with the message, so that Mailgun's logs
	// can be matched to the outbox (and a message sent twice would show).
	msg.AddHeader(OutboxHeader, strconv.FormatInt(m.ID, 10))
	if _, _, err := s.mg.Send(ctx, msg); err != nil {
		wrapped := fmt.Errorf("mail: mailgun: %w", err)
		// 400 means Mailgun refuses this message as it is (a malformed
		// address, say): retrying cannot help. Other statuses (401 with a
		// wrong key, 429, 5xx) may heal, so they are retried.
		if errors.Is(err, mailgun.ErrInvalidMessage) || mailgun.GetStatusFromErr(err) == http.StatusBadRequest {
			return Permanent(wrapped)
		}
		return wrapped
	}
	return nil
}
