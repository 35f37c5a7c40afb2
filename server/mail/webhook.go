package mail

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/mailgun/mailgun-go/v4"
	"github.com/mailgun/mailgun-go/v4/events"
)

// Reasons an address does not receive mail.
const (
	Bounced    = "bounced"    // the receiving server refused it for good
	Complained = "complained" // its owner marked our mail as spam
)

// Errors of a webhook request that is not Mailgun's.
var (
	ErrBadSignature = errors.New("mail: webhook signature does not verify")
	ErrStale        = errors.New("mail: webhook timestamp too old or in the future")
)

// webhookWindow is how far a webhook's timestamp may be from now: a
// captured request cannot be replayed later.
const webhookWindow = 15 * time.Minute

// Delivery is what a Mailgun event says about an address: Reason is
// Bounced or Complained, "" for an event that changes nothing (a delivery,
// a temporary failure, an open).
type Delivery struct {
	Recipient string
	Reason    string
}

// ParseMailgunWebhook checks a webhook request of Mailgun (its HMAC
// signature under the webhook signing key, made by mailgun-go, and its
// timestamp) and reads the event.
func ParseMailgunWebhook(signingKey string, body []byte, now time.Time) (Delivery, error) {
	var payload mailgun.WebhookPayload
	if err := json.Unmarshal(body, &payload); err != nil {
		return Delivery{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	mg := mailgun.NewMailgun("webhook", "unused")
	mg.SetWebhookSigningKey(signingKey)
	ok, err := mg.VerifyWebhookSignature(payload.Signature)
	if err != nil || !ok {
		return Delivery{}, ErrBadSignature
	}
	ts, err := strconv.ParseInt(payload.Signature.TimeStamp, 10, 64)
	if err != nil || math.Abs(now.Sub(time.Unix(ts, 0)).Seconds()) > webhookWindow.Seconds() {
		return Delivery{}, ErrStale
	}
	ev, err := mailgun.ParseEvent(payload.EventData)
	if err != nil {
		return Delivery{}, nil // an event kind mailgun-go does not know changes nothing here
	}
	switch e := ev.(type) {
	case *events.Failed:
		if e.Severity == "permanent" {
			return Delivery{Recipient: e.Recipient, Reason: Bounced}, nil
		}
	case *events.Complained:
		return Delivery{Recipient: e.Recipient, Reason: Complained}, nil
	}
	return Delivery{}, nil
}
