package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// OutboxStats is the state of the outbox for an operator: per channel, how
// many messages wait, since when the oldest waits, and how many were given
// up and not yet removed.
type OutboxStats struct {
	Channel string
	Waiting int64
	Oldest  *time.Time // created_at of the oldest waiting row, nil when none waits
	Dead    int64
}

// ReadOutboxStats counts the outbox per channel with one query.
func ReadOutboxStats(ctx context.Context, db bun.IDB) ([]OutboxStats, error) {
	var rows []struct {
		Channel string     `bun:"channel"`
		Waiting int64      `bun:"waiting"`
		Oldest  *time.Time `bun:"oldest"`
		Dead    int64      `bun:"dead"`
	}
	err := db.NewSelect().Model((*OutboxMail)(nil)).
		Column("channel").
		ColumnExpr("SUM(CASE WHEN sent_at IS NULL AND dead_at IS NULL THEN 1 ELSE 0 END) AS waiting").
		ColumnExpr("MIN(CASE WHEN sent_at IS NULL AND dead_at IS NULL THEN created_at END) AS oldest").
		ColumnExpr("SUM(CASE WHEN dead_at IS NOT NULL THEN 1 ELSE 0 END) AS dead").
		Where("sent_at IS NULL").
		Group("channel").
		Scan(ctx, &rows)
	if err != nil {
		return nil, fmt.Errorf("store: outbox stats: %w", err)
	}
	out := make([]OutboxStats, 0, len(rows))
	for _, r := range rows {
		out = append(out, OutboxStats{Channel: r.Channel, Waiting: r.Waiting, Oldest: r.Oldest, Dead: r.Dead})
	}
	return out, nil
}
