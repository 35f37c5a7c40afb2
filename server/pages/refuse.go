package pages

import (
	"net/http"
	"strconv"

	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// refuse answers a refused post (a spent budget, a foreign Origin, a stale
// CSRF token, a session ended meanwhile) with its page again and the
// message. A post from a foreign page gets no typed values back: they are
// not this visitor's.
func (p *Pages) refuse(w http.ResponseWriter, r *http.Request, sess *session.Session, status int, e api.Error, cause error) {
	lang := httpx.Lang(r)
	switch {
	case status >= 500 && store.Unavailable(cause):
		// The database is away: the same post works again in a moment.
		status, e = http.StatusServiceUnavailable, httpx.Unavailable(lang)
		p.log.WarnContext(r.Context(), "pages: database unavailable", "method", r.Method, "path", r.URL.Path, "err", cause)
	case status >= 500:
		p.log.ErrorContext(r.Context(), "pages: request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", cause)
		e = api.Error{Code: api.CodeInternal, Message: i18n.T(lang, i18n.ErrServer)}
	}
	if e.Code == api.CodeTooLarge {
		e.Message = i18n.T(lang, i18n.ErrTooLarge)
	}
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	var values map[string]string
	if !(status == http.StatusForbidden && e.Message == i18n.T(lang, i18n.ErrCrossOrigin)) {
		values = typed(r)
	}
	if sess == nil {
		// Refused before the session was loaded (a budget): the page keeps
		// the visitor's session and token, without making a new one.
		if s, err := p.guard.Sessions.Load(r); err == nil && s.Exists() {
			sess = s
		}
	}
	p.render(w, r, sess, status, r.URL.Path, prefillOf(e), values)
}

// failed answers a post the use case refused, on the page at path.
func (p *Pages) failed(w http.ResponseWriter, r *http.Request, sess *session.Session, path string, err error, pf api.Prefill) {
	status, e := httpx.Refusal(err, httpx.Lang(r), p.clock.Now())
	if status >= 500 {
		p.refuse(w, r, sess, status, e, err)
		return
	}
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	merge(&pf, e)
	p.render(w, r, sess, status, path, pf, typed(r))
}

// prefillOf is a refusal as the page shows it.
func prefillOf(e api.Error) api.Prefill {
	var pf api.Prefill
	merge(&pf, e)
	return pf
}

func merge(pf *api.Prefill, e api.Error) {
	pf.Message, pf.Code, pf.RetryAfter, pf.Until = e.Message, e.Code, e.RetryAfter, e.Until
	if len(e.Fields) > 0 {
		pf.Fields = map[string]string{}
		for k, v := range e.Fields {
			pf.Fields[k] = v.Message
		}
	}
}

// typed is what the visitor typed into the form, for the page again:
// everything but the token, the button and passwords (finish never writes
// a value into a password field; they are left out here as well).
func typed(r *http.Request) map[string]string {
	out := map[string]string{}
	for k, v := range r.PostForm {
		switch k {
		case api.FormCSRF, api.FormOp, "password":
			continue
		}
		if len(v) > 0 {
			out[k] = v[0]
		}
	}
	return out
}
