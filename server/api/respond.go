package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// writeJSON writes v with status. Every API answer is personal or
// per-session, so none may be stored by a cache.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// fail writes the error envelope and logs: 5xx at error level with the cause
// (the client sees only a generic message), 4xx — a refusal, the client's
// affair — at info level and sampled (see refusals.go). A 5xx whose cause
// is the database being out of reach answers 503 instead (unavailable.go).
func fail(w http.ResponseWriter, r *http.Request, status int, e api.Error, cause error) {
	if status >= 500 && unavailable(w, r, cause) {
		return
	}
	metrics.NoteRefusal(r.Context(), e.Code) // counted whether or not the log samples it
	if status >= 500 {
		slog.ErrorContext(r.Context(), "api: request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", cause)
		e = api.Error{Code: api.CodeInternal, Message: i18n.T(langOf(r), i18n.ErrServer)}
	} else if log, leftOut := refusals.admit(refusalKind(r, status, e.Code)); log {
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", status, "code", e.Code}
		if cause != nil {
			attrs = append(attrs, "err", cause.Error())
		}
		if leftOut > 0 {
			attrs = append(attrs, "left_out", leftOut)
		}
		slog.InfoContext(r.Context(), "api: request refused", attrs...)
	}
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	writeJSON(w, status, e)
}

// failFields answers 400 with a message per field, in the caller's language.
func failFields(w http.ResponseWriter, r *http.Request, fields map[string]string) {
	fail(w, r, http.StatusBadRequest, httpx.FieldErrors(langOf(r), fields), nil)
}

// langOf picks the language of answers (httpx.Lang).
func langOf(r *http.Request) string { return httpx.Lang(r) }
