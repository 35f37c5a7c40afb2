package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"
)

// The deletes of the sweeper (server/sweep). Each removes rows that nothing
// reads any more, in bites of sweepBatch rows: one long DELETE on SQLite
// would hold the single write lock every request waits for.

// sweepBatch is how many rows one statement removes at most.
const sweepBatch = 500

// deleteInBatches deletes the rows of table that match where, sweepBatch at
// a time, until none are left or ctx ends. key lists the table's primary key
// columns. table, key and where are constants of this file, never input.
func deleteInBatches(ctx context.Context, db bun.IDB, table, key, where string, args ...any) (int64, error) {
	q := "DELETE FROM " + table + " WHERE (" + key + ") IN (SELECT " + key + " FROM " + table +
		" WHERE " + where + " LIMIT " + strconv.Itoa(sweepBatch) + ")"
	var total int64
	for ctx.Err() == nil {
		res, err := db.NewRaw(q, args...).Exec(ctx)
		if err != nil {
			return total, fmt.Errorf("store: sweep %s: %w", table, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, fmt.Errorf("store: sweep %s: %w", table, err)
		}
		total += n
		if n < sweepBatch {
			return total, nil
		}
	}
	return total, ctx.Err()
}

// DeleteExpiredSessions removes sessions past their absolute expiry or idle
// since before idleBefore.
func DeleteExpiredSessions(ctx context.Context, db bun.IDB, now, idleBefore time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "sessions", "id_hash", "expires_at <= ? OR last_seen_at < ?", now, idleBefore)
}

// DeleteStaleLoginFailures removes wrong-password counts last touched before
// before, unless they still block.
func DeleteStaleLoginFailures(ctx context.Context, db bun.IDB, now, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "login_failures", "key",
		"updated_at < ? AND (blocked_until IS NULL OR blocked_until <= ?)", before, now)
}

// DeleteExpiredCodes removes codes that expired before before (used or not).
func DeleteExpiredCodes(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "codes", "id", "expires_at < ?", before)
}

// DeleteExpiredTokens removes link tokens that expired before before (used
// or not).
func DeleteExpiredTokens(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "tokens", "id", "expires_at < ?", before)
}

// DeleteFinishedOutbox removes outbox rows created before before that were
// sent or given up; a row still waiting for delivery stays.
func DeleteFinishedOutbox(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "outbox", "id",
		"created_at < ? AND (sent_at IS NOT NULL OR dead_at IS NOT NULL)", before)
}

// BlankDeadOutbox empties the bodies of rows given up before before. They
// hold links and codes; until then an operator can requeue them by hand
// after a long provider outage (README, Mailgun).
func BlankDeadOutbox(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	res, err := db.NewUpdate().Model((*OutboxMail)(nil)).
		Set("text_body = ''").
		Set("html_body = ''").
		Where("dead_at IS NOT NULL AND dead_at < ? AND sent_at IS NULL", before).
		Where("(text_body <> '' OR html_body <> '')").
		Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: blank dead outbox: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("store: blank dead outbox: %w", err)
	}
	return n, nil
}

// DeleteOldEvents removes security events recorded before before.
func DeleteOldEvents(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "security_events", "id", "created_at < ?", before)
}

// DeleteOldDevMails removes dev mailbox mails delivered before before (the
// table is empty outside dev mode).
func DeleteOldDevMails(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "dev_mails", "id", "sent_at < ?", before)
}

// DeleteStaleDevices forgets devices last seen before before: their device
// cookie has run out.
func DeleteStaleDevices(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "known_devices", "user_id, device_hash", "last_seen_at < ?", before)
}
