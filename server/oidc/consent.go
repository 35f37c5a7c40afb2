package oidc

import (
	"context"
	"errors"
	"net/url"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// ErrNoRequest is a consent for a request that is not there for this
// browser: unknown, run out, started elsewhere, or answered already.
var ErrNoRequest = errors.New("oidc: no such authorization request for this browser")

// ErrNoApp is "Remove access" for an app the customer has not connected.
var ErrNoApp = errors.New("oidc: app not connected")

// Authorization is the request id as the consent screen shows it: the app
// and every scope it asks for. The session is signed in (the API checks),
// and the request must be this browser's.
func (s *Service) Authorization(ctx context.Context, sess *session.Session, id string) (api.Authorization, error) {
	a, reason, err := s.boundRequest(ctx, sess, id)
	if err != nil {
		return api.Authorization{}, err
	}
	c := s.clients.Get(a.GetClientID())
	if reason != "" || c == nil {
		return api.Authorization{}, ErrNoRequest
	}
	var scopes []string
	for _, sc := range Scopes {
		if a.hasScope(sc) {
			scopes = append(scopes, sc)
		}
	}
	return api.Authorization{ID: a.GetID(), App: c.Name(), Scopes: scopes}, nil
}

// Decide records the answer on the consent screen and says where the
// browser goes next: the request's continuation, which sends it back to the
// app with a code, or with access_denied.
func (s *Service) Decide(ctx context.Context, sess *session.Session, id string, allow bool) (api.Continue, error) {
	a, reason, err := s.boundRequest(ctx, sess, id)
	if err != nil {
		return api.Continue{}, err
	}
	if reason != "" {
		return api.Continue{}, ErrNoRequest
	}
	if err := store.DecideOIDCAuthRequest(ctx, s.db, a.GetID(), allow); err != nil {
		return api.Continue{}, err
	}
	return api.Continue{To: ContinuePath + "?id=" + url.QueryEscape(a.GetID())}, nil
}

// Apps lists the apps the customer allowed, the most recently used first.
// An app no longer registered is left out.
func (s *Service) Apps(ctx context.Context, userID int64) ([]api.ConnectedApp, error) {
	rows, err := store.OIDCAuthorizationsOf(ctx, s.db, userID)
	if err != nil {
		return nil, err
	}
	out := []api.ConnectedApp{}
	for _, r := range rows {
		c := s.clients.Get(r.ClientID)
		if c == nil {
			continue
		}
		out = append(out, api.ConnectedApp{
			ID: r.ClientID, Name: c.Name(), Scopes: splitList(r.Scopes, " "),
			Since: r.CreatedAt.Format(time.RFC3339), LastUsed: r.LastUsedAt.Format(time.RFC3339),
		})
	}
	return out, nil
}

// RemoveApp is "Remove access": the app loses what it was allowed and every
// token it holds for the account, at once (its access tokens are looked up
// on every use). Its next sign-in asks for consent again.
func (s *Service) RemoveApp(ctx context.Context, userID int64, clientID string, m audit.Meta) error {
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		removed, err := store.RemoveOIDCAccess(ctx, tx, userID, clientID)
		if err != nil {
			return err
		}
		if !removed {
			return ErrNoApp
		}
		return audit.Record(ctx, tx, s.clock.Now(), userID, audit.EventAppRemoved, m)
	})
	return err
}
