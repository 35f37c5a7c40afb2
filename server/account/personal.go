package account

import (
	"context"
	"errors"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// ConflictError carries the fresh profile when a save met a newer change.
type ConflictError struct{ Current *store.User }

func (e *ConflictError) Error() string { return ErrConflict.Error() }
func (e *ConflictError) Unwrap() error { return ErrConflict }

// UpdatePersonal saves personal data made against version. A save over a
// newer change (another device) is refused with the fresh data, never
// silently overwritten. The country of residence sets the language unless
// the customer chose one.
func (s *Service) UpdatePersonal(ctx context.Context, userID int64, p api.PersonalData, version int64, m auth.Meta) (*store.User, error) {
	if fe := auth.ValidatePersonal(&p, s.clock.Now().Format("2006-01-02")); len(fe) > 0 {
		return nil, fe
	}
	var out *store.User
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, userID)
		if err != nil {
			return err
		}
		u.Salutation, u.Title, u.FirstName, u.LastName = p.Salutation, p.Title, p.FirstName, p.LastName
		u.BirthDate, u.Street, u.Postcode, u.City, u.Country = p.BirthDate, p.Street, p.Postcode, p.City, p.Country
		u.LanguageChoice = p.Language
		u.Language = auth.LanguageFor(p.Country, p.Language)
		err = store.UpdateUser(ctx, tx, u, s.clock.Now(), version,
			"salutation", "title", "first_name", "last_name", "birth_date", "street", "postcode", "city", "country", "language", "language_choice")
		if errors.Is(err, store.ErrConflict) {
			return err
		}
		if err != nil {
			return err
		}
		if err := s.auth.Event(ctx, tx, u.ID, auth.EventProfileChanged, m); err != nil {
			return err
		}
		out, err = store.UserByID(ctx, tx, userID)
		return err
	})
	if errors.Is(err, store.ErrConflict) {
		fresh, ferr := store.UserByID(ctx, s.db, userID)
		if ferr != nil {
			return nil, ferr
		}
		return nil, &ConflictError{Current: fresh}
	}
	return out, err
}
