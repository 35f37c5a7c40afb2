package oidc

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// next is what an authorization request waits for.
type next int

const (
	nextLogin   next = iota + 1 // a login (or a fresh one, or one with more factors)
	nextConsent                 // the customer's consent
	nextApp                     // nothing: back to the app with a code
)

// continueRequest is where an authorization request goes after /authorize
// and after each step in the app: it sends the browser to the login, to the
// consent screen, or back to the app with a code (or with an error the app
// understands: login_required, consent_required, access_denied).
func (s *Service) continueRequest(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ctx := r.Context()
	a, reason, err := s.boundRequest(ctx, sess, r.URL.Query().Get("id"))
	if err != nil {
		s.failed(w, r, "continue", err)
		return
	}
	if reason != "" {
		s.errorPage(w, r, reason)
		return
	}
	if a.row.Denied {
		sess.ClearReturn()
		op.AuthRequestError(w, r, a, oidc.ErrAccessDenied().WithDescription("the customer did not allow the app"), s.op)
		return
	}
	step, err := s.decide(ctx, sess, a)
	if err != nil {
		s.failed(w, r, "continue", err)
		return
	}
	none := a.hasPrompt(oidc.PromptNone)
	switch {
	case step == nextLogin && none:
		sess.ClearReturn()
		op.AuthRequestError(w, r, a, oidc.ErrLoginRequired(), s.op)
	case step == nextLogin:
		s.askLogin(sess, a)
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	case step == nextConsent && none:
		sess.ClearReturn()
		op.AuthRequestError(w, r, a, &oidc.Error{ErrorType: "consent_required"}, s.op)
	case step == nextConsent:
		http.Redirect(w, r, api.PageConsent+"?id="+url.QueryEscape(a.GetID()), http.StatusSeeOther)
	default:
		if a, err = s.finish(ctx, sess, a, meta(r)); err != nil {
			s.failed(w, r, "finish", err)
			return
		}
		sess.ClearReturn()
		op.AuthResponse(a, s.op, w, r)
	}
}

// boundRequest loads the live request id if this browser brought it and it
// has not gone back to its app yet; otherwise reason says why not.
func (s *Service) boundRequest(ctx context.Context, sess *session.Session, id string) (a *authRequest, reason string, err error) {
	a, err = s.storage.request(ctx, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil, api.ReasonExpired, nil
	case err != nil:
		return nil, "", err
	case sess.Device() == "" || a.row.Browser != auth.DeviceHash(sess.Device()):
		return nil, api.ReasonOtherBrowser, nil
	case a.row.CodeHash != nil:
		return nil, api.ReasonUsed, nil
	}
	return a, "", nil
}

// decide says what the request waits for, given the session. The login
// decides nothing about factors itself: it sends the browser to the
// portal's login with the level the app asked for, and the funnel asks for
// what is missing.
func (s *Service) decide(ctx context.Context, sess *session.Session, a *authRequest) (next, error) {
	if !sess.Full() || s.wantsLogin(ctx, sess, a) {
		return nextLogin, nil
	}
	c := s.clients.Get(a.GetClientID())
	if c == nil {
		return 0, errors.New("oidc: the request's app is no longer registered")
	}
	if a.row.Consented {
		return nextApp, nil
	}
	if a.hasPrompt(oidc.PromptConsent) {
		return nextConsent, nil
	}
	if c.FirstParty() {
		return nextApp, nil
	}
	missing, err := s.unconsented(ctx, sess.UserID(), a)
	if err != nil || len(missing) > 0 {
		return nextConsent, err
	}
	return nextApp, nil
}

// wantsLogin reports whether the signed-in session does not do for the
// request: the app asked for a fresh login (prompt=login, max_age) or for
// more factors than the session proved, or named someone else
// (id_token_hint). A login made after the request arrived always does for
// freshness, and for the level too (acr_values is a wish: the funnel asked
// what it could, and the ID token's acr says what was proven).
func (s *Service) wantsLogin(ctx context.Context, sess *session.Session, a *authRequest) bool {
	fresh := !sess.AuthAt().Before(a.row.CreatedAt)
	if fresh {
		return false
	}
	if a.hasPrompt(oidc.PromptLogin) {
		return true
	}
	if a.p.MaxAge != nil && s.clock.Now().Sub(sess.AuthAt()) > time.Duration(*a.p.MaxAge)*time.Second {
		return true
	}
	if factorsOfLevel(s.auth.LevelOf(sess.AMR())) < a.p.Factors {
		return true
	}
	if a.p.HintSubject != "" {
		sub, err := store.OIDCSubjectOf(ctx, s.db, sess.UserID())
		return err != nil || sub != a.p.HintSubject
	}
	return false
}

// askLogin makes the session return to the request once signed in.
func (s *Service) askLogin(sess *session.Session, a *authRequest) {
	sess.SetReturn(session.Return{
		Path: ContinuePath + "?id=" + url.QueryEscape(a.GetID()), Until: a.row.ExpiresAt,
		Client: a.GetClientID(), Factors: a.p.Factors, Fresh: sess.Full(), Hint: a.p.LoginHint,
	})
}

// unconsented lists the scopes of the request the customer has not allowed
// the app yet.
func (s *Service) unconsented(ctx context.Context, userID int64, a *authRequest) ([]string, error) {
	allowed := map[string]bool{}
	au, err := store.OIDCAuthorizationOf(ctx, s.db, userID, a.GetClientID())
	switch {
	case err == nil:
		for _, sc := range strings.Fields(au.Scopes) {
			allowed[sc] = true
		}
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	var missing []string
	for _, sc := range Scopes {
		if !allowed[sc] && a.hasScope(sc) {
			missing = append(missing, sc)
		}
	}
	return missing, nil
}

// finish records the sign-in on the request — who, when, with which
// methods (RFC 8176 values from auth) and at which level — and what the
// customer allowed the app, then returns the request ready for its code.
func (s *Service) finish(ctx context.Context, sess *session.Session, a *authRequest, m audit.Meta) (*authRequest, error) {
	now := s.clock.Now()
	uid := sess.UserID()
	amr := strings.Join(s.auth.AMRValues(sess.AMR()), ",")
	acr := acrOf(s.auth.LevelOf(sess.AMR()))
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := s.storage.subjectOf(ctx, tx, uid); err != nil {
			return err
		}
		if err := store.FinishOIDCAuthRequest(ctx, tx, a.GetID(), uid, sess.AuthAt(), amr, acr); err != nil {
			return err
		}
		return s.remember(ctx, tx, uid, a, now, m)
	})
	if err != nil {
		return nil, err
	}
	return s.storage.request(ctx, a.GetID())
}

// remember adds the request's scopes to what the customer allowed the app
// (the consent screen is asked once per app and scope); the first time is
// a security event.
func (s *Service) remember(ctx context.Context, tx bun.IDB, uid int64, a *authRequest, now time.Time, m audit.Meta) error {
	scopes := map[string]bool{}
	au, err := store.OIDCAuthorizationOf(ctx, tx, uid, a.GetClientID())
	created := now
	switch {
	case err == nil:
		created = au.CreatedAt
		for _, sc := range strings.Fields(au.Scopes) {
			scopes[sc] = true
		}
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	for _, sc := range a.p.Scopes {
		scopes[sc] = true
	}
	var list []string
	for _, sc := range Scopes {
		if scopes[sc] {
			list = append(list, sc)
		}
	}
	isNew, err := store.SaveOIDCAuthorization(ctx, tx, &store.OIDCAuthorization{
		UserID: uid, ClientID: a.GetClientID(), Scopes: strings.Join(list, " "),
		CreatedAt: created, UpdatedAt: now, LastUsedAt: now,
	})
	if err != nil || !isNew {
		return err
	}
	return audit.Record(ctx, tx, now, uid, audit.EventAppConnected, m)
}

// meta describes the request for events.
func meta(r *http.Request) audit.Meta {
	return audit.Meta{IP: audit.ClientIP(r.Context()), UserAgent: r.UserAgent(), Lang: i18n.Lang(r.Header.Get("Accept-Language"))}
}
