package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// SessionByHash loads a live session (not past its absolute expiry).
func SessionByHash(ctx context.Context, db bun.IDB, idHash string, now time.Time) (*Session, error) {
	s := new(Session)
	var err error
	if bdb, ok := db.(*bun.DB); ok {
		var p *preparedReads
		if p, err = reads(ctx, bdb); err == nil {
			err = readOne(ctx, bdb, p.session, s, idHash)
		}
	} else {
		err = db.NewSelect().Model(s).Where("id_hash = ?", idHash).Scan(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("store: session: %w", notFound(err))
	}
	if !s.ExpiresAt.After(now) {
		return nil, fmt.Errorf("store: session: %w", ErrNotFound)
	}
	return s, nil
}

// SaveSession inserts or replaces a session row.
func SaveSession(ctx context.Context, db bun.IDB, s *Session) error {
	_, err := db.NewInsert().Model(s).
		On("CONFLICT (id_hash) DO UPDATE").
		Set("user_id = EXCLUDED.user_id, state = EXCLUDED.state, csrf_token = EXCLUDED.csrf_token, flow_id = EXCLUDED.flow_id, auth_at = EXCLUDED.auth_at, user_agent = EXCLUDED.user_agent, ip = EXCLUDED.ip, last_seen_at = EXCLUDED.last_seen_at, expires_at = EXCLUDED.expires_at").
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: save session: %w", err)
	}
	return nil
}

// TouchSession records a use of the session.
func TouchSession(ctx context.Context, db bun.IDB, idHash string, now time.Time) error {
	if _, err := db.NewUpdate().Model((*Session)(nil)).Set("last_seen_at = ?", now).Where("id_hash = ?", idHash).Exec(ctx); err != nil {
		return fmt.Errorf("store: touch session: %w", err)
	}
	return nil
}

// DeleteSession removes one session.
func DeleteSession(ctx context.Context, db bun.IDB, idHash string) error {
	if _, err := db.NewDelete().Model((*Session)(nil)).Where("id_hash = ?", idHash).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of a user except keepHash ("" = all).
func DeleteUserSessions(ctx context.Context, db bun.IDB, userID int64, keepHash string) (int, error) {
	res, err := db.NewDelete().Model((*Session)(nil)).Where("user_id = ? AND id_hash <> ?", userID, keepHash).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: delete user sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// UserSessions lists a user's live sessions, most recently used first.
func UserSessions(ctx context.Context, db bun.IDB, userID int64, now time.Time) ([]Session, error) {
	var out []Session
	err := db.NewSelect().Model(&out).Where("user_id = ? AND expires_at > ? AND state = 'full'", userID, now).
		Order("last_seen_at DESC").Limit(100).Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: user sessions: %w", err)
	}
	return out, nil
}
