package profile

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/store"
)

// ErrNoPicture is asked for a picture the account does not have.
var ErrNoPicture = errors.New("profile: no picture")

// Service keeps profile pictures.
type Service struct {
	db    *bun.DB
	clock clock.Clock
}

// New returns a Service.
func New(db *bun.DB, clk clock.Clock) *Service { return &Service{db: db, clock: clk} }

// SetPicture processes an upload (see Process) and makes it the account's
// picture.
func (s *Service) SetPicture(ctx context.Context, userID int64, data []byte, m audit.Meta) (time.Time, error) {
	sq, err := Process(ctx, data)
	if err != nil {
		return time.Time{}, err
	}
	now := s.clock.Now().UTC().Truncate(time.Second)
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.SetProfilePicture(ctx, tx, &store.ProfilePicture{UserID: userID, Large: sq.Large, Small: sq.Small, UpdatedAt: now}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, userID, audit.EventPictureChanged, m)
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("profile: set picture: %w", err)
	}
	return now, nil
}

// RemovePicture deletes the account's picture ("Remove picture").
func (s *Service) RemovePicture(ctx context.Context, userID int64, m audit.Meta) error {
	return s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		had, err := store.RemoveProfilePicture(ctx, tx, userID)
		if err != nil || !had {
			return err
		}
		return audit.Record(ctx, tx, s.clock.Now(), userID, audit.EventPictureRemoved, m)
	})
}

// Picture returns the account's picture at size (Large or Small) as JPEG,
// and when it was set.
func (s *Service) Picture(ctx context.Context, userID int64, size int) ([]byte, time.Time, error) {
	p, err := store.ProfilePictureOf(ctx, s.db, userID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, time.Time{}, ErrNoPicture
	}
	if err != nil {
		return nil, time.Time{}, err
	}
	if size == Small {
		return p.Small, p.UpdatedAt, nil
	}
	return p.Large, p.UpdatedAt, nil
}

// PictureVersion is when the account's picture was set, nil without one
// (the profile names the picture's URL by it, so a new one is fetched anew).
func (s *Service) PictureVersion(ctx context.Context, userID int64) (*time.Time, error) {
	return store.ProfilePictureTime(ctx, s.db, userID)
}
