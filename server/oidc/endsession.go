package oidc

import (
	"context"
	"net/http"
	"time"

	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// leaveTTL is how long the sign-out page keeps the app's address.
const leaveTTL = 10 * time.Minute

// endSession is RP-initiated logout. An app that proves whose session it
// ends (an id_token_hint of the signed-in account) logs the browser out of
// the portal and gets it back at its registered post_logout_redirect_uri.
// Otherwise the portal asks the customer first (OpenID Connect RP-Initiated
// Logout §2: a logout link anyone can put on a page must not end a session
// silently). A malformed request gets the portal's error page.
func (s *Service) endSession(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ctx := r.Context()
	end := func(req *op.EndSessionRequest) (string, error) {
		if !sess.Full() {
			return req.RedirectURI, nil
		}
		if s.hintNames(ctx, sess, req.UserID) {
			return req.RedirectURI, s.auth.Logout(ctx, sess, meta(r))
		}
		sess.SetLeave(session.Leave{URI: req.RedirectURI, Client: req.ClientID, Until: s.clock.Now().Add(leaveTTL)})
		return api.PageSignOut, nil
	}
	r = r.WithContext(context.WithValue(ctx, terminatorKey, end))
	op.EndSession(&pageOnError{ResponseWriter: w, r: r, s: s, reason: api.ReasonInvalid}, r, s.op)
}

// hintNames reports whether subject (from a verified id_token_hint) is the
// session's account.
func (s *Service) hintNames(ctx context.Context, sess *session.Session, subject string) bool {
	if subject == "" {
		return false
	}
	sub, err := store.OIDCSubjectOf(ctx, s.db, sess.UserID())
	return err == nil && sub == subject
}
