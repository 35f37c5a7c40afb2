package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Credential types. A type without an Identifier is one per account.
const (
	CredentialPassword      = "password"
	CredentialEmailCode     = "email_code"
	CredentialPasskey       = "passkey"
	CredentialTOTP          = "totp"
	CredentialRecoveryCodes = "recovery_codes"
)

// CredentialsOf lists every credential of an account, oldest first.
func CredentialsOf(ctx context.Context, db bun.IDB, userID int64) ([]Credential, error) {
	var out []Credential
	if err := db.NewSelect().Model(&out).Where("user_id = ?", userID).Order("id ASC").Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: credentials of %d: %w", userID, err)
	}
	return out, nil
}

// AddCredential inserts c and sets its ID. A second credential of a
// one-per-account type, or an identifier in use, is ErrConflict.
func AddCredential(ctx context.Context, db bun.IDB, c *Credential) error {
	res, err := db.NewInsert().Model(c).On("CONFLICT DO NOTHING").Returning("id").Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: add %s credential: %w", c.Type, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: add %s credential: %w", c.Type, ErrConflict)
	}
	return nil
}

// SetPasswordHash replaces the account's password hash.
func SetPasswordHash(ctx context.Context, db bun.IDB, userID int64, hash string, now time.Time) error {
	res, err := db.NewUpdate().Model((*Credential)(nil)).Set("config = ?, updated_at = ?", hash, now).
		Where("user_id = ? AND type = ?", userID, CredentialPassword).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: set password: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: set password of %d: %w", userID, ErrNotFound)
	}
	return MirrorLegacy(ctx, db, userID)
}

// RemoveCredentials deletes the account's credentials of a type and tells
// how many there were.
func RemoveCredentials(ctx context.Context, db bun.IDB, userID int64, typ string) (int, error) {
	res, err := db.NewDelete().Model((*Credential)(nil)).Where("user_id = ? AND type = ?", userID, typ).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: remove %s credentials: %w", typ, err)
	}
	n, _ := res.RowsAffected()
	return int(n), MirrorLegacy(ctx, db, userID)
}

// CredentialUsed records that a credential was used now.
func CredentialUsed(ctx context.Context, db bun.IDB, id int64, now time.Time) error {
	if _, err := db.NewUpdate().Model((*Credential)(nil)).Set("last_used_at = ?", now).Where("id = ?", id).Exec(ctx); err != nil {
		return fmt.Errorf("store: credential used: %w", err)
	}
	return nil
}

// MirrorLegacy writes the account's password hash and whether it has a
// second factor (the e-mailed code or an authenticator app: the previous
// release then asks for an e-mailed code, never for the password alone)
// into the users columns the previous release reads (expand,
// then contract: this release keeps them true so both versions can run
// during a deploy; the database triggers carry writes the other way).
func MirrorLegacy(ctx context.Context, db bun.IDB, userID int64) error {
	creds, err := CredentialsOf(ctx, db, userID)
	if err != nil {
		return err
	}
	hash, twoFactor := "", false
	for _, c := range creds {
		switch c.Type {
		case CredentialPassword:
			hash = c.Config
		case CredentialEmailCode, CredentialTOTP:
			twoFactor = true
		}
	}
	_, err = db.NewUpdate().Model((*User)(nil)).Set("password_hash = ?, two_factor = ?", hash, twoFactor).Where("id = ?", userID).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: mirror legacy columns: %w", err)
	}
	return nil
}
