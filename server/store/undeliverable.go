package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// UndeliverableAddress is an e-mail address the mail provider reported as
// bouncing for good, or whose owner marked our mail as spam. It is keyed by
// the address, not the account: an account that moves to another address
// is reachable again.
type UndeliverableAddress struct {
	bun.BaseModel `bun:"table:undeliverable_addresses"`

	Email      string    `bun:"email,pk"`
	Reason     string    `bun:"reason,notnull"` // "bounced" or "complained"
	ReportedAt time.Time `bun:"reported_at,notnull"`
}

// MarkUndeliverable records (or updates) an address's report.
func MarkUndeliverable(ctx context.Context, db bun.IDB, a *UndeliverableAddress) error {
	_, err := db.NewInsert().Model(a).On("CONFLICT (email) DO UPDATE").
		Set("reason = EXCLUDED.reason").Set("reported_at = EXCLUDED.reported_at").Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: mark undeliverable: %w", err)
	}
	return nil
}

// UndeliverableReason returns why mail to email does not arrive, "" when
// nothing was reported.
func UndeliverableReason(ctx context.Context, db bun.IDB, email string) (string, error) {
	var reasons []string
	err := db.NewSelect().Model((*UndeliverableAddress)(nil)).Column("reason").Where("email = ?", email).Scan(ctx, &reasons)
	if err != nil {
		return "", fmt.Errorf("store: undeliverable %w", err)
	}
	if len(reasons) == 0 {
		return "", nil
	}
	return reasons[0], nil
}

// ClearUndeliverable forgets a report (the address received a link and its
// owner opened it: it works again).
func ClearUndeliverable(ctx context.Context, db bun.IDB, email string) error {
	if _, err := db.NewDelete().Model((*UndeliverableAddress)(nil)).Where("email = ?", email).Exec(ctx); err != nil {
		return fmt.Errorf("store: clear undeliverable: %w", err)
	}
	return nil
}
