package metrics

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// request is what a request's handlers tell the instrumentation about it.
type request struct {
	code   string // the error code of a refusal
	budget string // which budget a 429 ran out of
}

type ctxKey struct{}

// NoteRefusal records the error code a handler refused the request with,
// for the refusal counter. Without Instrument around the handler it does
// nothing.
func NoteRefusal(ctx context.Context, code string) {
	if r, ok := ctx.Value(ctxKey{}).(*request); ok {
		r.code = code
	}
}

// NoteBudget records which budget a 429 ran out of ("ip" or "account").
func NoteBudget(ctx context.Context, budget string) {
	if r, ok := ctx.Value(ctxKey{}).(*request); ok {
		r.budget = budget
	}
}

// Instrument counts every request next answers, by the route pattern the
// mux matched (never the raw path, which a client can vary without end),
// and times it. Put it directly around the http.ServeMux: the mux records
// the pattern on the request it is handed.
func (m *Metrics) Instrument(next http.Handler) http.Handler {
	if m == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		note := &request{}
		r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, note))
		rec := &StatusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		route := r.Pattern
		if route == "" {
			route = "unrouted"
		}
		status := rec.Status()
		code := strconv.Itoa(status)
		m.requests.WithLabelValues(route, r.Method, code).Inc()
		m.latency.WithLabelValues(route, code).Observe(time.Since(start).Seconds())
		if status >= 400 && status < 500 {
			m.refusals.WithLabelValues(route, code, note.code).Inc()
		}
		if status == http.StatusTooManyRequests {
			budget := note.budget
			if budget == "" {
				budget = "account"
			}
			m.rateLimited.WithLabelValues(route, budget).Inc()
		}
	})
}

// StatusRecorder remembers the status a handler answered with.
type StatusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the first status.
func (s *StatusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *StatusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Status is the status answered (200 when the handler wrote nothing).
func (s *StatusRecorder) Status() int {
	if s.status == 0 {
		return http.StatusOK
	}
	return s.status
}

// Unwrap lets http.ResponseController reach the writer underneath.
func (s *StatusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
