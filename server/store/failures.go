package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Attempt is the outcome of reserving a password check for an identifier.
type Attempt struct {
	Allowed      bool      // false: blocked, do not check the password
	Count        int       // wrong passwords in a row, counting this one
	BlockedUntil time.Time // set when blocked (also provisionally by the last allowed attempt)
}

// ReserveLoginAttempt counts an attempt for key before the password is
// checked, in one transaction, so parallel attempts cannot get past the
// limit: at most max checks happen until a success resets the count. Old
// failures leak away, one every leak since the count last changed (a
// sliding limit of max per max×leak, not max ever). The attempt that
// reaches max blocks the key until now+block (lifted again by
// ResetLoginFailures if its password was right).
func ReserveLoginAttempt(ctx context.Context, db *bun.DB, key string, max int, block, leak time.Duration, now time.Time) (Attempt, error) {
	var a Attempt
	err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		f := &LoginFailure{Key: key, UpdatedAt: now}
		if _, err := tx.NewInsert().Model(f).On("CONFLICT (key) DO NOTHING").Exec(ctx); err != nil {
			return err
		}
		q := tx.NewSelect().Model(f).Where("key = ?", key)
		if IsPostgres(tx) {
			q = q.For("UPDATE")
		}
		if err := q.Scan(ctx); err != nil {
			return err
		}
		if f.BlockedUntil != nil && f.BlockedUntil.After(now) {
			a = Attempt{Allowed: false, Count: f.Count, BlockedUntil: *f.BlockedUntil}
			return nil
		}
		if f.BlockedUntil != nil || f.Count >= max {
			f.Count, f.BlockedUntil = 0, nil // the block ran out: start afresh
		}
		if leak > 0 && f.Count > 0 {
			f.Count -= min(f.Count, int(now.Sub(f.UpdatedAt)/leak))
		}
		f.Count++
		f.UpdatedAt = now
		if f.Count >= max {
			until := now.Add(block)
			f.BlockedUntil = &until
			a.BlockedUntil = until
		}
		a.Allowed, a.Count = true, f.Count
		_, err := tx.NewUpdate().Model(f).Column("count", "blocked_until", "updated_at").WherePK().Exec(ctx)
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("store: reserve login attempt: %w", err)
	}
	return a, nil
}

// ResetLoginFailuresWithPrefix clears the counts and blocks of every key
// that starts with one of prefixes (every device's count of an identifier).
func ResetLoginFailuresWithPrefix(ctx context.Context, db bun.IDB, prefixes ...string) error {
	for _, p := range prefixes {
		if _, err := db.NewDelete().Model((*LoginFailure)(nil)).Where("key LIKE ?", p+"%").Exec(ctx); err != nil {
			return fmt.Errorf("store: reset login failures: %w", err)
		}
	}
	return nil
}

// ResetLoginFailures clears the count and any block of the keys.
func ResetLoginFailures(ctx context.Context, db bun.IDB, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	_, err := db.NewDelete().Model((*LoginFailure)(nil)).Where("key IN (?)", bun.In(keys)).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: reset login failures: %w", err)
	}
	return nil
}
