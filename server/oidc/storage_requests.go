package oidc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"github.com/minicorp/miniid/server/store"
)

// ctxKey keys what the HTTP handlers pass the storage through a context.
type ctxKey int

const (
	browserKey    ctxKey = iota + 1 // the device hash of the browser that sent /authorize
	terminatorKey                   // ends the browser's session at end_session
	requestURIKey                   // the request came with request_uri, which is not supported
)

// CreateAuthRequest implements op.Storage: the request is stored, bound to
// the browser that brought it (the authorize handler put its device hash
// in ctx).
func (s *storage) CreateAuthRequest(ctx context.Context, r *oidc.AuthRequest, hintSubject string) (op.AuthRequest, error) {
	browser, _ := ctx.Value(browserKey).(string)
	if browser == "" {
		return nil, errors.New("oidc: authorization request without a browser")
	}
	id, err := s.random()
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(newParams(r, hintSubject))
	if err != nil {
		return nil, fmt.Errorf("oidc: store request: %w", err)
	}
	now := s.clock.Now()
	row := &store.OIDCAuthRequest{
		ID: id, ClientID: r.ClientID, Browser: browser, Params: string(b),
		CreatedAt: now, ExpiresAt: now.Add(RequestTTL),
	}
	if err := store.CreateOIDCAuthRequest(ctx, s.db, row); err != nil {
		return nil, err
	}
	return decodeRequest(row, "")
}

// AuthRequestByID implements op.Storage.
func (s *storage) AuthRequestByID(ctx context.Context, id string) (op.AuthRequest, error) {
	return s.request(ctx, id)
}

// request loads a live authorization request with its subject.
func (s *storage) request(ctx context.Context, id string) (*authRequest, error) {
	row, err := store.OIDCAuthRequestByID(ctx, s.db, id, s.clock.Now())
	if err != nil {
		return nil, err
	}
	return s.withSubject(ctx, row)
}

func (s *storage) withSubject(ctx context.Context, row *store.OIDCAuthRequest) (*authRequest, error) {
	sub := ""
	if row.UserID != nil {
		var err error
		if sub, err = s.subjectOf(ctx, s.db, *row.UserID); err != nil {
			return nil, err
		}
	}
	return decodeRequest(row, sub)
}

// AuthRequestByCode implements op.Storage. A code presented a second time
// revokes the grant its first use made (RFC 6749 §4.1.2) and is refused,
// like an expired one.
func (s *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	row, err := store.OIDCAuthRequestByCode(ctx, s.db, hashSecret(code))
	if err != nil {
		return nil, err
	}
	if row.CodeUsedAt != nil {
		if row.GrantID != nil {
			if err := store.DeleteOIDCGrant(ctx, s.db, *row.GrantID); err != nil {
				return nil, err
			}
			s.log.Warn("oidc: an authorization code was used twice; its grant is revoked", "client", row.ClientID)
		}
		return nil, errors.New("oidc: code used before")
	}
	if row.CodeExpiresAt == nil || !s.clock.Now().Before(*row.CodeExpiresAt) {
		return nil, errors.New("oidc: code expired")
	}
	return s.withSubject(ctx, row)
}

// SaveAuthCode implements op.Storage: the code is kept as a hash, once per
// request.
func (s *storage) SaveAuthCode(ctx context.Context, id, code string) error {
	expires := s.clock.Now().Add(CodeTTL)
	return store.SaveOIDCCode(ctx, s.db, id, hashSecret(code), expires, expires.Add(codeReuseWindow))
}

// DeleteAuthRequest implements op.Storage. The library calls it once the
// code is exchanged; the row stays until it runs out (the sweeper removes
// it), so that a second use of the code is recognised and revokes the
// grant. The exchange itself marked the code used.
func (s *storage) DeleteAuthRequest(context.Context, string) error { return nil }
