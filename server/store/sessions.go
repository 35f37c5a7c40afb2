package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// ErrSessionGone is returned by a conditional session write when the row is
// no longer there: the session was ended (logout, "log out on all other
// devices", a password change) while the request ran.
var ErrSessionGone = errors.New("store: session ended")

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

// InsertSession writes a new session row. Its id is fresh and random, so it
// never meets an existing row; a session is never written by an upsert,
// which could bring back a row another request deleted.
func InsertSession(ctx context.Context, db bun.IDB, s *Session) error {
	if _, err := db.NewInsert().Model(s).Exec(ctx); err != nil {
		return fmt.Errorf("store: insert session: %w", err)
	}
	return nil
}

// UpdateSession writes s over the row it was loaded from, only if that row
// still exists at version s.Version, and bumps the version. A row that is
// gone is ErrSessionGone; one changed by a parallel request is ErrConflict.
func UpdateSession(ctx context.Context, db bun.IDB, s *Session) error {
	res, err := db.NewUpdate().Model(s).
		Column("user_id", "state", "csrf_token", "flow_id", "auth_at", "amr", "data", "user_agent", "ip", "last_seen_at").
		Set("version = version + 1").
		Where("id_hash = ? AND version = ?", s.IDHash, s.Version).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: update session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		s.Version++
		return nil
	}
	return sessionMissed(ctx, db, s.IDHash)
}

// ReplaceSession ends the row oldHash at version (when oldHash is not "")
// and writes next in one transaction: a new session id at login and step-up.
// If the old row was ended meanwhile, nothing is written (ErrSessionGone).
func ReplaceSession(ctx context.Context, db *bun.DB, oldHash string, version int64, next *Session) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if oldHash != "" {
			res, err := tx.NewDelete().Model((*Session)(nil)).Where("id_hash = ? AND version = ?", oldHash, version).Exec(ctx)
			if err != nil {
				return fmt.Errorf("store: replace session: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return sessionMissed(ctx, tx, oldHash)
			}
		}
		return InsertSession(ctx, tx, next)
	})
}

func sessionMissed(ctx context.Context, db bun.IDB, idHash string) error {
	n, err := db.NewSelect().Model((*Session)(nil)).Where("id_hash = ?", idHash).Count(ctx)
	if err != nil {
		return fmt.Errorf("store: session write missed: %w", err)
	}
	if n == 0 {
		return ErrSessionGone
	}
	return fmt.Errorf("store: session changed by another request: %w", ErrConflict)
}

// TouchSession records a use of the session (without a version bump: a
// touch never writes anything back but the time).
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

// DeleteUserSessionByPrefix ends the user's session whose id hash starts
// with prefix (the handle the sessions list shows), unless it is keepHash.
func DeleteUserSessionByPrefix(ctx context.Context, db bun.IDB, userID int64, prefix, keepHash string) (int, error) {
	res, err := db.NewDelete().Model((*Session)(nil)).
		Where("user_id = ? AND id_hash <> ? AND substr(id_hash, 1, ?) = ?", userID, keepHash, len(prefix), prefix).Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: delete user session: %w", err)
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
