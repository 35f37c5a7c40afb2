package oidc

import (
	"context"
	"net/http"

	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/shared/api"
)

// authorize is the authorization endpoint. The app and its redirect_uri
// are checked here first, exactly: a request for an unknown app or an
// address the app did not register gets the portal's error page and never
// a redirect. The rest is the library's (with the portal's checks in
// ValidateAuthRequest); the request it stores is bound to this browser's
// device cookie, given one here if it has none.
func (s *Service) authorize(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, api.ReasonInvalid)
		return
	}
	c := s.clients.Get(r.Form.Get("client_id"))
	if c == nil {
		s.errorPage(w, r, api.ReasonUnknownApp)
		return
	}
	if !c.HasRedirect(r.Form.Get("redirect_uri")) {
		s.errorPage(w, r, api.ReasonRedirectURI)
		return
	}
	sess, err := s.sessions.Load(r)
	if err != nil {
		s.log.ErrorContext(r.Context(), "oidc: load session", "err", err)
		http.Error(w, "The portal could not read your session. Please try again.", http.StatusInternalServerError)
		return
	}
	if sess.Device() == "" {
		id, err := keyring.Random(s.rand, 32)
		if err != nil {
			s.log.ErrorContext(r.Context(), "oidc: device id", "err", err)
			http.Error(w, "The portal could not start your sign-in. Please try again.", http.StatusInternalServerError)
			return
		}
		sess.NeedDevice(id)
	}
	ctx := context.WithValue(r.Context(), browserKey, auth.DeviceHash(sess.Device()))
	if r.Form.Has("request_uri") {
		ctx = context.WithValue(ctx, requestURIKey, true)
	}
	sw := s.sessions.Wrap(w, r, sess, s.sessionLost)
	op.Authorize(&pageOnError{ResponseWriter: sw, r: r, s: s, reason: api.ReasonInvalid}, r.WithContext(ctx), s.op)
	sw.Finish()
}
