package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// The queries of the credentials that have more than a type: passkeys (one
// row each, named by the customer), the authenticator app (whose Config
// changes with every code used) and the recovery codes (whose Config
// changes with every code spent).

// CredentialByIdentifier loads the credential of a type with identifier (a
// passkey by its credential id), whoever's it is.
func CredentialByIdentifier(ctx context.Context, db bun.IDB, typ, identifier string) (*Credential, error) {
	c := new(Credential)
	if err := db.NewSelect().Model(c).Where("type = ? AND identifier = ?", typ, identifier).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: %s credential: %w", typ, notFound(err))
	}
	return c, nil
}

// SwapCredentialConfig replaces the Config of credential id with next, only
// if it still is prev (compare and swap): of two requests that spend the
// same one-time code, one wins and the other gets ErrConflict. A used
// credential also records now as its last use.
func SwapCredentialConfig(ctx context.Context, db bun.IDB, id int64, prev, next string, used bool, now time.Time) error {
	q := db.NewUpdate().Model((*Credential)(nil)).Set("config = ?, updated_at = ?", next, now).
		Where("id = ? AND config = ?", id, prev)
	if used {
		q = q.Set("last_used_at = ?", now)
	}
	res, err := q.Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: update credential %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConflict
	}
	return nil
}

// RenameCredential sets the name of the account's credential of a type with
// identifier; ErrNotFound when the account has none such.
func RenameCredential(ctx context.Context, db bun.IDB, userID int64, typ, identifier, name string, now time.Time) error {
	res, err := db.NewUpdate().Model((*Credential)(nil)).Set("name = ?, updated_at = ?", name, now).
		Where("user_id = ? AND type = ? AND identifier = ?", userID, typ, identifier).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: rename %s credential: %w", typ, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: rename %s credential: %w", typ, ErrNotFound)
	}
	return nil
}

// RemoveCredential deletes the account's credential of a type with
// identifier; ErrNotFound when the account has none such.
func RemoveCredential(ctx context.Context, db bun.IDB, userID int64, typ, identifier string) error {
	res, err := db.NewDelete().Model((*Credential)(nil)).
		Where("user_id = ? AND type = ? AND identifier = ?", userID, typ, identifier).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: remove %s credential: %w", typ, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: remove %s credential: %w", typ, ErrNotFound)
	}
	return nil
}

// PasskeyHandle is the account's WebAuthn user handle ("" until its first
// passkey). It lives in users.passkey_handle, outside the User model: only
// the passkey code reads it, so the reads behind every request stay as they
// are.
func PasskeyHandle(ctx context.Context, db bun.IDB, userID int64) (string, error) {
	var h string
	err := db.NewSelect().Model((*User)(nil)).Column("passkey_handle").Where("id = ?", userID).Scan(ctx, &h)
	if err != nil {
		return "", fmt.Errorf("store: passkey handle of %d: %w", userID, notFound(err))
	}
	return h, nil
}

// SetPasskeyHandle gives the account handle as its user handle unless it
// has one already; it returns the handle the account has afterwards (of two
// parallel first passkeys, both get the handle of the one that won).
func SetPasskeyHandle(ctx context.Context, db bun.IDB, userID int64, handle string) (string, error) {
	_, err := db.NewUpdate().Model((*User)(nil)).Set("passkey_handle = ?", handle).
		Where("id = ? AND passkey_handle = ''", userID).Exec(ctx)
	if err != nil {
		return "", fmt.Errorf("store: set passkey handle: %w", err)
	}
	return PasskeyHandle(ctx, db, userID)
}

// UserByPasskeyHandle loads the account whose user handle is handle.
func UserByPasskeyHandle(ctx context.Context, db bun.IDB, handle string) (*User, error) {
	u := new(User)
	if handle == "" {
		return nil, fmt.Errorf("store: user by passkey handle: %w", ErrNotFound)
	}
	if err := db.NewSelect().Model(u).Where("passkey_handle = ?", handle).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: user by passkey handle: %w", notFound(err))
	}
	return u, nil
}
