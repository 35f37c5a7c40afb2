package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Job is work handed on by a request, run by the jobs runner.
type Job struct {
	bun.BaseModel `bun:"table:jobs"`

	ID            int64      `bun:"id,pk,autoincrement"`
	Kind          string     `bun:"kind,notnull"`
	Payload       string     `bun:"payload,notnull"`
	Attempts      int        `bun:"attempts,notnull"`
	NextAttemptAt time.Time  `bun:"next_attempt_at,notnull"`
	LockedUntil   *time.Time `bun:"locked_until"`
	DeadAt        *time.Time `bun:"dead_at"`
	LastError     string     `bun:"last_error,notnull"`
	CreatedAt     time.Time  `bun:"created_at,notnull"`
}

// InsertJob writes j, due at once.
func InsertJob(ctx context.Context, db bun.IDB, j *Job) error {
	if _, err := db.NewInsert().Model(j).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("store: insert job: %w", err)
	}
	return nil
}

const jobDue = "dead_at IS NULL AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)"

// ClaimDueJob leases the oldest job due at now until until and returns it:
// one conditional UPDATE per candidate, so of several processes exactly one
// gets each job. ErrNotFound when none is due.
func ClaimDueJob(ctx context.Context, db bun.IDB, now, until time.Time) (*Job, error) {
	for {
		var ids []int64
		err := db.NewSelect().Model((*Job)(nil)).Column("id").Where(jobDue, now, now).
			OrderExpr("next_attempt_at ASC, id ASC").Limit(8).Scan(ctx, &ids)
		if err != nil {
			return nil, fmt.Errorf("store: due jobs: %w", err)
		}
		if len(ids) == 0 {
			return nil, ErrNotFound
		}
		for _, id := range ids {
			var j Job
			err := db.NewUpdate().Model(&j).Set("locked_until = ?", until).
				Where("id = ?", id).Where(jobDue, now, now).Returning("*").Scan(ctx)
			if err == nil {
				return &j, nil
			}
			if notFound(err) != ErrNotFound {
				return nil, fmt.Errorf("store: claim job: %w", err)
			}
		}
	}
}

// DeleteJob removes a job that is done.
func DeleteJob(ctx context.Context, db bun.IDB, id int64) error {
	if _, err := db.NewDelete().Model((*Job)(nil)).Where("id = ?", id).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete job: %w", err)
	}
	return nil
}

// FailJob records a failed run: try again at next, or give up (dead at,
// with its payload blanked: it may hold personal data).
func FailJob(ctx context.Context, db bun.IDB, id int64, attempts int, next time.Time, lastError string, dead *time.Time) error {
	q := db.NewUpdate().Model((*Job)(nil)).
		Set("attempts = ?", attempts).Set("next_attempt_at = ?", next).Set("last_error = ?", lastError).
		Set("dead_at = ?", dead).Set("locked_until = NULL").Where("id = ?", id)
	if dead != nil {
		q = q.Set("payload = ''")
	}
	if _, err := q.Exec(ctx); err != nil {
		return fmt.Errorf("store: fail job: %w", err)
	}
	return nil
}

// DeleteDeadJobs removes jobs given up before before.
func DeleteDeadJobs(ctx context.Context, db bun.IDB, before time.Time) (int64, error) {
	return deleteInBatches(ctx, db, "jobs", "id", "dead_at < ?", before)
}
