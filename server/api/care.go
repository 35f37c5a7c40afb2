package api

import (
	"net/http"

	"github.com/minicorp/miniid/shared/api"
)

// careRoutes registers customer care and self-service: the support
// console, the security question, the data export, the profile picture,
// consents, the undo of a deletion and Mailgun's webhook.
func (s *Server) careRoutes(mux *http.ServeMux) {
	s.supportRoutes(mux)
	s.questionRoutes(mux)
	mux.HandleFunc("POST "+api.PathExport, s.throttle("mail", s.full(s.exportData)))
	mux.HandleFunc("GET "+api.PathPicture, s.full(s.picture))
	mux.HandleFunc("POST "+api.PathPicture, s.throttle("upload", s.full(s.uploadPicture)))
	mux.HandleFunc("DELETE "+api.PathPicture, s.full(s.removePicture))
	mux.HandleFunc("POST "+api.PathConsents, s.full(s.acceptConsents))
	mux.HandleFunc("POST "+api.PathRestore, s.throttle("reset", s.withSession(s.restore)))
	if s.cfg.Care.MailgunWebhookKey != "" {
		mux.HandleFunc("POST "+api.PathMailgunWebhook, s.mailgunWebhook)
	}
}
