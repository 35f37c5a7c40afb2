package account

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// ConflictError carries the fresh profile when a save met a newer change.
type ConflictError struct{ Current *store.User }

func (e *ConflictError) Error() string { return ErrConflict.Error() }
func (e *ConflictError) Unwrap() error { return ErrConflict }

// ValidatePersonal runs the shared rules over personal data (registration
// and /profile/personal), normalising what it accepts.
func ValidatePersonal(p *api.PersonalData, today time.Time) auth.FieldErrors {
	fe := auth.FieldErrors{}
	check := func(field string, err error) {
		if code := validate.CodeOf(err); code != "" {
			fe[field] = code
		}
	}
	p.Title, p.FirstName, p.LastName = strings.TrimSpace(p.Title), strings.TrimSpace(p.FirstName), strings.TrimSpace(p.LastName)
	p.Street, p.City, p.BirthDate = strings.TrimSpace(p.Street), strings.TrimSpace(p.City), strings.TrimSpace(p.BirthDate)
	p.Country = validate.NormalizeCountry(p.Country)
	check("salutation", validate.Salutation(p.Salutation))
	check("title", validate.OptionalTitle(p.Title))
	check("first_name", validate.Name(p.FirstName))
	check("last_name", validate.Name(p.LastName))
	check("birth_date", validate.BirthDate(p.BirthDate, today))
	check("street", validate.Street(p.Street))
	check("city", validate.City(p.City))
	check("country", validate.Country(p.Country))
	if _, bad := fe["country"]; !bad {
		check("postcode", validate.Postcode(p.Country, p.Postcode))
		p.Postcode = validate.NormalizePostcode(p.Country, p.Postcode)
	}
	if p.Language != "" && p.Language != i18n.English && p.Language != i18n.German {
		fe["language"] = validate.CodeNotAllowed
	}
	return fe
}

// LanguageFor picks the portal language for a country of residence: German
// for Germany, Austria and Liechtenstein, English elsewhere, unless the
// customer chose one.
func LanguageFor(country, chosen string) string {
	if chosen != "" {
		return i18n.Lang(chosen)
	}
	switch country {
	case "DE", "AT", "LI":
		return i18n.German
	}
	return i18n.English
}

// UpdatePersonal saves personal data made against version. A save over a
// newer change (another device) is refused with the fresh data, never
// silently overwritten. The country of residence sets the language unless
// the customer chose one.
func (s *Service) UpdatePersonal(ctx context.Context, userID int64, p api.PersonalData, version int64, m audit.Meta) (*store.User, error) {
	if fe := ValidatePersonal(&p, s.clock.Now()); len(fe) > 0 {
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
		u.Language = LanguageFor(p.Country, p.Language)
		err = store.UpdateUser(ctx, tx, u, s.clock.Now(), version,
			"salutation", "title", "first_name", "last_name", "birth_date", "street", "postcode", "city", "country", "language", "language_choice")
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, s.clock.Now(), u.ID, audit.EventProfileChanged, m); err != nil {
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
