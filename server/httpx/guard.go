// Package httpx holds what the JSON API (server/api) and the HTML entry
// pages (server/pages) both need around their handlers: the per-IP budgets
// (server/ratelimit's, in the database), the Origin and CSRF checks with the
// session loaded around a handler, the reader's language, and the words for
// the use cases' refusals. Both answer the same request the same way, each
// in its own format.
package httpx

import (
	"errors"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/metrics"
	"github.com/minicorp/miniid/server/ratelimit"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Refuse answers a refused request in the caller's format: the API's JSON
// envelope, or a page again with the message. sess is the request's session
// (nil before it could be loaded).
type Refuse func(w http.ResponseWriter, r *http.Request, sess *session.Session, status int, e api.Error, cause error)

// SessionHandler is a handler that gets the request's session.
type SessionHandler func(w http.ResponseWriter, r *http.Request, sess *session.Session)

// Guard loads the session around a handler and checks state-changing
// requests: the same Origin and CSRF rules for the API and the HTML forms.
type Guard struct {
	Sessions *session.Store
	Base     *url.URL // BASE_URL
	Secure   bool
	// Limits are the per-IP budgets; the API and the HTML forms share them,
	// so a form post and an API call spend the same budget.
	Limits *ratelimit.Limiter
}

// WithSession loads the session; for state-changing methods it first checks
// the Origin and the session's CSRF token, which token reads from the
// request (the API's header, a form's hidden field). The session is saved,
// if it changed, just before the answer starts: handlers never save it.
func (g *Guard) WithSession(refuse Refuse, token func(*http.Request) string, h SessionHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := g.Sessions.Load(r)
		if err != nil {
			refuse(w, r, nil, http.StatusInternalServerError, api.Error{}, err)
			return
		}
		sw := g.Sessions.Wrap(w, r, sess, func(w http.ResponseWriter, r *http.Request, err error) {
			lost(refuse, w, r, err)
		})
		defer sw.Finish()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			lang := Lang(r)
			if !SameOrigin(g.Base, g.Secure, r) {
				refuse(sw, r, sess, http.StatusForbidden, api.Error{Code: api.CodeCSRF, Message: i18n.T(lang, i18n.ErrCrossOrigin)}, nil)
				return
			}
			tok := token(r)
			if tok == "" || !sess.Exists() || !auth.EqualTokens(tok, sess.CSRF()) {
				refuse(sw, r, sess, http.StatusForbidden, api.Error{Code: api.CodeCSRF, Message: i18n.T(lang, i18n.ErrStalePage)}, nil)
				return
			}
		}
		h(sw, r, sess)
	}
}

// lost answers a request whose session could not be saved: it was ended
// (logout elsewhere, a password change) while the request ran, or a
// parallel request changed it.
func lost(refuse Refuse, w http.ResponseWriter, r *http.Request, err error) {
	lang := Lang(r)
	switch {
	case errors.Is(err, session.ErrEnded):
		refuse(w, r, nil, http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: i18n.T(lang, i18n.ErrSession)}, nil)
	case errors.Is(err, session.ErrConflict):
		refuse(w, r, nil, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(lang, i18n.ErrSessionChanged)}, nil)
	default:
		refuse(w, r, nil, http.StatusInternalServerError, api.Error{}, err)
	}
}

// Throttle wraps h with the per-IP budget of group.
func (g *Guard) Throttle(group string, refuse Refuse, h http.HandlerFunc) http.HandlerFunc {
	// A route with a budget nobody defined would answer every request 500:
	// fail when the routes are registered instead.
	if _, ok := ratelimit.Budgets[group]; !ok {
		panic("httpx: no per-IP budget " + group + " in ratelimit.Budgets")
	}
	return func(w http.ResponseWriter, r *http.Request) {
		wait, ok, err := g.Limits.Allow(r.Context(), group, audit.ClientIP(r.Context()))
		if err != nil {
			refuse(w, r, nil, http.StatusInternalServerError, api.Error{}, err) // 503 if the database is away
			return
		}
		if !ok {
			metrics.NoteBudget(r.Context(), "ip")
			refuse(w, r, nil, http.StatusTooManyRequests, RateError(Lang(r), wait), nil)
			return
		}
		h(w, r)
	}
}

// RateError is the refusal of a request over its budget: wait whole
// seconds (at least one).
func RateError(lang string, wait time.Duration) api.Error {
	secs := max(int(math.Ceil(wait.Seconds())), 1)
	return api.Error{
		Code: api.CodeRateLimited, RetryAfter: secs,
		Message: i18n.F(lang, i18n.ErrRateLimited, "seconds", strconv.Itoa(secs)),
	}
}
