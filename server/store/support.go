package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// BlockedUntil returns the latest end of a block in force at now among the
// wrong-password counts whose key starts with one of prefixes (every
// browser's count of an identifier), or nil when none blocks (the support
// console shows it).
func BlockedUntil(ctx context.Context, db bun.IDB, prefixes []string, now time.Time) (*time.Time, error) {
	var until []time.Time
	q := db.NewSelect().Model((*LoginFailure)(nil)).Column("blocked_until").Where("blocked_until > ?", now)
	q = q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
		for _, p := range prefixes {
			q = q.WhereOr("key LIKE ?", p+"%")
		}
		return q
	})
	err := q.Order("blocked_until DESC").Limit(1).Scan(ctx, &until)
	if err != nil {
		return nil, fmt.Errorf("store: blocked until: %w", err)
	}
	if len(until) == 0 {
		return nil, nil
	}
	return &until[0], nil
}

// CapSessionExpiry makes the session end at until at the latest (an
// agent's session lasts at most 8 hours). It changes no version: the
// session's own conditional saves never write its expiry.
func CapSessionExpiry(ctx context.Context, db bun.IDB, idHash string, until time.Time) error {
	_, err := db.NewUpdate().Model((*Session)(nil)).Set("expires_at = ?", until).
		Where("id_hash = ? AND expires_at > ?", idHash, until).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: cap session expiry: %w", err)
	}
	return nil
}

// CountUserSessions counts the account's live, signed-in sessions.
func CountUserSessions(ctx context.Context, db bun.IDB, userID int64, now, idleBefore time.Time) (int, error) {
	n, err := db.NewSelect().Model((*Session)(nil)).
		Where("user_id = ? AND state = 'full' AND expires_at > ? AND last_seen_at >= ?", userID, now, idleBefore).Count(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: count sessions: %w", err)
	}
	return int(n), nil
}
