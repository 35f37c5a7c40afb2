package oidc

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/rs/cors"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

// maxFormBytes bounds the form an endpoint reads (the OAuth endpoints take
// urlencoded forms, not the API's JSON).
const maxFormBytes = 64 << 10

// Routes registers the provider's endpoints on mux. The browser's
// endpoints (authorize, continue, end_session) keep to the portal's own
// pages on every refusal that cannot go back to the app; the apps'
// endpoints (token, userinfo, revoke, keys, discovery) answer JSON and may
// be called from any origin (CORS, without cookies).
func (s *Service) Routes(mux *http.ServeMux) {
	issuer := op.NewIssuerInterceptor(s.op.IssuerFromRequest).Handler
	apps := cors.New(cors.Options{
		AllowedOrigins: []string{"*"},
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Authorization", "Content-Type"},
	}).Handler
	endpoint := func(methods string, h http.HandlerFunc) http.Handler {
		return apps(issuer(limitBody(allow(methods, noStore(h)))))
	}
	mux.Handle(DiscoveryPath, endpoint("GET", s.discovery))
	mux.Handle(KeysPath, endpoint("GET", func(w http.ResponseWriter, r *http.Request) { op.Keys(w, r, s.storage) }))
	mux.Handle(TokenPath, endpoint("POST", func(w http.ResponseWriter, r *http.Request) { op.Exchange(w, r, s.op) }))
	mux.Handle(UserinfoPath, endpoint("GET POST", s.userinfo))
	mux.Handle(RevokePath, endpoint("POST", func(w http.ResponseWriter, r *http.Request) { op.Revoke(w, r, s.op) }))

	mux.Handle(AuthorizePath, issuer(limitBody(allow("GET POST", noStore(s.withSession(s.authorize))))))
	mux.Handle("GET "+ContinuePath, issuer(noStore(s.withSession(s.continueRequest))))
	mux.Handle(EndSessionPath, issuer(limitBody(allow("GET POST", noStore(s.withSession(s.endSession))))))
}

// browserHandler is a browser endpoint of the provider, given the
// request's session.
type browserHandler func(w http.ResponseWriter, r *http.Request, sess *session.Session)

// withSession loads the session; a changed one is saved just before the
// answer starts, as the API's handlers have it (server/session.Writer).
func (s *Service) withSession(h browserHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := s.sessions.Load(r)
		if err != nil {
			s.failed(w, r, "load session", err)
			return
		}
		sw := s.sessions.Wrap(w, r, sess, s.sessionLost)
		h(sw, r, sess)
		sw.Finish()
	}
}

// failed answers a failure of the portal's own: logged with its cause, and
// a short answer that says to try again.
func (s *Service) failed(w http.ResponseWriter, r *http.Request, what string, err error) {
	s.log.ErrorContext(r.Context(), "oidc: "+what, "err", err)
	http.Error(w, "The portal could not go on with your sign-in. Please try again in a moment.", http.StatusInternalServerError)
}

// allow answers 405 to a method not in methods (space-separated); CORS
// preflights are answered before this.
func allow(methods string, h http.HandlerFunc) http.HandlerFunc {
	list := strings.Fields(methods)
	return func(w http.ResponseWriter, r *http.Request) {
		for _, m := range list {
			if r.Method == m || m == http.MethodGet && r.Method == http.MethodHead {
				h(w, r)
				return
			}
		}
		w.Header().Set("Allow", strings.Join(list, ", "))
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// noStore keeps tokens and personal answers out of every cache (RFC 6749
// §5.1 asks it of the token endpoint).
func noStore(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h(w, r)
	}
}

func limitBody(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		}
		h(w, r)
	}
}

// errorPage answers with the app's sign-in error page for reason, status
// 400, at the request's own address: a request that cannot go back to its
// app stays on the portal, and is not redirected anywhere. The page is
// prerendered with the reason; the app, which starts on the request's
// address, reads it from a short cookie (api.CookieSignInError).
func (s *Service) errorPage(w http.ResponseWriter, r *http.Request, reason string) {
	http.SetCookie(w, &http.Cookie{Name: api.CookieSignInError, Value: reason, Path: "/", MaxAge: 120,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil || strings.HasPrefix(s.issuer, "https:")})
	s.pages.ServePage(w, r, api.PageSignInError+"?reason="+url.QueryEscape(reason), http.StatusBadRequest)
}

// sessionLost answers a browser request whose session could not be saved
// (it ended meanwhile, or a parallel request changed it): the customer
// starts again from the app.
func (s *Service) sessionLost(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, session.ErrEnded) && !errors.Is(err, session.ErrConflict) {
		s.log.ErrorContext(r.Context(), "oidc: save session", "err", err)
	}
	s.errorPage(w, r, api.ReasonExpired)
}

// pageOnError replaces a refusal the library writes itself (plain text, or
// JSON where a browser is waiting) with the portal's error page. What the
// library writes after that is dropped.
type pageOnError struct {
	http.ResponseWriter
	r       *http.Request
	s       *Service
	reason  string
	dropped bool
}

// WriteHeader lets a redirect or a success through and turns a refusal into
// the error page.
func (p *pageOnError) WriteHeader(status int) {
	if p.dropped {
		return
	}
	if status < http.StatusBadRequest {
		p.ResponseWriter.WriteHeader(status)
		return
	}
	p.dropped = true
	for _, h := range []string{"Content-Type", "Content-Length", "X-Content-Type-Options"} {
		p.Header().Del(h)
	}
	p.s.log.InfoContext(p.r.Context(), "oidc: request refused on the portal's page", "path", p.r.URL.Path, "status", status)
	p.s.errorPage(p.ResponseWriter, p.r, p.reason)
}

func (p *pageOnError) Write(b []byte) (int, error) {
	if p.dropped {
		return len(b), nil
	}
	return p.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (p *pageOnError) Unwrap() http.ResponseWriter { return p.ResponseWriter }
