package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Budget counts uses of something under Key within a window that starts at
// WindowStart.
type Budget struct {
	bun.BaseModel `bun:"table:budgets"`

	Key         string    `bun:"key,pk"`
	Count       int       `bun:"count,notnull"`
	WindowStart time.Time `bun:"window_start,notnull"`
}

// SpendBudget counts one use of key if fewer than limit were counted in the
// current window (a new window starts when window has passed since the last
// one began). It is one statement, so parallel requests cannot spend more
// than limit. It returns whether the use was allowed, how many are counted
// now, and when the window ends.
func SpendBudget(ctx context.Context, db bun.IDB, key string, limit int, window time.Duration, now time.Time) (ok bool, count int, ends time.Time, err error) {
	expired := now.Add(-window)
	var b Budget
	err = db.NewInsert().Model(&Budget{Key: key, Count: 1, WindowStart: now}).
		On("CONFLICT (key) DO UPDATE").
		Set("count = CASE WHEN ?TableAlias.window_start <= ? THEN 1 ELSE ?TableAlias.count + 1 END", expired).
		Set("window_start = CASE WHEN ?TableAlias.window_start <= ? THEN EXCLUDED.window_start ELSE ?TableAlias.window_start END", expired).
		Where("?TableAlias.window_start <= ? OR ?TableAlias.count < ?", expired, limit).
		Returning("count, window_start").
		Scan(ctx, &b)
	if err == nil {
		return true, b.Count, b.WindowStart.Add(window), nil
	}
	if notFound(err) != ErrNotFound {
		return false, 0, time.Time{}, fmt.Errorf("store: spend budget: %w", err)
	}
	if err := db.NewSelect().Model(&b).Where("key = ?", key).Scan(ctx); err != nil {
		return false, 0, time.Time{}, fmt.Errorf("store: read budget: %w", err)
	}
	return false, b.Count, b.WindowStart.Add(window), nil
}

// RefundBudget gives one use of key back (a right code was no wrong entry).
func RefundBudget(ctx context.Context, db bun.IDB, key string) error {
	if _, err := db.NewUpdate().Model((*Budget)(nil)).Set("count = count - 1").Where("key = ? AND count > 0", key).Exec(ctx); err != nil {
		return fmt.Errorf("store: refund budget: %w", err)
	}
	return nil
}

// DeleteOldBudgets removes budgets whose window began before before.
func DeleteOldBudgets(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "budgets", "key", "window_start < ?", before)
}
