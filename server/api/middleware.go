package api

import (
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// contentSecurityPolicy allows the app's own scripts and the WebAssembly
// ('wasm-unsafe-eval' is what instantiating app.wasm needs) and no inline
// script: go-app's pages load wasm_exec.js and app.js as files. go-app sets
// element styles from Go through the CSSOM, which CSP does not restrict, and
// the app sets no style attributes, so style-src needs no 'unsafe-inline'.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// SecurityHeaders sets the strict headers on every response.
func SecurityHeaders(secure bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		if secure {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// ClientIP stores the client's address in the request context: the peer
// address, or — only when the peer is a trusted proxy — the right-most
// X-Forwarded-For entry that is not itself a trusted proxy. Every header
// line counts: a proxy may append its own line instead of extending the
// client's, and reading only the first line let the client pick its address.
func ClientIP(trusted []*net.IPNet, next http.Handler) http.Handler {
	isTrusted := func(ip net.IP) bool {
		for _, n := range trusted {
			if n.Contains(ip) {
				return true
			}
		}
		return false
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := r.RemoteAddr
		if peer := parseHop(r.RemoteAddr); peer != nil {
			client = peer.String()
			if isTrusted(peer) {
				client = forwardedClient(r.Header.Values("X-Forwarded-For"), isTrusted, peer).String()
			}
		}
		next.ServeHTTP(w, r.WithContext(audit.WithClientIP(r.Context(), client)))
	})
}

// forwardedClient walks the X-Forwarded-For entries of every header line
// from the right, past the trusted proxies, to the first address a trusted
// proxy saw and did not itself own. Everything left of it was written by the
// client and is ignored. An entry that is no address can only come from a
// proxy (a client's own entries lie further left), so the walk stops there at
// the last good hop rather than trusting anything beyond it.
func forwardedClient(lines []string, isTrusted func(net.IP) bool, peer net.IP) net.IP {
	client := peer
	for i := len(lines) - 1; i >= 0; i-- {
		hops := strings.Split(lines[i], ",")
		for j := len(hops) - 1; j >= 0; j-- {
			hop := strings.TrimSpace(hops[j])
			if hop == "" {
				continue
			}
			ip := parseHop(hop)
			if ip == nil {
				return client
			}
			client = ip
			if !isTrusted(ip) {
				return client
			}
		}
	}
	return client
}

// parseHop reads an address with or without a port ("203.0.113.7",
// "[2001:db8::1]:443"); nil if it is neither.
func parseHop(s string) net.IP {
	if ip := net.ParseIP(s); ip != nil {
		return ip
	}
	if host, _, err := net.SplitHostPort(s); err == nil {
		return net.ParseIP(host)
	}
	return nil
}

// sameOrigin reports whether a state-changing request comes from the portal's
// own pages: its Origin must be the configured BASE_URL's origin or the
// origin the request itself was addressed to.
func (s *Server) sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || origin == "null" {
		return false
	}
	base := s.cfg.BaseURL.Scheme + "://" + s.cfg.BaseURL.Host
	if origin == base {
		return true
	}
	scheme := "http"
	if r.TLS != nil || s.cfg.Secure() {
		scheme = "https"
	}
	return origin == scheme+"://"+r.Host
}

func itoa(n int) string { return strconv.Itoa(n) }

// sessionHandler is a handler that gets the request's session.
type sessionHandler func(w http.ResponseWriter, r *http.Request, sess *session.Session)

// withSession loads the session; for state-changing methods it first checks
// the Origin and the session's CSRF token. The session is saved, if it
// changed, just before the answer starts: handlers never save it.
func (s *Server) withSession(h sessionHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := s.sessions.Load(r)
		if err != nil {
			fail(w, r, http.StatusInternalServerError, api.Error{}, err)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			lang := langOf(r)
			if !s.sameOrigin(r) {
				fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeCSRF, Message: i18n.T(lang, i18n.ErrCrossOrigin)}, nil)
				return
			}
			tok := r.Header.Get(api.HeaderCSRF)
			if tok == "" || !sess.Exists() || !auth.EqualTokens(tok, sess.CSRF()) {
				fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeCSRF, Message: i18n.T(lang, i18n.ErrStalePage)}, nil)
				return
			}
		}
		sw := s.sessions.Wrap(w, r, sess, sessionLost)
		h(sw, r, sess)
		sw.Finish()
	}
}

// sessionLost answers a request whose session could not be saved: it was
// ended (logout elsewhere, a password change) while the request ran, or a
// parallel request changed it.
func sessionLost(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	switch {
	case errors.Is(err, session.ErrEnded):
		fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: i18n.T(lang, i18n.ErrSession)}, nil)
	case errors.Is(err, session.ErrConflict):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(lang, i18n.ErrSessionChanged)}, nil)
	default:
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
	}
}

// full allows only fully signed-in sessions (not one waiting for its code).
func (s *Server) full(h sessionHandler) http.HandlerFunc {
	return s.withSession(func(w http.ResponseWriter, r *http.Request, sess *session.Session) {
		if !sess.Full() {
			fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: i18n.T(langOf(r), i18n.ErrSession)}, nil)
			return
		}
		if s.needsConsent(w, r, sess) {
			return
		}
		h(w, r, sess)
	})
}
