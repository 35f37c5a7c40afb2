// Package sms delivers text messages (Phone ID codes) through Twilio's
// Messages API, with github.com/twilio/twilio-go, Twilio's own client. It
// is a mail.SMSSender: SMS rows go through the same outbox, with the same
// retries and backoff, as e-mail.
package sms

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/twilio/twilio-go"
	twclient "github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

// Twilio sends SMS rows of the outbox from one number.
type Twilio struct {
	api  *openapi.ApiService
	from string
}

var _ mail.SMSSender = (*Twilio)(nil)

// Options tune the client; zero values are Twilio's.
type Options struct {
	// APIBase replaces https://api.twilio.com (a test's stand-in).
	APIBase string
	// Timeout bounds one request (default 20 s, below the worker's send
	// timeout: twilio-go takes no context).
	Timeout time.Duration
}

// NewTwilio returns a sender for the account sid with its auth token,
// sending from the number from (E.164).
func NewTwilio(sid, token, from string, o Options) *Twilio {
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	hc := &http.Client{Timeout: o.Timeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if o.APIBase != "" {
		if base, err := url.Parse(o.APIBase); err == nil {
			hc.Transport = rebase{base: base, next: http.DefaultTransport}
		}
	}
	c := &twclient.Client{Credentials: twclient.NewCredentials(sid, token), HTTPClient: hc}
	c.SetAccountSid(sid)
	rc := twilio.NewRestClientWithParams(twilio.ClientParams{Client: c})
	return &Twilio{api: rc.Api, from: from}
}

// Send sends m's text to m.To. A request Twilio refuses as it is (a
// number that cannot receive SMS: 400) is permanent; anything else (a
// wrong key, 429, 5xx, the network) is retried by the worker.
func (t *Twilio) Send(ctx context.Context, m store.OutboxMail) error {
	if m.Channel != mail.ChannelSMS {
		return mail.Permanent(fmt.Errorf("sms: twilio cannot send channel %q", m.Channel))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	params := &openapi.CreateMessageParams{}
	params.SetTo(m.To)
	params.SetFrom(t.from)
	params.SetBody(m.Text)
	_, err := t.api.CreateMessage(params)
	if err == nil {
		return nil
	}
	var rest *twclient.TwilioRestError
	if errors.As(err, &rest) {
		wrapped := fmt.Errorf("sms: twilio: status %d, error %d: %s", rest.Status, rest.Code, rest.Message)
		if rest.Status == http.StatusBadRequest {
			return mail.Permanent(wrapped)
		}
		return wrapped
	}
	return fmt.Errorf("sms: twilio: %w", err)
}

// rebase sends every request to base instead of Twilio's host.
type rebase struct {
	base *url.URL
	next http.RoundTripper
}

func (r rebase) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.base.Scheme, r.base.Host
	req.Host = r.base.Host
	return r.next.RoundTrip(req)
}
