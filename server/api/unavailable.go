package api

import (
	"log/slog"
	"net/http"
	"strconv"

	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// unavailable answers a request the database could not serve (stopped,
// restarting, out of connections, SQLite busy past its timeout) with 503 and
// Retry-After instead of a 500: nothing is wrong with the request, and the
// same request will succeed once the database is back. It reports whether
// cause was such a failure. The log line is sampled like a refusal: during
// an outage every request fails alike.
func unavailable(w http.ResponseWriter, r *http.Request, cause error) bool {
	if !store.Unavailable(cause) {
		return false
	}
	metrics.NoteRefusal(r.Context(), api.CodeTemporarilyUnavailable)
	if log, leftOut := refusals.admit(refusalKind(r, http.StatusServiceUnavailable, api.CodeTemporarilyUnavailable)); log {
		slog.WarnContext(r.Context(), "api: database unavailable", "method", r.Method, "path", r.URL.Path, "err", cause, "left_out", leftOut)
	}
	w.Header().Set("Retry-After", strconv.Itoa(httpx.RetryUnavailable))
	writeJSON(w, http.StatusServiceUnavailable, httpx.Unavailable(langOf(r)))
	return true
}
