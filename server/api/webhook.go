package api

import (
	"errors"
	"io"
	"net/http"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// maxWebhookBody bounds a Mailgun event (they are a few kilobytes).
const maxWebhookBody = 256 << 10

// mailgunWebhook takes Mailgun's bounce and complaint events: signed by
// Mailgun (not by a browser, so no session or CSRF token), it marks an
// address undeliverable; the profile then shows it and the login suggests
// checking it. A request that does not verify gets 406, which Mailgun
// takes as "do not retry".
func (s *Server) mailgunWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxWebhookBody))
	if err != nil {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	d, err := mail.ParseMailgunWebhook(s.cfg.Care.MailgunWebhookKey, body, s.clock.Now())
	if errors.Is(err, mail.ErrBadSignature) || errors.Is(err, mail.ErrStale) {
		s.log.Warn("webhook: refused", "err", err.Error())
		http.Error(w, "signature does not verify", http.StatusNotAcceptable)
		return
	}
	if err != nil {
		http.Error(w, "failed", http.StatusInternalServerError)
		return
	}
	if d.Reason != "" && d.Recipient != "" {
		a := &store.UndeliverableAddress{Email: validate.NormalizeEmail(d.Recipient), Reason: d.Reason, ReportedAt: s.clock.Now()}
		if err := store.MarkUndeliverable(r.Context(), s.db, a); err != nil {
			s.log.Error("webhook: mark undeliverable", "err", err)
			http.Error(w, "failed", http.StatusInternalServerError)
			return
		}
		s.log.Info("webhook: address undeliverable", "reason", d.Reason)
	}
	w.WriteHeader(http.StatusOK)
}

// undeliverable says why mail to the account's address does not arrive
// ("" when it does, or when that cannot be read now).
func (s *Server) undeliverable(r *http.Request, userID int64) string {
	u, err := store.UserByID(r.Context(), s.db, userID)
	if err != nil {
		return ""
	}
	reason, _ := store.UndeliverableReason(r.Context(), s.db, u.Email)
	return reason
}
