package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// CreateOIDCAuthRequest inserts an authorization request.
func CreateOIDCAuthRequest(ctx context.Context, db bun.IDB, r *OIDCAuthRequest) error {
	if _, err := db.NewInsert().Model(r).Exec(ctx); err != nil {
		return fmt.Errorf("store: create authorization request: %w", err)
	}
	return nil
}

// OIDCAuthRequestByID loads an authorization request that has not expired.
func OIDCAuthRequestByID(ctx context.Context, db bun.IDB, id string, now time.Time) (*OIDCAuthRequest, error) {
	r := new(OIDCAuthRequest)
	if err := db.NewSelect().Model(r).Where("id = ? AND expires_at > ?", id, now).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: authorization request: %w", notFound(err))
	}
	return r, nil
}

// OIDCAuthRequestByCode loads the authorization request that issued the
// code with hash, used or not, expired or not: the caller tells a reuse
// from an expiry.
func OIDCAuthRequestByCode(ctx context.Context, db bun.IDB, hash string) (*OIDCAuthRequest, error) {
	r := new(OIDCAuthRequest)
	if err := db.NewSelect().Model(r).Where("code_hash = ?", hash).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: authorization request by code: %w", notFound(err))
	}
	return r, nil
}

// FinishOIDCAuthRequest records who signed in for the request, when and
// how: the request is done and may issue its code.
func FinishOIDCAuthRequest(ctx context.Context, db bun.IDB, id string, userID int64, authTime time.Time, amr, acr string) error {
	_, err := db.NewUpdate().Model((*OIDCAuthRequest)(nil)).
		Set("user_id = ?, auth_time = ?, amr = ?, acr = ?", userID, authTime, amr, acr).
		Where("id = ? AND code_hash IS NULL", id).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: finish authorization request: %w", err)
	}
	return nil
}

// DecideOIDCAuthRequest records the customer's answer on the consent
// screen: allowed, or denied.
func DecideOIDCAuthRequest(ctx context.Context, db bun.IDB, id string, allowed bool) error {
	_, err := db.NewUpdate().Model((*OIDCAuthRequest)(nil)).
		Set("consented = ?, denied = ?", allowed, !allowed).
		Where("id = ? AND code_hash IS NULL", id).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: decide authorization request: %w", err)
	}
	return nil
}

// SaveOIDCCode gives the done request its code (by hash), once: a request
// that already has one is ErrConflict. The row is then kept until keep.
func SaveOIDCCode(ctx context.Context, db bun.IDB, id, hash string, expires, keep time.Time) error {
	res, err := db.NewUpdate().Model((*OIDCAuthRequest)(nil)).
		Set("code_hash = ?, code_expires_at = ?, expires_at = ?", hash, expires, keep).
		Where("id = ? AND code_hash IS NULL AND user_id IS NOT NULL", id).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: save code: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: save code: %w", ErrConflict)
	}
	return nil
}

// UseOIDCCode marks the request's code used by grantID, in one UPDATE: of
// two parallel exchanges exactly one wins. A used or expired code gives
// false.
func UseOIDCCode(ctx context.Context, db bun.IDB, id, grantID string, now time.Time) (bool, error) {
	res, err := db.NewUpdate().Model((*OIDCAuthRequest)(nil)).
		Set("code_used_at = ?, grant_id = ?", now, grantID).
		Where("id = ? AND code_used_at IS NULL AND code_expires_at > ?", id, now).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: use code: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: use code: %w", err)
	}
	return n == 1, nil
}

// DeleteExpiredOIDC removes what the provider no longer needs at now:
// authorization requests, tokens and grants that ran out, and signing keys
// no longer published.
func DeleteExpiredOIDC(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
	var total int64
	for _, t := range []struct{ table, key, where string }{
		{"oidc_auth_requests", "id", "expires_at < ?"},
		{"oidc_access_tokens", "id", "expires_at < ?"},
		{"oidc_refresh_tokens", "hash", "expires_at < ?"},
		{"oidc_grants", "id", "expires_at < ?"},
		{"oidc_keys", "id", "retire_at < ?"},
	} {
		n, err := deleteInBatches(ctx, db, t.table, t.key, t.where, now)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}
