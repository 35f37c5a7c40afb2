package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

// countLogin counts a sign-in step for the metrics: the method it proves
// (the password; for the second step the factor the login waited for; for
// a confirmation link the e-mailed link) and where it led. It reads the
// session before and after the handler, so no use case needs to know about
// metrics.
func (s *Server) countLogin(h sessionHandler) sessionHandler {
	return func(w http.ResponseWriter, r *http.Request, sess *session.Session) {
		method := auth.MethodPassword
		switch r.Pattern {
		case "POST " + api.PathLoginCode:
			method = "unknown"
			if f, ok := sess.Flow(); ok && f.Method != "" {
				method = f.Method
			}
		case "POST " + api.PathConfirm:
			method = auth.MethodEmailLink
		}
		rec := &metrics.StatusRecorder{ResponseWriter: w}
		h(rec, r, sess)
		outcome := loginOutcome(rec.Status(), sess)
		if outcome == "" {
			return // a confirmation link that signs nothing in is no login
		}
		s.metrics.Login(method, outcome)
	}
}

// loginOutcome names where a sign-in step led by its answer.
func loginOutcome(status int, sess *session.Session) string {
	switch {
	case status == http.StatusOK && sess.Full():
		return "success"
	case status == http.StatusOK && sess.State() == api.StateSecondStep:
		return "second_factor"
	case status == http.StatusOK:
		return ""
	case status == http.StatusLocked:
		return "blocked"
	case status == http.StatusTooManyRequests:
		return "rate_limited"
	case status == http.StatusForbidden:
		return "not_confirmed"
	case status >= 500:
		return "error"
	}
	return "failure"
}
