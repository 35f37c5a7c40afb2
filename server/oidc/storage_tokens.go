package oidc

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/store"
)

// CreateAccessToken implements op.Storage: a code exchanged without
// offline_access gets an access token and no refresh token.
func (s *storage) CreateAccessToken(ctx context.Context, req op.TokenRequest) (string, time.Time, error) {
	a, ok := req.(*authRequest)
	if !ok {
		return "", time.Time{}, oidc.ErrUnsupportedGrantType()
	}
	id, _, err := s.exchange(ctx, a, false)
	if err != nil {
		return "", time.Time{}, err
	}
	return id, realDeadline(s.cfg.AccessTokenTTL), nil
}

// CreateAccessAndRefreshTokens implements op.Storage: a code exchanged with
// offline_access, or a refresh, which rotates the refresh token.
func (s *storage) CreateAccessAndRefreshTokens(ctx context.Context, req op.TokenRequest, current string) (string, string, time.Time, error) {
	var id, refresh string
	var err error
	switch r := req.(type) {
	case *authRequest:
		id, refresh, err = s.exchange(ctx, r, true)
	case *refreshRequest:
		id, refresh, err = s.rotate(ctx, r, current)
	default:
		err = oidc.ErrUnsupportedGrantType()
	}
	if err != nil {
		return "", "", time.Time{}, err
	}
	return id, refresh, realDeadline(s.cfg.AccessTokenTTL), nil
}

// exchange turns a code into a grant with an access token (and a refresh
// token), marking the code used in the same transaction: of two parallel
// exchanges one wins, and the loser revokes what the winner got.
func (s *storage) exchange(ctx context.Context, a *authRequest, withRefresh bool) (accessID, refresh string, err error) {
	if !a.Done() {
		return "", "", oidc.ErrInvalidGrant()
	}
	now := s.clock.Now()
	grantID, err := s.random()
	if err != nil {
		return "", "", err
	}
	if accessID, err = s.random(); err != nil {
		return "", "", err
	}
	expires := now.Add(s.cfg.AccessTokenTTL)
	if withRefresh {
		if refresh, err = s.random(); err != nil {
			return "", "", err
		}
		expires = now.Add(s.cfg.RefreshTokenTTL)
	}
	reused := false
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		ok, err := store.UseOIDCCode(ctx, tx, a.row.ID, grantID, now)
		if err != nil || !ok {
			reused = !ok
			return err
		}
		g := &store.OIDCGrant{
			ID: grantID, UserID: *a.row.UserID, ClientID: a.row.ClientID, Scopes: strings.Join(a.p.Scopes, " "),
			AMR: a.row.AMR, ACR: a.row.ACR, AuthTime: *a.row.AuthTime, CreatedAt: now, LastUsedAt: now, ExpiresAt: expires,
		}
		if err := store.CreateOIDCGrant(ctx, tx, g); err != nil {
			return err
		}
		return s.issue(ctx, tx, g, a.p.Scopes, accessID, refresh, now)
	})
	if err != nil {
		return "", "", err
	}
	if reused {
		return "", "", s.revokeAfterReuse(ctx, a.row.ID)
	}
	return accessID, refresh, nil
}

// revokeAfterReuse deletes the grant the other use of a code made.
func (s *storage) revokeAfterReuse(ctx context.Context, requestID string) error {
	row, err := store.OIDCAuthRequestByID(ctx, s.db, requestID, time.Time{})
	if err == nil && row.GrantID != nil {
		err = store.DeleteOIDCGrant(ctx, s.db, *row.GrantID)
	}
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return oidc.ErrInvalidGrant().WithDescription("the code was used before")
}

// issue writes an access token (and a refresh token, when there is one) of
// grant g and records the app's use.
func (s *storage) issue(ctx context.Context, tx bun.IDB, g *store.OIDCGrant, scopes []string, accessID, refresh string, now time.Time) error {
	at := &store.OIDCAccessToken{ID: accessID, GrantID: g.ID, Scopes: strings.Join(scopes, " "), CreatedAt: now, ExpiresAt: now.Add(s.cfg.AccessTokenTTL)}
	if err := store.AddOIDCAccessToken(ctx, tx, at); err != nil {
		return err
	}
	if refresh != "" {
		rt := &store.OIDCRefreshToken{Hash: hashSecret(refresh), GrantID: g.ID, CreatedAt: now, ExpiresAt: now.Add(s.cfg.RefreshTokenTTL)}
		if err := store.AddOIDCRefreshToken(ctx, tx, rt); err != nil {
			return err
		}
	}
	return store.TouchOIDCAuthorization(ctx, tx, g.UserID, g.ClientID, now, now)
}

// rotate answers a refresh: the presented refresh token is used up and a
// new one issued in the same grant, whose life slides on.
func (s *storage) rotate(ctx context.Context, r *refreshRequest, current string) (accessID, refresh string, err error) {
	now := s.clock.Now()
	if accessID, err = s.random(); err != nil {
		return "", "", err
	}
	if refresh, err = s.random(); err != nil {
		return "", "", err
	}
	reused := false
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		ok, err := store.UseOIDCRefreshToken(ctx, tx, hashSecret(current), now)
		if err != nil || !ok {
			reused = !ok
			return err
		}
		if err := s.issue(ctx, tx, r.grant, r.scopes, accessID, refresh, now); err != nil {
			return err
		}
		return store.ExtendOIDCGrant(ctx, tx, r.grant.ID, now, now.Add(s.cfg.RefreshTokenTTL))
	})
	if err != nil {
		return "", "", err
	}
	if reused {
		// Another refresh with the same token won the race: one of the two
		// holders is not the app.
		if err := store.DeleteOIDCGrant(ctx, s.db, r.grant.ID); err != nil {
			return "", "", err
		}
		return "", "", oidc.ErrInvalidGrant().WithDescription("the refresh token was used before; the grant is revoked")
	}
	return accessID, refresh, nil
}

// TokenRequestByRefreshToken implements op.Storage. A refresh token
// presented after it was used revokes its whole grant: either the app or a
// thief used it first, and the portal cannot tell which.
func (s *storage) TokenRequestByRefreshToken(ctx context.Context, token string) (op.RefreshTokenRequest, error) {
	row, err := store.OIDCRefreshTokenByHash(ctx, s.db, hashSecret(token))
	if err != nil {
		return nil, err
	}
	if row.UsedAt != nil {
		if err := store.DeleteOIDCGrant(ctx, s.db, row.GrantID); err != nil {
			return nil, err
		}
		s.log.Warn("oidc: a refresh token was used twice; its grant is revoked")
		return nil, errors.New("oidc: refresh token used before; grant revoked")
	}
	if !s.clock.Now().Before(row.ExpiresAt) {
		return nil, errors.New("oidc: refresh token expired")
	}
	g, err := store.OIDCGrantByID(ctx, s.db, row.GrantID)
	if err != nil {
		return nil, err
	}
	sub, err := s.subjectOf(ctx, s.db, g.UserID)
	if err != nil {
		return nil, err
	}
	return &refreshRequest{grant: g, subject: sub, scopes: splitList(g.Scopes, " ")}, nil
}

// GetRefreshTokenInfo implements op.Storage (for revocation): the subject
// and the token's id (its hash).
func (s *storage) GetRefreshTokenInfo(ctx context.Context, clientID, token string) (string, string, error) {
	row, err := store.OIDCRefreshTokenByHash(ctx, s.db, hashSecret(token))
	if errors.Is(err, store.ErrNotFound) {
		return "", "", op.ErrInvalidRefreshToken
	}
	if err != nil {
		return "", "", err
	}
	g, err := store.OIDCGrantByID(ctx, s.db, row.GrantID)
	if errors.Is(err, store.ErrNotFound) || err == nil && g.ClientID != clientID {
		return "", "", op.ErrInvalidRefreshToken
	}
	if err != nil {
		return "", "", err
	}
	sub, err := s.subjectOf(ctx, s.db, g.UserID)
	return sub, row.Hash, err
}

// RevokeToken implements op.Storage (RFC 7009). An access token goes
// alone; a refresh token takes its whole grant with it. A token of another
// app is refused; an unknown one is already as good as revoked.
func (s *storage) RevokeToken(ctx context.Context, tokenOrID, subject, clientID string) *oidc.Error {
	if subject == "" {
		return nil
	}
	grantID, revoke := "", func() error { return nil }
	if at, err := store.OIDCAccessTokenByID(ctx, s.db, tokenOrID, time.Time{}); err == nil {
		grantID = at.GrantID
		revoke = func() error { return store.DeleteOIDCAccessToken(ctx, s.db, at.ID) }
	} else if rt, err := store.OIDCRefreshTokenByHash(ctx, s.db, tokenOrID); err == nil {
		grantID = rt.GrantID
		revoke = func() error { return store.DeleteOIDCGrant(ctx, s.db, rt.GrantID) }
	} else {
		return nil
	}
	g, err := store.OIDCGrantByID(ctx, s.db, grantID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return oidc.ErrServerError().WithParent(err)
	}
	if g.ClientID != clientID {
		return oidc.ErrInvalidClient().WithDescription("the token was issued to another app")
	}
	if err := revoke(); err != nil {
		return oidc.ErrServerError().WithParent(err)
	}
	return nil
}

// TerminateSessionFromRequest implements op.CanTerminateSessionFromRequest:
// the end_session handler put the browser's logout in ctx.
func (s *storage) TerminateSessionFromRequest(ctx context.Context, req *op.EndSessionRequest) (string, error) {
	if end, ok := ctx.Value(terminatorKey).(func(*op.EndSessionRequest) (string, error)); ok {
		return end(req)
	}
	return req.RedirectURI, nil
}
