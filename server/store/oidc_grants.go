package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// OIDCAuthorizationsOf lists what the customer allowed apps, the most
// recently used first.
func OIDCAuthorizationsOf(ctx context.Context, db bun.IDB, userID int64) ([]OIDCAuthorization, error) {
	var out []OIDCAuthorization
	err := db.NewSelect().Model(&out).Where("user_id = ?", userID).
		Order("last_used_at DESC", "client_id ASC").Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: authorizations of %d: %w", userID, err)
	}
	return out, nil
}

// OIDCAuthorizationOf loads what the customer allowed one app.
func OIDCAuthorizationOf(ctx context.Context, db bun.IDB, userID int64, clientID string) (*OIDCAuthorization, error) {
	a := new(OIDCAuthorization)
	if err := db.NewSelect().Model(a).Where("user_id = ? AND client_id = ?", userID, clientID).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: authorization: %w", notFound(err))
	}
	return a, nil
}

// SaveOIDCAuthorization records what the customer allowed an app: a new
// row, or the scopes of the existing one replaced. created tells which.
func SaveOIDCAuthorization(ctx context.Context, db bun.IDB, a *OIDCAuthorization) (created bool, err error) {
	res, err := db.NewInsert().Model(a).On("CONFLICT (user_id, client_id) DO NOTHING").Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: save authorization: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return true, nil
	}
	_, err = db.NewUpdate().Model(a).Column("scopes", "updated_at", "last_used_at").WherePK().Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: update authorization: %w", err)
	}
	return false, nil
}

// TouchOIDCAuthorization records that the app used what it was allowed at
// now, unless a use after since is recorded already (one write a minute,
// not one per userinfo call).
func TouchOIDCAuthorization(ctx context.Context, db bun.IDB, userID int64, clientID string, now, since time.Time) error {
	_, err := db.NewUpdate().Model((*OIDCAuthorization)(nil)).Set("last_used_at = ?", now).
		Where("user_id = ? AND client_id = ? AND last_used_at < ?", userID, clientID, since).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: touch authorization: %w", err)
	}
	return nil
}

// RemoveOIDCAccess deletes what the customer allowed the app and every
// grant of it (their tokens go with them). removed tells whether there was
// anything.
func RemoveOIDCAccess(ctx context.Context, db bun.IDB, userID int64, clientID string) (removed bool, err error) {
	res, err := db.NewDelete().Model((*OIDCAuthorization)(nil)).Where("user_id = ? AND client_id = ?", userID, clientID).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: remove authorization: %w", err)
	}
	n, _ := res.RowsAffected()
	res, err = db.NewDelete().Model((*OIDCGrant)(nil)).Where("user_id = ? AND client_id = ?", userID, clientID).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: remove grants: %w", err)
	}
	m, _ := res.RowsAffected()
	return n+m > 0, nil
}

// RevokeOIDCGrants deletes every grant of the account, and so every access
// and refresh token apps hold for it: call it when the account's password
// changes or an e-mail change is undone. What the customer allowed apps
// stays; the apps must send them through the login again.
func RevokeOIDCGrants(ctx context.Context, db bun.IDB, userID int64) (int64, error) {
	res, err := db.NewDelete().Model((*OIDCGrant)(nil)).Where("user_id = ?", userID).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: revoke grants of %d: %w", userID, err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// CreateOIDCGrant inserts a grant.
func CreateOIDCGrant(ctx context.Context, db bun.IDB, g *OIDCGrant) error {
	if _, err := db.NewInsert().Model(g).Exec(ctx); err != nil {
		return fmt.Errorf("store: create grant: %w", err)
	}
	return nil
}

// OIDCGrantByID loads a grant.
func OIDCGrantByID(ctx context.Context, db bun.IDB, id string) (*OIDCGrant, error) {
	g := new(OIDCGrant)
	if err := db.NewSelect().Model(g).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: grant: %w", notFound(err))
	}
	return g, nil
}

// DeleteOIDCGrant deletes a grant and its tokens.
func DeleteOIDCGrant(ctx context.Context, db bun.IDB, id string) error {
	if _, err := db.NewDelete().Model((*OIDCGrant)(nil)).Where("id = ?", id).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete grant: %w", err)
	}
	return nil
}

// ExtendOIDCGrant records a use of the grant at now and that its newest
// token runs until expires.
func ExtendOIDCGrant(ctx context.Context, db bun.IDB, id string, now, expires time.Time) error {
	_, err := db.NewUpdate().Model((*OIDCGrant)(nil)).
		Set("last_used_at = ?", now).
		Set("expires_at = CASE WHEN expires_at < ? THEN ? ELSE expires_at END", expires, expires).
		Where("id = ?", id).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: extend grant: %w", err)
	}
	return nil
}

// AddOIDCAccessToken inserts an access token.
func AddOIDCAccessToken(ctx context.Context, db bun.IDB, t *OIDCAccessToken) error {
	if _, err := db.NewInsert().Model(t).Exec(ctx); err != nil {
		return fmt.Errorf("store: add access token: %w", err)
	}
	return nil
}

// OIDCAccessTokenByID loads an access token that has not expired.
func OIDCAccessTokenByID(ctx context.Context, db bun.IDB, id string, now time.Time) (*OIDCAccessToken, error) {
	t := new(OIDCAccessToken)
	if err := db.NewSelect().Model(t).Where("id = ? AND expires_at > ?", id, now).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: access token: %w", notFound(err))
	}
	return t, nil
}

// DeleteOIDCAccessToken deletes an access token (revocation).
func DeleteOIDCAccessToken(ctx context.Context, db bun.IDB, id string) error {
	if _, err := db.NewDelete().Model((*OIDCAccessToken)(nil)).Where("id = ?", id).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete access token: %w", err)
	}
	return nil
}

// AddOIDCRefreshToken inserts a refresh token.
func AddOIDCRefreshToken(ctx context.Context, db bun.IDB, t *OIDCRefreshToken) error {
	if _, err := db.NewInsert().Model(t).Exec(ctx); err != nil {
		return fmt.Errorf("store: add refresh token: %w", err)
	}
	return nil
}

// OIDCRefreshTokenByHash loads a refresh token, used or not, expired or
// not: the caller tells a reuse from an expiry.
func OIDCRefreshTokenByHash(ctx context.Context, db bun.IDB, hash string) (*OIDCRefreshToken, error) {
	t := new(OIDCRefreshToken)
	if err := db.NewSelect().Model(t).Where("hash = ?", hash).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: refresh token: %w", notFound(err))
	}
	return t, nil
}

// UseOIDCRefreshToken marks an unused, unexpired refresh token used, in one
// UPDATE: of two parallel refreshes exactly one wins.
func UseOIDCRefreshToken(ctx context.Context, db bun.IDB, hash string, now time.Time) (bool, error) {
	res, err := db.NewUpdate().Model((*OIDCRefreshToken)(nil)).Set("used_at = ?", now).
		Where("hash = ? AND used_at IS NULL AND expires_at > ?", hash, now).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: use refresh token: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: use refresh token: %w", err)
	}
	return n == 1, nil
}
