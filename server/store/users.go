package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// ErrConflict is returned when a row changed since it was read (optimistic
// concurrency), or a unique value is taken.
var ErrConflict = errors.New("store: conflict")

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// UserByID loads a user.
func UserByID(ctx context.Context, db bun.IDB, id int64) (*User, error) {
	u := new(User)
	var err error
	if bdb, ok := db.(*bun.DB); ok {
		var p *preparedReads
		if p, err = reads(ctx, bdb); err == nil {
			err = readOne(ctx, bdb, p.user, u, id)
		}
	} else {
		err = db.NewSelect().Model(u).Where("id = ?", id).Scan(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("store: user %d: %w", id, notFound(err))
	}
	return u, nil
}

// UserByEmail loads a user by normalised e-mail address.
func UserByEmail(ctx context.Context, db bun.IDB, email string) (*User, error) {
	u := new(User)
	if err := db.NewSelect().Model(u).Where("email = ?", email).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: user by email: %w", notFound(err))
	}
	return u, nil
}

// UserByPhone loads a user by verified Phone ID.
func UserByPhone(ctx context.Context, db bun.IDB, phone string) (*User, error) {
	u := new(User)
	if err := db.NewSelect().Model(u).Where("phone = ? AND phone_verified_at IS NOT NULL", phone).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: user by phone: %w", notFound(err))
	}
	return u, nil
}

// CreateUser inserts u with its password credential and sets its ID. Call
// it inside a transaction: the user row, the credential and the mirror of the
// legacy column commit together.
func CreateUser(ctx context.Context, db bun.IDB, u *User, passwordHash string) error {
	u.LegacyPasswordHash, u.LegacyTwoFactor = "", false // written by MirrorLegacy below
	if _, err := db.NewInsert().Model(u).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("store: create user: %w", err)
	}
	c := &Credential{UserID: u.ID, Type: CredentialPassword, Config: passwordHash, CreatedAt: u.CreatedAt, UpdatedAt: u.CreatedAt}
	if err := AddCredential(ctx, db, c); err != nil {
		return err
	}
	return MirrorLegacy(ctx, db, u.ID)
}

// RenewSecurityStamp gives the account a new security stamp: every link
// token and code issued under the old one stops working.
func RenewSecurityStamp(ctx context.Context, db bun.IDB, u *User) error {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return fmt.Errorf("store: new security stamp: %w", err)
	}
	u.SecurityStamp = hex.EncodeToString(b)
	if _, err := db.NewUpdate().Model((*User)(nil)).Set("security_stamp = ?", u.SecurityStamp).Where("id = ?", u.ID).Exec(ctx); err != nil {
		return fmt.Errorf("store: renew security stamp: %w", err)
	}
	return nil
}

// UpdateUser writes the given columns of u, bumping version; when
// expectVersion > 0 the update only happens if the stored version matches,
// else ErrConflict.
func UpdateUser(ctx context.Context, db bun.IDB, u *User, now time.Time, expectVersion int64, columns ...string) error {
	u.UpdatedAt = now
	q := db.NewUpdate().Model(u).Column(append(columns, "updated_at")...).
		Set("version = version + 1").Where("id = ?", u.ID)
	if expectVersion > 0 {
		q = q.Where("version = ?", expectVersion)
	}
	res, err := q.Returning("version").Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: update user: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConflict
	}
	return nil
}

// DeleteUser removes a user; sessions, codes, tokens and events go with it
// (ON DELETE CASCADE), and unsent mail to the user is dropped.
func DeleteUser(ctx context.Context, db bun.IDB, id int64) error {
	if _, err := db.NewDelete().Model((*OutboxMail)(nil)).Where("user_id = ? AND sent_at IS NULL", id).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete user mail: %w", err)
	}
	for _, m := range []any{(*Session)(nil), (*Code)(nil), (*Token)(nil), (*SecurityEvent)(nil), (*Credential)(nil), (*KnownDevice)(nil)} {
		if _, err := db.NewDelete().Model(m).Where("user_id = ?", id).Exec(ctx); err != nil {
			return fmt.Errorf("store: delete user rows: %w", err)
		}
	}
	if _, err := db.NewDelete().Model((*User)(nil)).Where("id = ?", id).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete user: %w", err)
	}
	return nil
}
