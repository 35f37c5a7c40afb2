// Package notify writes the mails and text messages the use cases send:
// it composes a kind of mail in the customer's language, puts it into the
// outbox inside the transaction of the change that causes it, and wakes the
// mail worker once that change has committed.
package notify

import (
	"context"
	"fmt"
	"net/url"
	"time"
	_ "time/tzdata" // mails name Europe/Berlin times, also on a machine without zoneinfo

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/i18n"
)

// Waker is told when there is new mail (the outbox worker).
type Waker interface{ Kick() }

// Notifier composes and enqueues mail.
type Notifier struct {
	clock   clock.Clock
	baseURL *url.URL
	brand   string
	waker   Waker
	// enqueued, when set, is told of each message written (the metrics).
	enqueued func(kind mail.Kind)
}

// ObserveEnqueued makes the Notifier report each message it writes to the
// outbox. Call it before the Notifier is used.
func (n *Notifier) ObserveEnqueued(f func(kind mail.Kind)) { n.enqueued = f }

// New returns a Notifier whose links point into baseURL and whose mails
// speak of brand; waker may be nil (nothing to wake).
func New(clk clock.Clock, baseURL *url.URL, brand string, waker Waker) *Notifier {
	return &Notifier{clock: clk, baseURL: baseURL, brand: brand, waker: waker}
}

// Send composes kind for u in u's language and writes it to the outbox
// inside tx, addressed to to (an address or, for an SMS kind, a number). u
// may be nil for a mail that belongs to no account; a u with ID 0 (the
// farewell of a deleted account) is not tied to the account either.
func (n *Notifier) Send(ctx context.Context, tx bun.IDB, u *store.User, to string, kind mail.Kind, d mail.Data) error {
	d.Brand = n.brand
	lang := i18n.English
	var uid *int64
	if u != nil {
		lang = u.Language
		if d.Name == "" {
			d.Name = DisplayName(u)
		}
		if u.ID != 0 {
			id := u.ID
			uid = &id
		}
	}
	subject, text, html, err := mail.Compose(kind, lang, d)
	if err != nil {
		return fmt.Errorf("notify: compose %s: %w", kind, err)
	}
	msg := mail.Message{Channel: kind.Channel(), To: to, Subject: subject, Text: text, HTML: html, UserID: uid}
	if err := mail.Enqueue(ctx, tx, n.clock.Now(), msg); err != nil {
		return fmt.Errorf("notify: %s: %w", kind, err)
	}
	if n.enqueued != nil {
		n.enqueued(kind)
	}
	return nil
}

// Kick wakes the mail worker; call it after the transaction committed.
func (n *Notifier) Kick() {
	if n.waker != nil {
		n.waker.Kick()
	}
}

// Link is an absolute link to path in the portal, with token when given.
func (n *Notifier) Link(path, token string) string {
	u := *n.baseURL
	u.Path = path
	if token != "" {
		u.RawQuery = url.Values{"token": {token}}.Encode()
	}
	return u.String()
}

// DisplayName is how mails greet u: "Anna Müller", or what there is of it.
func DisplayName(u *store.User) string {
	switch {
	case u.FirstName == "":
		return u.LastName
	case u.LastName == "":
		return u.FirstName
	}
	return u.FirstName + " " + u.LastName
}

// berlin is the portal's time zone for mails.
var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// FormatTime writes t for a reader of lang in the portal's time zone, naming
// the zone (a mail cannot know the reader's).
func FormatTime(t time.Time, lang string) string {
	t = t.In(berlin)
	if i18n.Lang(lang) == i18n.German {
		return t.Format("02.01.2006, 15:04 Uhr (MST)")
	}
	return t.Format("2 Jan 2006, 15:04 (MST)")
}
