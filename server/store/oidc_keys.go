package store

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// OIDCKeys lists the signing keys, the newest generation first.
func OIDCKeys(ctx context.Context, db bun.IDB) ([]OIDCKey, error) {
	var out []OIDCKey
	if err := db.NewSelect().Model(&out).Order("generation DESC").Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: signing keys: %w", err)
	}
	return out, nil
}

// AddOIDCKey inserts the next generation of signing key unless another
// process inserted that generation first; added tells which happened.
func AddOIDCKey(ctx context.Context, db bun.IDB, k *OIDCKey) (added bool, err error) {
	res, err := db.NewInsert().Model(k).On("CONFLICT (generation) DO NOTHING").Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: add signing key: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// OIDCSubjectOf returns the subject apps know the account by.
func OIDCSubjectOf(ctx context.Context, db bun.IDB, userID int64) (string, error) {
	var s OIDCSubject
	if err := db.NewSelect().Model(&s).Where("user_id = ?", userID).Scan(ctx); err != nil {
		return "", fmt.Errorf("store: subject of %d: %w", userID, notFound(err))
	}
	return s.Subject, nil
}

// AddOIDCSubject gives the account subject unless it has one already.
func AddOIDCSubject(ctx context.Context, db bun.IDB, userID int64, subject string) error {
	_, err := db.NewInsert().Model(&OIDCSubject{UserID: userID, Subject: subject}).On("CONFLICT (user_id) DO NOTHING").Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: add subject: %w", err)
	}
	return nil
}

// UserIDBySubject returns the account a subject names.
func UserIDBySubject(ctx context.Context, db bun.IDB, subject string) (int64, error) {
	var s OIDCSubject
	if err := db.NewSelect().Model(&s).Where("subject = ?", subject).Scan(ctx); err != nil {
		return 0, fmt.Errorf("store: user by subject: %w", notFound(err))
	}
	return s.UserID, nil
}
