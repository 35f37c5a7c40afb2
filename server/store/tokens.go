package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// CreateToken inserts a link token.
func CreateToken(ctx context.Context, db bun.IDB, t *Token) error {
	if _, err := db.NewInsert().Model(t).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("store: create token: %w", err)
	}
	return nil
}

// ConsumeToken marks the unused, unexpired token with one of hashes (the
// same token keyed under each key of the ring) as used and
// returns it, in one UPDATE: of two parallel uses exactly one wins. A token of
// another purpose, a used or an expired one gives ErrNotFound.
func ConsumeToken(ctx context.Context, db bun.IDB, purposes, hashes []string, now time.Time) (*Token, error) {
	var t Token
	err := db.NewUpdate().Model(&t).Set("used_at = ?", now).
		Where("hash IN (?) AND purpose IN (?) AND used_at IS NULL AND expires_at > ?", bun.In(hashes), bun.In(purposes), now).
		Returning("*").Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: consume token: %w", notFound(err))
	}
	return &t, nil
}

// PeekToken returns the unused, unexpired token with one of hashes (the
// same token keyed under each key of the ring) without using it.
func PeekToken(ctx context.Context, db bun.IDB, purposes, hashes []string, now time.Time) (*Token, error) {
	var t Token
	err := db.NewSelect().Model(&t).
		Where("hash IN (?) AND purpose IN (?) AND used_at IS NULL AND expires_at > ?", bun.In(hashes), bun.In(purposes), now).
		Limit(1).Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: peek token: %w", notFound(err))
	}
	return &t, nil
}

// VoidTokens marks a user's unused tokens of the purposes as used (every
// purpose when none is named).
func VoidTokens(ctx context.Context, db bun.IDB, userID int64, now time.Time, purposes ...string) error {
	q := db.NewUpdate().Model((*Token)(nil)).Set("used_at = ?", now).Where("user_id = ? AND used_at IS NULL", userID)
	if len(purposes) > 0 {
		q = q.Where("purpose IN (?)", bun.In(purposes))
	}
	if _, err := q.Exec(ctx); err != nil {
		return fmt.Errorf("store: void tokens: %w", err)
	}
	return nil
}

// TokenStats tells how many tokens of purpose the user got since a time,
// and when the newest of them was made.
func TokenStats(ctx context.Context, db bun.IDB, userID int64, purpose string, since time.Time) (count int, newest time.Time, err error) {
	var rows []Token
	err = db.NewSelect().Model(&rows).Column("created_at").
		Where("user_id = ? AND purpose = ? AND created_at > ?", userID, purpose, since).Order("created_at DESC").Scan(ctx)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("store: token stats: %w", err)
	}
	if len(rows) > 0 {
		newest = rows[0].CreatedAt
	}
	return len(rows), newest, nil
}

// PendingDestination is where the account's newest live link of purpose
// went (unused, unexpired, issued under stamp), or "" when none is waiting.
func PendingDestination(ctx context.Context, db bun.IDB, userID int64, purpose, stamp string, now time.Time) (string, error) {
	var dest []string
	err := db.NewSelect().Model((*Token)(nil)).Column("destination").
		Where("user_id = ? AND purpose = ? AND stamp = ? AND used_at IS NULL AND expires_at > ?", userID, purpose, stamp, now).
		Order("id DESC").Limit(1).Scan(ctx, &dest)
	if err != nil {
		return "", fmt.Errorf("store: pending link: %w", err)
	}
	if len(dest) == 0 {
		return "", nil
	}
	return dest[0], nil
}
