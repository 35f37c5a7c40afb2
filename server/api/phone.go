package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// phoneOffered refuses to send a Phone ID code when the portal has no way
// to deliver a text message (production without Twilio): better an honest
// "not available" than a code that never arrives.
func (s *Server) phoneOffered(h sessionHandler) sessionHandler {
	return func(w http.ResponseWriter, r *http.Request, sess *session.Session) {
		if !s.cfg.SMSAvailable() {
			fail(w, r, http.StatusConflict, api.Error{Code: api.CodeUnavailable, Message: i18n.T(langOf(r), i18n.PhoneUnavailable)}, nil)
			return
		}
		h(w, r, sess)
	}
}
