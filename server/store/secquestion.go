package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// SecurityQuestion is the concierge check of an account: the question the
// customer picked and the argon2id hash of their normalized answer, with the
// support desk's misses in a row.
type SecurityQuestion struct {
	bun.BaseModel `bun:"table:security_questions"`

	UserID      int64      `bun:"user_id,pk"`
	Question    string     `bun:"question,notnull"`
	AnswerHash  string     `bun:"answer_hash,notnull"`
	Misses      int        `bun:"misses,notnull"`
	LockedUntil *time.Time `bun:"locked_until"`
	UpdatedAt   time.Time  `bun:"updated_at,notnull"`
}

// SecurityQuestionOf returns the account's question, or ErrNotFound.
func SecurityQuestionOf(ctx context.Context, db bun.IDB, userID int64) (*SecurityQuestion, error) {
	q := new(SecurityQuestion)
	if err := db.NewSelect().Model(q).Where("user_id = ?", userID).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: security question of %d: %w", userID, notFound(err))
	}
	return q, nil
}

// SetSecurityQuestion stores the account's question and answer hash, with
// the misses cleared.
func SetSecurityQuestion(ctx context.Context, db bun.IDB, q *SecurityQuestion) error {
	q.Misses, q.LockedUntil = 0, nil
	_, err := db.NewInsert().Model(q).On("CONFLICT (user_id) DO UPDATE").
		Set("question = EXCLUDED.question").Set("answer_hash = EXCLUDED.answer_hash").
		Set("misses = 0").Set("locked_until = NULL").Set("updated_at = EXCLUDED.updated_at").Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: set security question: %w", err)
	}
	return nil
}

// ReserveSecurityCheck counts one check of the answer before it is compared
// (so parallel guesses cannot get past the limit), unless the check is
// locked at now or max checks in a row are already counted. It returns the
// row as it stands after the count, and false when no check is allowed.
func ReserveSecurityCheck(ctx context.Context, db bun.IDB, userID int64, max int, now time.Time) (*SecurityQuestion, bool, error) {
	res, err := db.NewUpdate().Model((*SecurityQuestion)(nil)).Set("misses = misses + 1").
		Where("user_id = ? AND (locked_until IS NULL OR locked_until <= ?) AND misses < ?", userID, now, max).Exec(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("store: reserve security check: %w", err)
	}
	n, _ := res.RowsAffected()
	q, err := SecurityQuestionOf(ctx, db, userID)
	if err != nil {
		return nil, false, err
	}
	return q, n == 1, nil
}

// SecurityCheckPassed clears the count after a matching answer.
func SecurityCheckPassed(ctx context.Context, db bun.IDB, userID int64) error {
	_, err := db.NewUpdate().Model((*SecurityQuestion)(nil)).Set("misses = 0").Set("locked_until = NULL").
		Where("user_id = ?", userID).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: security check passed: %w", err)
	}
	return nil
}

// LockSecurityCheck locks the check until until, once: it reports whether
// this call locked it (so the customer is told once).
func LockSecurityCheck(ctx context.Context, db bun.IDB, userID int64, now, until time.Time) (bool, error) {
	res, err := db.NewUpdate().Model((*SecurityQuestion)(nil)).Set("locked_until = ?", until).Set("misses = 0").
		Where("user_id = ? AND (locked_until IS NULL OR locked_until <= ?)", userID, now).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: lock security check: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// HasSecurityQuestion reports whether the account set a question.
func HasSecurityQuestion(ctx context.Context, db bun.IDB, userID int64) (bool, error) {
	_, err := SecurityQuestionOf(ctx, db, userID)
	if errors.Is(err, ErrNotFound) || errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}
