package auth

import (
	"context"
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
