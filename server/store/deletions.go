package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// AccountDeletion marks an account that its owner deleted: it is
// deactivated at once and removed after DeleteAfter, unless the owner
// follows the undo link of the farewell mail before.
type AccountDeletion struct {
	bun.BaseModel `bun:"table:account_deletions"`

	UserID      int64     `bun:"user_id,pk"`
	RequestedAt time.Time `bun:"requested_at,notnull"`
	DeleteAfter time.Time `bun:"delete_after,notnull"`
}

// ScheduleDeletion deactivates the account until its removal at
// deleteAfter.
func ScheduleDeletion(ctx context.Context, db bun.IDB, d *AccountDeletion) error {
	_, err := db.NewInsert().Model(d).On("CONFLICT (user_id) DO UPDATE").
		Set("requested_at = EXCLUDED.requested_at").Set("delete_after = EXCLUDED.delete_after").Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: schedule deletion: %w", err)
	}
	return nil
}

// DeletionOf returns the account's pending deletion, or ErrNotFound when it
// is active.
func DeletionOf(ctx context.Context, db bun.IDB, userID int64) (*AccountDeletion, error) {
	d := new(AccountDeletion)
	if err := db.NewSelect().Model(d).Where("user_id = ?", userID).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: deletion of %d: %w", userID, notFound(err))
	}
	return d, nil
}

// CancelDeletion reactivates the account and reports whether it was
// deactivated.
func CancelDeletion(ctx context.Context, db bun.IDB, userID int64) (bool, error) {
	res, err := db.NewDelete().Model((*AccountDeletion)(nil)).Where("user_id = ?", userID).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: cancel deletion: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// DueDeletions lists up to limit accounts whose grace period ended at now.
func DueDeletions(ctx context.Context, db bun.IDB, now time.Time, limit int) ([]int64, error) {
	var ids []int64
	err := db.NewSelect().Model((*AccountDeletion)(nil)).Column("user_id").
		Where("delete_after <= ?", now).Order("delete_after ASC").Limit(int64(limit)).Scan(ctx, &ids)
	if err != nil {
		return nil, fmt.Errorf("store: due deletions: %w", err)
	}
	return ids, nil
}
