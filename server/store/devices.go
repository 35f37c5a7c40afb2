package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// RememberDevice records that a device signed in to an account and tells
// whether it was new to the account, and whether the account had known any
// device before (a first sign-in is nothing to warn about).
func RememberDevice(ctx context.Context, db bun.IDB, userID int64, deviceHash, userAgent string, now time.Time) (isNew, hadOthers bool, err error) {
	d := &KnownDevice{UserID: userID, DeviceHash: deviceHash, UserAgent: userAgent, CreatedAt: now, LastSeenAt: now}
	res, err := db.NewInsert().Model(d).On("CONFLICT (user_id, device_hash) DO NOTHING").Exec(ctx)
	if err != nil {
		return false, false, fmt.Errorf("store: remember device: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		_, err := db.NewUpdate().Model((*KnownDevice)(nil)).Set("last_seen_at = ?, user_agent = ?", now, userAgent).
			Where("user_id = ? AND device_hash = ?", userID, deviceHash).Exec(ctx)
		if err != nil {
			return false, false, fmt.Errorf("store: touch device: %w", err)
		}
		return false, true, nil
	}
	others, err := db.NewSelect().Model((*KnownDevice)(nil)).Where("user_id = ? AND device_hash <> ?", userID, deviceHash).Count(ctx)
	if err != nil {
		return false, false, fmt.Errorf("store: count devices: %w", err)
	}
	return true, others > 0, nil
}

// IsKnownDevice tells whether the device signed in to the account before.
func IsKnownDevice(ctx context.Context, db bun.IDB, userID int64, deviceHash string) (bool, error) {
	if deviceHash == "" {
		return false, nil
	}
	n, err := db.NewSelect().Model((*KnownDevice)(nil)).Where("user_id = ? AND device_hash = ?", userID, deviceHash).Count(ctx)
	if err != nil {
		return false, fmt.Errorf("store: known device: %w", err)
	}
	return n > 0, nil
}

// ForgetDevices forgets every device of the account.
func ForgetDevices(ctx context.Context, db bun.IDB, userID int64) error {
	if _, err := db.NewDelete().Model((*KnownDevice)(nil)).Where("user_id = ?", userID).Exec(ctx); err != nil {
		return fmt.Errorf("store: forget devices: %w", err)
	}
	return nil
}
