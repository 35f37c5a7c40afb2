package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// CreateCode inserts a code after voiding the earlier unused codes of the same
// account, purpose and flow ("Request a new one" voids the old one).
func CreateCode(ctx context.Context, db bun.IDB, c *Code) error {
	_, err := db.NewUpdate().Model((*Code)(nil)).Set("used_at = ?", c.CreatedAt).
		Where("user_id = ? AND purpose = ? AND flow_id = ? AND used_at IS NULL", c.UserID, c.Purpose, c.FlowID).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: void old codes: %w", err)
	}
	if _, err := db.NewInsert().Model(c).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("store: create code: %w", err)
	}
	return nil
}

// ActiveCode returns the newest unused code of an account, purpose and flow
// (it may have expired or run out of attempts: the caller's atomic steps
// decide).
func ActiveCode(ctx context.Context, db bun.IDB, userID int64, purpose, flowID string) (*Code, error) {
	c := new(Code)
	err := db.NewSelect().Model(c).
		Where("user_id = ? AND purpose = ? AND flow_id = ? AND used_at IS NULL", userID, purpose, flowID).
		Order("id DESC").Limit(1).Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: active code: %w", notFound(err))
	}
	return c, nil
}

// PreviousCode returns the code of the same account, purpose and flow made
// just before c (the one c replaced, or one that was used), or ErrNotFound.
func PreviousCode(ctx context.Context, db bun.IDB, c *Code) (*Code, error) {
	prev := new(Code)
	err := db.NewSelect().Model(prev).
		Where("user_id = ? AND purpose = ? AND flow_id = ? AND id < ?", c.UserID, c.Purpose, c.FlowID, c.ID).
		Order("id DESC").Limit(1).Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: previous code: %w", notFound(err))
	}
	return prev, nil
}

// SpendCodeAttempt counts one entry against code id, only while it is unused,
// unexpired and has attempts left; false means the code is void.
func SpendCodeAttempt(ctx context.Context, db bun.IDB, id int64, maxAttempts int, now time.Time) (bool, error) {
	res, err := db.NewUpdate().Model((*Code)(nil)).Set("attempts = attempts + 1").
		Where("id = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?", id, now, maxAttempts).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: spend code attempt: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// UseCode marks code id used; of parallel callers exactly one gets true.
func UseCode(ctx context.Context, db bun.IDB, id int64, now time.Time) (bool, error) {
	res, err := db.NewUpdate().Model((*Code)(nil)).Set("used_at = ?", now).
		Where("id = ? AND used_at IS NULL AND expires_at > ?", id, now).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: use code: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// CodeStats tells how many resend codes an account made since a time, the
// oldest of them, and the newest code of a purpose and flow.
type CodeStats struct {
	Resends      int
	OldestResend time.Time
	Newest       time.Time
}

// CodeStatsFor gathers the numbers the resend limits need.
func CodeStatsFor(ctx context.Context, db bun.IDB, userID int64, purpose, flowID string, since time.Time) (CodeStats, error) {
	var st CodeStats
	var resends []Code
	err := db.NewSelect().Model(&resends).Column("created_at").
		Where("user_id = ? AND resend AND created_at > ?", userID, since).Order("created_at ASC").Scan(ctx)
	if err != nil {
		return st, fmt.Errorf("store: code stats: %w", err)
	}
	st.Resends = len(resends)
	if len(resends) > 0 {
		st.OldestResend = resends[0].CreatedAt
	}
	var newest Code
	err = db.NewSelect().Model(&newest).Column("created_at").
		Where("user_id = ? AND purpose = ? AND flow_id = ?", userID, purpose, flowID).Order("id DESC").Limit(1).Scan(ctx)
	if err == nil {
		st.Newest = newest.CreatedAt
	} else if notFound(err) != ErrNotFound {
		return st, fmt.Errorf("store: newest code: %w", err)
	}
	return st, nil
}

// VoidCodes marks every unused code of a user as used.
func VoidCodes(ctx context.Context, db bun.IDB, userID int64, now time.Time) error {
	_, err := db.NewUpdate().Model((*Code)(nil)).Set("used_at = ?", now).Where("user_id = ? AND used_at IS NULL", userID).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: void codes: %w", err)
	}
	return nil
}
