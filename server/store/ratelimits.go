package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// takeToken is GCRA (the generic cell rate algorithm) in one conditional
// upsert: a bucket of burst tokens that refills one every interval is kept
// as the time it would be full again ("theoretical arrival time", tat). A
// request at now is allowed when max(tat, now) − now ≤ (burst−1)·interval,
// and moves tat on by one interval. Times are microseconds since 1970, so
// the arithmetic is the same integer SQL on PostgreSQL and SQLite.
//
// Arguments: key, now+interval (a new row), then now, interval, now, now,
// now, (burst−1)·interval.
const takeToken = `INSERT INTO rate_limits AS r (key, tat) VALUES (?, ?)
ON CONFLICT (key) DO UPDATE SET tat = (CASE WHEN r.tat > ? THEN r.tat ELSE ? END) + ?
WHERE (CASE WHEN r.tat > ? THEN r.tat ELSE ? END) - ? <= ?
RETURNING tat`

// TakeToken spends one token of the bucket key, which holds burst tokens
// and gains one every interval (the semantics of golang.org/x/time/rate,
// whose in-memory buckets it replaces). Of parallel callers, in one process
// or many on one database, no more than the bucket holds succeed: it is one
// statement. It returns whether the token was taken, and if not, how long
// until one is there.
func TakeToken(ctx context.Context, db bun.IDB, key string, interval time.Duration, burst int, now time.Time) (bool, time.Duration, error) {
	t, iv := now.UnixMicro(), interval.Microseconds()
	slack := int64(burst-1) * iv
	var tat int64
	err := db.NewRaw(takeToken, key, t+iv, t, t, iv, t, t, t, slack).Scan(ctx, &tat)
	if err == nil {
		return true, 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, 0, fmt.Errorf("store: take token: %w", err)
	}
	// Refused: the row exists and is full; read when the next token comes.
	if err := db.NewRaw("SELECT tat FROM rate_limits WHERE key = ?", key).Scan(ctx, &tat); err != nil {
		return false, 0, fmt.Errorf("store: read token bucket: %w", err)
	}
	wait := time.Duration(max(tat, t)-t-slack) * time.Microsecond
	return false, max(wait, time.Microsecond), nil
}

// DeleteFullRateLimits removes the buckets that are full again at now: a
// missing row is a full bucket.
func DeleteFullRateLimits(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "rate_limits", "key", "tat <= ?", now.UnixMicro())
}
