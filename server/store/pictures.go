package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// ProfilePicture is an account's picture, already cropped, scaled and
// stripped of metadata: a 256 and a 64 pixel square.
type ProfilePicture struct {
	bun.BaseModel `bun:"table:profile_pictures"`

	UserID    int64     `bun:"user_id,pk"`
	Large     []byte    `bun:"large,notnull"`
	Small     []byte    `bun:"small,notnull"`
	UpdatedAt time.Time `bun:"updated_at,notnull"`
}

// SetProfilePicture stores or replaces the account's picture.
func SetProfilePicture(ctx context.Context, db bun.IDB, p *ProfilePicture) error {
	_, err := db.NewInsert().Model(p).On("CONFLICT (user_id) DO UPDATE").
		Set("large = EXCLUDED.large").Set("small = EXCLUDED.small").Set("updated_at = EXCLUDED.updated_at").Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: set profile picture: %w", err)
	}
	return nil
}

// ProfilePictureOf returns the account's picture, or ErrNotFound.
func ProfilePictureOf(ctx context.Context, db bun.IDB, userID int64) (*ProfilePicture, error) {
	p := new(ProfilePicture)
	if err := db.NewSelect().Model(p).Where("user_id = ?", userID).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: profile picture of %d: %w", userID, notFound(err))
	}
	return p, nil
}

// ProfilePictureTime returns when the account's picture was set, or nil
// when it has none (without reading the images).
func ProfilePictureTime(ctx context.Context, db bun.IDB, userID int64) (*time.Time, error) {
	var at []time.Time
	err := db.NewSelect().Model((*ProfilePicture)(nil)).Column("updated_at").Where("user_id = ?", userID).Scan(ctx, &at)
	if err != nil {
		return nil, fmt.Errorf("store: profile picture time of %d: %w", userID, err)
	}
	if len(at) == 0 {
		return nil, nil
	}
	return &at[0], nil
}

// RemoveProfilePicture deletes the account's picture and reports whether it
// had one.
func RemoveProfilePicture(ctx context.Context, db bun.IDB, userID int64) (bool, error) {
	res, err := db.NewDelete().Model((*ProfilePicture)(nil)).Where("user_id = ?", userID).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: remove profile picture: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}
