package store

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// AddEvent records a security event.
func AddEvent(ctx context.Context, db bun.IDB, e *SecurityEvent) error {
	if _, err := db.NewInsert().Model(e).Exec(ctx); err != nil {
		return fmt.Errorf("store: add event: %w", err)
	}
	return nil
}

// RecentEvents lists a user's newest security events.
func RecentEvents(ctx context.Context, db bun.IDB, userID int64, limit int) ([]SecurityEvent, error) {
	var out []SecurityEvent
	if err := db.NewSelect().Model(&out).Where("user_id = ?", userID).Order("created_at DESC", "id DESC").Limit(int64(limit)).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: recent events: %w", err)
	}
	return out, nil
}
