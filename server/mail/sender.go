package mail

import (
	"context"
	"errors"

	"github.com/minicorp/miniid/server/store"
)

// Sender delivers one outbox row (the "Mailer"). A returned error makes the
// Worker try again later, unless it is marked with Permanent.
type Sender interface {
	Send(ctx context.Context, m store.OutboxMail) error
}

// SMSSender delivers rows of ChannelSMS. It has Sender's shape, so the dev
// mailbox serves as both; it is a name of its own so that an SMS provider
// can be plugged in without touching e-mail.
type SMSSender interface {
	Send(ctx context.Context, m store.OutboxMail) error
}

// permanentError marks an error that no retry can fix.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as one that retrying cannot fix (a refused address, no
// provider configured): the Worker gives the row up at once.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err, or an error it wraps, was marked with
// Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

// ErrNoSMSProvider is what NoSMSProvider answers.
var ErrNoSMSProvider = errors.New("mail: no SMS provider configured")

// NoSMSProvider is the SMS sender of a production portal that has no SMS
// provider: every SMS fails permanently, so its outbox row is marked dead at
// the first attempt and logged with slog.Error, instead of being retried or
// silently dropped.
func NoSMSProvider() SMSSender { return noSMS{} }

type noSMS struct{}

var _ SMSSender = noSMS{}

func (noSMS) Send(context.Context, store.OutboxMail) error { return Permanent(ErrNoSMSProvider) }
