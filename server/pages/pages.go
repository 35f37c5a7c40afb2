// Package pages serves the entry pages (log in, second step, register,
// confirmation, forgot and reset password) as complete HTML whose forms
// work before, or without, the app: go-app prerenders each page from the
// same components the app runs, and this package adds what only the request
// knows (language, CSRF token, typed values, the outcome of a post). The
// forms post application/x-www-form-urlencoded to the page's own route;
// each post goes through the same use cases, budgets, Origin and CSRF
// checks as the JSON API (server/httpx), and is answered with the next page
// (303) or the same page again with what went wrong, in the reader's
// language.
package pages

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/minicorp/miniid/server/account"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/web"
	"github.com/minicorp/miniid/shared/api"
)

// maxFormBytes bounds a form post (the JSON API's limit).
const maxFormBytes = api.MaxBodyBytes

// Pages holds what the handlers need.
type Pages struct {
	auth    *auth.Service
	account *account.Service
	guard   *httpx.Guard
	clock   clock.Clock
	web     http.Handler
	api     http.Handler // the JSON API, for the answers a help page shows
	log     *slog.Logger
	secure  bool
}

// Deps are the parts the pages are built on.
type Deps struct {
	Auth    *auth.Service
	Account *account.Service
	Guard   *httpx.Guard // shared with the API: the same budgets and checks
	Clock   clock.Clock
	Web     http.Handler // go-app's pages (server/web)
	API     http.Handler // the JSON API's routes (the help pages show its answers)
	Log     *slog.Logger
}

// New returns the pages.
func New(d Deps) *Pages {
	return &Pages{auth: d.Auth, account: d.Account, guard: d.Guard, clock: d.Clock, web: d.Web, api: d.API, log: d.Log, secure: d.Guard.Secure}
}

// Routes registers the entry pages (GET and their form posts) on mux, and
// every other page through Wrap.
func (p *Pages) Routes(mux *http.ServeMux) {
	forms := []struct {
		path   string
		get    httpx.SessionHandler
		post   httpx.SessionHandler
		group  string // the API budget of the post
		resend string // the budget of its op=resend
	}{
		{api.PageLogin, p.showLogin, p.login, "login", "mail"},
		{api.PageLoginCode, p.showLoginCode, p.loginCode, "code", "mail"},
		{api.PageRegister, p.showRegister, p.register, "register", "mail"},
		{api.PageConfirmPending, p.showConfirmPending, p.confirmPending, "mail", "mail"},
		{api.PageConfirm, p.showConfirm, p.confirm, "reset", "mail"},
		{api.PageForgot, p.showForm(api.PageForgot), p.forgot, "mail", "mail"},
		{api.PageReset, p.showReset, p.reset, "reset", "reset"},
	}
	for _, f := range forms {
		mux.HandleFunc("GET "+f.path, p.guard.Throttle("session", p.refuse, p.guard.WithSession(p.refuse, formToken, f.get)))
		mux.HandleFunc("POST "+f.path, p.posted(f.group, f.resend, p.guard.WithSession(p.refuse, formToken, f.post)))
	}
	mux.HandleFunc("GET /help", p.help)
	mux.HandleFunc("GET /help/{slug}", p.help)
	mux.Handle("/", p.Wrap(p.web))
}

// Wrap renders every other app page in the reader's language (no session
// is made for them) and passes the rest on.
func (p *Pages) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || !web.IsPage(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		p.render(w, r, nil, http.StatusOK, r.URL.Path, api.Prefill{}, nil)
	})
}

// formToken reads the CSRF token of a form post.
func formToken(r *http.Request) string { return r.PostFormValue(api.FormCSRF) }

// posted bounds and parses the form, then spends the post's budget: group,
// or resend for the form's second button (op=resend).
func (p *Pages) posted(group, resend string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			p.refuse(w, r, nil, http.StatusRequestEntityTooLarge, api.Error{Code: api.CodeTooLarge}, nil)
			return
		}
		g := group
		if r.PostForm.Get(api.FormOp) == api.OpResend {
			g = resend
		}
		p.guard.Throttle(g, p.refuse, h)(w, r)
	}
}

// showForm renders a form page as it is.
func (p *Pages) showForm(path string) httpx.SessionHandler {
	return func(w http.ResponseWriter, r *http.Request, sess *session.Session) {
		p.page(w, r, sess, path, api.Prefill{}, nil)
	}
}

// page renders path with status 200 for a session that will post its form.
func (p *Pages) page(w http.ResponseWriter, r *http.Request, sess *session.Session, path string, pf api.Prefill, values map[string]string) {
	p.render(w, r, sess, http.StatusOK, path, pf, values)
}

// render has go-app prerender path in the reader's language with pf, then
// finishes it for this request. A form page needs a session for its CSRF
// token: one is made for a visitor without.
func (p *Pages) render(w http.ResponseWriter, r *http.Request, sess *session.Session, status int, path string, pf api.Prefill, values map[string]string) {
	pf.Lang = httpx.Lang(r)
	r2 := r.Clone(r.Context())
	r2.Method, r2.Body, r2.ContentLength = http.MethodGet, http.NoBody, 0
	r2.URL = &url.URL{Path: path, Fragment: pf.Encode()}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		r2.URL.RawQuery = r.URL.RawQuery
	}
	r2.Header.Del("If-None-Match")
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	p.web.ServeHTTP(rec, r2)
	if rec.status != http.StatusOK && rec.status != http.StatusNotFound {
		copyHeader(w.Header(), rec.header)
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
		return
	}
	if rec.status == http.StatusNotFound {
		status = http.StatusNotFound
	}
	fin := finishing{lang: pf.Lang, values: values, path: path,
		base: strings.TrimRight(p.guard.Base.String(), "/"), prefill: pf}
	if sess != nil {
		if !sess.Exists() {
			sess.Persist()
		}
		fin.csrf = sess.CSRF()
	}
	out, err := finish(rec.body.Bytes(), fin)
	if err != nil {
		p.log.ErrorContext(r.Context(), "pages: render failed", "path", path, "err", err)
		http.Error(w, "The page could not be shown. Reload it in a moment.", http.StatusInternalServerError)
		return
	}
	copyHeader(w.Header(), rec.header)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(out)))
	h.Set("Content-Language", fin.lang)
	// The page holds this session's CSRF token and the reader's words:
	// only this browser may keep it, and it asks again each time.
	// A page with what this visitor sent or is (an address, a form's
	// answer) is not kept at all: the service worker keeps no no-store page.
	personal := fin.prefill
	personal.Data = nil // the help centre's words are nobody's
	if personal.Empty() && len(values) == 0 {
		h.Set("Cache-Control", "private, no-cache")
	} else {
		h.Set("Cache-Control", "no-store")
	}
	h.Add("Vary", "Cookie, Accept-Language")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(out)
	}
}

// redirect answers a post with the next page.
func redirect(w http.ResponseWriter, path string) {
	w.Header().Set("Location", path)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusSeeOther)
}

// recorder keeps go-app's answer for finishing.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}

func copyHeader(dst, src http.Header) {
	for k, v := range src {
		switch k {
		case "Content-Length", "Etag", "Content-Type":
			continue
		}
		dst[k] = v
	}
}
