package oidc

import (
	"context"
	"net/http"

	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

// authorize is the authorization endpoint. The app and its redirect_uri
// are checked here first, exactly: a request for an unknown app or an
// address the app did not register gets the portal's error page and never
// a redirect. The rest is the library's (with the portal's checks in
// ValidateAuthRequest); the request it stores is bound to this browser's
// device cookie, given one here if it has none.
func (s *Service) authorize(w http.ResponseWriter, r *http.Request, sess *session.Session) {
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
	if sess.Device() == "" {
		id, err := keyring.Random(s.rand, 32)
		if err != nil {
			s.failed(w, r, "device id", err)
			return
		}
		sess.NeedDevice(id)
	}
	ctx := context.WithValue(r.Context(), browserKey, auth.DeviceHash(sess.Device()))
	if r.Form.Has("request_uri") {
		ctx = context.WithValue(ctx, requestURIKey, true)
	}
	op.Authorize(&pageOnError{ResponseWriter: w, r: r, s: s, reason: api.ReasonInvalid}, r.WithContext(ctx), s.op)
}
