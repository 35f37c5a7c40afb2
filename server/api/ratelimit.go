package api

import (
	"math"
	"net/http"
	"time"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/server/ratelimit"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// throttle wraps h with the per-IP budget of group (server/ratelimit: kept
// in the database, so all processes on it share one budget per client).
func (s *Server) throttle(group string, h http.HandlerFunc) http.HandlerFunc {
	// A route with a budget nobody defined would answer every request 500:
	// fail when the routes are registered instead.
	if _, ok := ratelimit.Budgets[group]; !ok {
		panic("api: no per-IP budget " + group + " in ratelimit.Budgets")
	}
	return func(w http.ResponseWriter, r *http.Request) {
		wait, ok, err := s.limits.Allow(r.Context(), group, audit.ClientIP(r.Context()))
		if err != nil {
			fail(w, r, http.StatusInternalServerError, api.Error{}, err)
			return
		}
		if !ok {
			metrics.NoteBudget(r.Context(), "ip")
			failRate(w, r, wait)
			return
		}
		h(w, r)
	}
}

// failRate answers 429 with Retry-After in whole seconds.
func failRate(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	fail(w, r, http.StatusTooManyRequests, api.Error{
		Code: api.CodeRateLimited, RetryAfter: secs,
		Message: i18n.F(langOf(r), i18n.ErrRateLimited, "seconds", itoa(secs)),
	}, nil)
}
