package api

import (
	"net/http"
	"time"

	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

// throttle wraps h with the per-IP budget of group (server/ratelimit: kept
// in the database, so every process and the HTML forms spend from one
// budget per client).
func (s *Server) throttle(group string, h http.HandlerFunc) http.HandlerFunc {
	return s.guard.Throttle(group, refuse, h)
}

// refuse is fail in the shape httpx.Guard calls it.
func refuse(w http.ResponseWriter, r *http.Request, _ *session.Session, status int, e api.Error, cause error) {
	fail(w, r, status, e, cause)
}

// failRate answers 429 with Retry-After in whole seconds.
func failRate(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	fail(w, r, http.StatusTooManyRequests, httpx.RateError(langOf(r), wait), nil)
}
