package mail

import (
	"strings"
	"time"

	"github.com/minicorp/miniid/server/store"
)

// backoff is the wait after the attempts-th failure: BaseBackoff doubled
// for each earlier failure, capped at MaxBackoff, plus up to a quarter of
// it as jitter.
func (w *Worker) backoff(attempts int) time.Duration {
	d := w.opts.MaxBackoff
	if shift := attempts - 1; shift < 32 {
		if b := w.opts.BaseBackoff << shift; b > 0 && b < d {
			d = b
		}
	}
	if q := d / 4; q > 0 {
		d += w.opts.Jitter(q)
	}
	return d
}

// maxErrorLen bounds the last_error kept per row.
const maxErrorLen = 500

// redact prepares a send error for the database and the log: the recipient
// and subject are cut out (providers like to echo them) and the length is
// bounded. Senders never put the body into their errors.
func redact(reason string, m store.OutboxMail) string {
	for _, s := range []string{m.To, m.Subject} {
		if s != "" {
			reason = strings.ReplaceAll(reason, s, "[redacted]")
		}
	}
	if len(reason) > maxErrorLen {
		reason = reason[:maxErrorLen]
	}
	// PostgreSQL refuses invalid UTF-8, such as a rune cut in half.
	return strings.ToValidUTF8(reason, "")
}

// recipientDomain is the part of an e-mail address after the last "@"; an
// SMS recipient (a phone number) is not logged at all.
func recipientDomain(m store.OutboxMail) string {
	if m.Channel != ChannelEmail {
		return ""
	}
	if i := strings.LastIndexByte(m.To, '@'); i >= 0 {
		return m.To[i+1:]
	}
	return ""
}
