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

// ConsumeToken marks the unused, unexpired token with hash as used and
// returns it, in one UPDATE: of two parallel uses exactly one wins. A token of
// another purpose, a used or an expired one gives ErrNotFound.
func ConsumeToken(ctx context.Context, db bun.IDB, purposes []string, hash string, now time.Time) (*Token, error) {
	var t Token
	err := db.NewUpdate().Model(&t).Set("used_at = ?", now).
		Where("hash = ? AND purpose IN (?) AND used_at IS NULL AND expires_at > ?", hash, bun.In(purposes), now).
		Returning("*").Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: consume token: %w", notFound(err))
	}
	return &t, nil
}

// VoidTokens marks a user's unused tokens of a purpose as used.
func VoidTokens(ctx context.Context, db bun.IDB, userID int64, purpose string, now time.Time) error {
	_, err := db.NewUpdate().Model((*Token)(nil)).Set("used_at = ?", now).
		Where("user_id = ? AND purpose = ? AND used_at IS NULL", userID, purpose).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: void tokens: %w", err)
	}
	return nil
}
