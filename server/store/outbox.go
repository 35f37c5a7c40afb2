package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// InsertOutbox writes m to the outbox; m.ID is set from the database.
func InsertOutbox(ctx context.Context, db bun.IDB, m *OutboxMail) error {
	if _, err := db.NewInsert().Model(m).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("store: insert outbox: %w", err)
	}
	return nil
}

// GetOutbox returns the outbox row with the given id, or ErrNotFound.
func GetOutbox(ctx context.Context, db bun.IDB, id int64) (OutboxMail, error) {
	var m OutboxMail
	err := db.NewSelect().Model(&m).Where("id = ?", id).Limit(1).Scan(ctx)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return m, ErrNotFound
		}
		return m, fmt.Errorf("store: get outbox: %w", err)
	}
	return m, nil
}

// outboxDue is the condition of a row that is waiting and not leased at the
// time given twice as arguments.
const outboxDue = "sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)"

// DueOutboxIDs lists the ids of up to limit rows that may be delivered at
// now, oldest due first. They are only candidates: claim each with
// ClaimOutbox.
func DueOutboxIDs(ctx context.Context, db bun.IDB, now time.Time, limit int) ([]int64, error) {
	var ids []int64
	err := db.NewSelect().Model((*OutboxMail)(nil)).
		Column("id").
		Where(outboxDue, now, now).
		OrderExpr("next_attempt_at ASC, id ASC").
		Limit(int64(limit)).
		Scan(ctx, &ids)
	if err != nil {
		return nil, fmt.Errorf("store: due outbox: %w", err)
	}
	return ids, nil
}

// ClaimOutbox leases the row id until until, if it is still due at now. It
// reports whether this caller won the row: a single conditional UPDATE, so of
// several processes racing for one row exactly one gets it (on PostgreSQL the
// loser's UPDATE waits for the winner and then re-checks the condition).
func ClaimOutbox(ctx context.Context, db bun.IDB, id int64, now, until time.Time) (bool, error) {
	q := db.NewUpdate().Model((*OutboxMail)(nil)).
		Set("locked_until = ?", until).
		Where("id = ?", id).
		Where(outboxDue, now, now)
	res, err := q.Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: claim outbox: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: claim outbox: %w", err)
	}
	return n == 1, nil
}

// MarkOutboxSent records a delivery at now and releases the lease. A row
// that is already sent keeps its first sent_at.
//
// It blanks the bodies in the same UPDATE: they hold live reset,
// confirmation and undo links and codes (which are otherwise stored only as
// keyed hashes), and once the provider has the mail nothing needs them. The
// recipient, subject (no subject carries a secret; mail's compose test
// proves it) and times stay as the record of what was sent.
func MarkOutboxSent(ctx context.Context, db bun.IDB, id int64, now time.Time) error {
	_, err := db.NewUpdate().Model((*OutboxMail)(nil)).
		Set("sent_at = ?", now).
		Set("text_body = ''").
		Set("html_body = ''").
		Set("attempts = attempts + 1").
		Set("locked_until = NULL").
		Set("last_error = ''").
		Where("id = ?", id).
		Where("sent_at IS NULL").
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: mark outbox sent: %w", err)
	}
	return nil
}

// MarkOutboxFailed records a failed attempt: the new attempt count, when to
// try again, the error (never the message), and dead (nil to retry, else the
// time the row was given up). It releases the lease.
func MarkOutboxFailed(ctx context.Context, db bun.IDB, id int64, attempts int, next time.Time, lastError string, dead *time.Time) error {
	_, err := db.NewUpdate().Model((*OutboxMail)(nil)).
		Set("attempts = ?", attempts).
		Set("next_attempt_at = ?", next).
		Set("last_error = ?", lastError).
		Set("dead_at = ?", dead).
		Set("locked_until = NULL").
		Where("id = ?", id).
		Where("sent_at IS NULL").
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: mark outbox failed: %w", err)
	}
	return nil
}

// InsertDevMail stores m in the dev mailbox; m.ID is set from the database.
func InsertDevMail(ctx context.Context, db bun.IDB, m *DevMail) error {
	if _, err := db.NewInsert().Model(m).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("store: insert dev mail: %w", err)
	}
	return nil
}

// ListDevMails returns up to limit dev mails, newest first.
func ListDevMails(ctx context.Context, db bun.IDB, limit int) ([]DevMail, error) {
	rows := []DevMail{}
	err := db.NewSelect().Model(&rows).
		OrderExpr("sent_at DESC, id DESC").
		Limit(int64(limit)).
		Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: list dev mails: %w", err)
	}
	return rows, nil
}
