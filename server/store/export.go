package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// AllEvents lists every security event the account still has, oldest first
// (a data export holds them all, not the last 50).
func AllEvents(ctx context.Context, db bun.IDB, userID int64) ([]SecurityEvent, error) {
	out := []SecurityEvent{}
	if err := db.NewSelect().Model(&out).Where("user_id = ?", userID).Order("created_at ASC", "id ASC").Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: all events: %w", err)
	}
	return out, nil
}

// CountEventsSince counts the account's events of kind since since (the
// export's daily limit reads it).
func CountEventsSince(ctx context.Context, db bun.IDB, userID int64, kind string, since time.Time) (int, error) {
	n, err := db.NewSelect().Model((*SecurityEvent)(nil)).Where("user_id = ? AND kind = ? AND created_at > ?", userID, kind, since).Count(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: count events: %w", err)
	}
	return int(n), nil
}

// DevicesOf lists the browsers that signed in to the account.
func DevicesOf(ctx context.Context, db bun.IDB, userID int64) ([]KnownDevice, error) {
	out := []KnownDevice{}
	if err := db.NewSelect().Model(&out).Where("user_id = ?", userID).Order("created_at ASC").Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: devices of %d: %w", userID, err)
	}
	return out, nil
}

// HelpVotesOf lists the help votes a visitor gave.
func HelpVotesOf(ctx context.Context, db bun.IDB, visitor string) ([]HelpVote, error) {
	out := []HelpVote{}
	if err := db.NewSelect().Model(&out).Where("visitor = ?", visitor).Order("slug ASC").Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: help votes: %w", err)
	}
	return out, nil
}
