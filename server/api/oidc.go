package api

import (
	"errors"
	"net/http"

	"github.com/minicorp/miniid/server/oidc"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// oidcRoutes are the endpoints of the app's OpenID Connect pages: the
// consent screen and "Connected apps". The provider's own endpoints are
// server/oidc's.
func (s *Server) oidcRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+api.PathAuthorization, s.full(s.authorization))
	mux.HandleFunc("POST "+api.PathConsent, s.full(s.consent))
	mux.HandleFunc("GET "+api.PathApps, s.full(s.apps))
	mux.HandleFunc("POST "+api.PathAppRemove, s.full(s.removeApp))
}

// returnOf is where the app goes once the session is signed in, when an
// app's sign-in waits for it (nil when none does).
func (s *Server) returnOf(sess *session.Session) *api.Return {
	r, ok := sess.Return(s.clock.Now())
	if !ok {
		return nil
	}
	return &api.Return{To: r.Path, App: s.appName(r.Client), LoginHint: r.Hint, Reauth: r.Fresh}
}

// leaveOf is where an app that logged out waits (the sign-out page).
func (s *Server) leaveOf(sess *session.Session) *api.Return {
	l, ok := sess.Leave(s.clock.Now())
	if !ok {
		return nil
	}
	return &api.Return{To: l.URI, App: s.appName(l.Client)}
}

func (s *Server) appName(id string) string {
	if s.oidc == nil {
		return ""
	}
	if c := s.oidc.Client(id); c != nil {
		return c.Name()
	}
	return ""
}

func (s *Server) authorization(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	out, err := s.oidc.Authorization(r.Context(), sess, r.URL.Query().Get("id"))
	if err != nil {
		s.failOIDC(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) consent(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.ConsentRequest
	if !decode(w, r, &req) {
		return
	}
	out, err := s.oidc.Decide(r.Context(), sess, req.ID, req.Allow)
	if err != nil {
		s.failOIDC(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apps(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	out, err := s.oidc.Apps(r.Context(), sess.UserID())
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) removeApp(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.RemoveAppRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.oidc.RemoveApp(r.Context(), sess.UserID(), req.ID, meta(r)); err != nil {
		s.failOIDC(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}

// failOIDC maps the provider's use-case errors.
func (s *Server) failOIDC(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	switch {
	case errors.Is(err, oidc.ErrNoRequest):
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(lang, i18n.AppRequestGone)}, nil)
	case errors.Is(err, oidc.ErrNoApp):
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(lang, i18n.AppNotConnected)}, nil)
	default:
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
	}
}
