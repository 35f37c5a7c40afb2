package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Lease reserves a periodic job (the sweeper's round) for one process of
// many on one database until ExpiresAt.
type Lease struct {
	bun.BaseModel `bun:"table:leases"`

	Name      string    `bun:"name,pk"`
	Holder    string    `bun:"holder,notnull"`
	ExpiresAt time.Time `bun:"expires_at,notnull"`
}

// AcquireLease takes the lease name for holder until until, if nobody holds
// it at now. One conditional upsert: of several processes racing for it
// exactly one wins (on PostgreSQL the loser's statement waits for the
// winner's row and then finds the lease held). A holder that dies keeps it
// only until it runs out.
func AcquireLease(ctx context.Context, db bun.IDB, name, holder string, now, until time.Time) (bool, error) {
	res, err := db.NewInsert().Model(&Lease{Name: name, Holder: holder, ExpiresAt: until}).
		On("CONFLICT (name) DO UPDATE").
		Set("holder = EXCLUDED.holder").
		Set("expires_at = EXCLUDED.expires_at").
		Where("?TableAlias.expires_at <= ?", now).
		Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: acquire lease %s: %w", name, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: acquire lease %s: %w", name, err)
	}
	return n == 1, nil
}
