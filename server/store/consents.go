package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Consent records that an account accepted a version of a document (the
// terms of use, the privacy notice).
type Consent struct {
	bun.BaseModel `bun:"table:consents"`

	UserID     int64     `bun:"user_id,pk"`
	Document   string    `bun:"document,pk"`
	Version    string    `bun:"version,pk"`
	AcceptedAt time.Time `bun:"accepted_at,notnull"`
}

// AddConsent records an acceptance; accepting the same version again keeps
// the first time.
func AddConsent(ctx context.Context, db bun.IDB, c *Consent) error {
	if _, err := db.NewInsert().Model(c).On("CONFLICT (user_id, document, version) DO NOTHING").Exec(ctx); err != nil {
		return fmt.Errorf("store: add consent: %w", err)
	}
	return nil
}

// ConsentsOf lists the account's acceptances, oldest first.
func ConsentsOf(ctx context.Context, db bun.IDB, userID int64) ([]Consent, error) {
	out := []Consent{}
	if err := db.NewSelect().Model(&out).Where("user_id = ?", userID).Order("accepted_at ASC", "document ASC").Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: consents of %d: %w", userID, err)
	}
	return out, nil
}

// AddConsents records that the account accepted each document's version
// at now (a registration accepts the current ones).
func AddConsents(ctx context.Context, db bun.IDB, userID int64, versions map[string]string, now time.Time) error {
	for doc, v := range versions {
		if err := AddConsent(ctx, db, &Consent{UserID: userID, Document: doc, Version: v, AcceptedAt: now}); err != nil {
			return err
		}
	}
	return nil
}
