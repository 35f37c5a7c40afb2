package auth

import (
	"context"
	"errors"
	"time"

	"github.com/minicorp/miniid/server/store"
)

// BlockedUntil tells until when wrong passwords block u's login, nil when
// they do not (the support console shows it; LiftBlock ends it).
func (s *Service) BlockedUntil(ctx context.Context, u *store.User) (*time.Time, error) {
	return store.BlockedUntil(ctx, s.db, s.userKeys(u), s.clock.Now())
}

// SecondFactorNames lists the second factors the account has set up, by
// method name (the support console shows them, never their secrets).
func (s *Service) SecondFactorNames(ctx context.Context, userID int64) ([]string, error) {
	creds, err := store.CredentialsOf(ctx, s.db, userID)
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, f := range s.secondFactors() {
		if f.Has(creds) {
			out = append(out, f.Name())
		}
	}
	return out, nil
}

// DeletionPendingError says the account was deleted by its owner and waits,
// deactivated, for its removal at Until; only the farewell mail's link
// brings it back.
type DeletionPendingError struct{ Until time.Time }

func (e *DeletionPendingError) Error() string {
	return "auth: account deactivated until its deletion at " + e.Until.Format(time.RFC3339)
}

// refuseDeactivated stops a login into an account that waits for its
// deletion. The funnel runs it once a factor was proven (a password, a
// passkey), so it tells nothing to someone who has neither.
func (s *Service) refuseDeactivated(ctx context.Context, u *store.User) error {
	d, err := store.DeletionOf(ctx, s.db, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return &DeletionPendingError{Until: d.DeleteAfter}
}
