package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// Token purposes.
const (
	TokenConfirm     = "confirm"
	TokenReset       = "reset"
	TokenEmailChange = "email_change"
	TokenEmailUndo   = "email_undo"
)

// FieldErrors maps field names to validation codes.
type FieldErrors map[string]string

func (f FieldErrors) Error() string { return "auth: invalid fields" }

// ValidateRegistration runs the shared rules over a registration and the
// strength estimate over its password.
func ValidateRegistration(r *api.RegisterRequest, today func() string) FieldErrors {
	fe := ValidatePersonal(&r.PersonalData, today())
	check := func(field string, err error) {
		if code := validate.CodeOf(err); code != "" {
			fe[field] = code
		}
	}
	r.Email = validate.NormalizeEmail(r.Email)
	check("email", validate.Email(r.Email))
	check("password", validate.Password(r.Password))
	if strings.TrimSpace(r.Phone) != "" {
		r.Phone = validate.NormalizePhone(r.Phone)
		check("phone", validate.Phone(r.Phone))
	}
	if !r.AcceptTerms {
		fe["accept_terms"] = validate.CodeRequired
	}
	if !r.AcceptPrivacy {
		fe["accept_privacy"] = validate.CodeRequired
	}
	if _, bad := fe["password"]; !bad {
		if st := Strength(r.Password, r.Email, r.FirstName, r.LastName); !st.Acceptable {
			fe["password"] = st.Reason
		}
	}
	return fe
}

// ValidatePersonal runs the shared rules over personal data (registration
// and /profile/personal), normalising what it accepts.
func ValidatePersonal(p *api.PersonalData, today string) FieldErrors {
	fe := FieldErrors{}
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
	check("birth_date", validate.BirthDate(p.BirthDate, parseDay(today)))
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
// for Germany, Austria (and Liechtenstein), English elsewhere unless the
// customer chose otherwise.
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

// Register creates an unconfirmed account and mails a confirmation link. An
// address that already has a confirmed account gets a warning mail instead,
// and the caller gets exactly the same answer (no enumeration). A pending,
// unconfirmed registration of the same address is replaced: only the owner
// of the mailbox can confirm either.
func (s *Service) Register(ctx context.Context, r api.RegisterRequest, m Meta) error {
	if fe := ValidateRegistration(&r, s.today); len(fe) > 0 {
		return fe
	}
	// Hash first, whatever happens next, so both branches cost the same.
	hash, err := s.Hasher.Hash(ctx, r.Password)
	if err != nil {
		return err
	}
	now := s.Clock.Now()
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		existing, err := store.UserByEmail(ctx, tx, r.Email)
		switch {
		case err == nil && existing.EmailConfirmedAt != nil:
			return s.sendMail(ctx, tx, existing, existing.Email, mail.KindAlreadyRegistered, mail.Data{
				Link: s.link("/login", ""), ResetLink: s.link("/forgot-password", ""),
			})
		case err == nil:
			if err := store.DeleteUser(ctx, tx, existing.ID); err != nil {
				return err
			}
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
		u := &store.User{
			Email: r.Email, PasswordHash: hash,
			Salutation: r.Salutation, Title: r.Title, FirstName: r.FirstName, LastName: r.LastName,
			BirthDate: r.BirthDate, Street: r.Street, Postcode: r.Postcode, City: r.City,
			Country: r.Country, Language: LanguageFor(r.Country, r.Language), LanguageChoice: r.Language, Version: 1,
			CreatedAt: now, UpdatedAt: now,
		}
		if r.Phone != "" {
			u.Phone = &r.Phone
		}
		if err := store.CreateUser(ctx, tx, u); err != nil {
			return err
		}
		if err := s.event(ctx, tx, u.ID, EventRegistered, m); err != nil {
			return err
		}
		return s.mailConfirmation(ctx, tx, u)
	})
	if err != nil {
		return fmt.Errorf("auth: register: %w", err)
	}
	s.kick()
	return nil
}

func (s *Service) mailConfirmation(ctx context.Context, tx bun.IDB, u *store.User) error {
	if err := store.VoidTokens(ctx, tx, u.ID, TokenConfirm, s.Clock.Now()); err != nil {
		return err
	}
	tok, err := s.issueToken(ctx, tx, u.ID, TokenConfirm, ConfirmLifetime, "")
	if err != nil {
		return err
	}
	return s.sendMail(ctx, tx, u, u.Email, mail.KindConfirmEmail, mail.Data{Link: s.link("/confirm", tok)})
}

// ResendConfirmation mails a new confirmation link if the address has an
// unconfirmed account; it answers the same either way.
func (s *Service) ResendConfirmation(ctx context.Context, email string) error {
	email = validate.NormalizeEmail(email)
	if err := validate.Email(email); err != nil {
		return FieldErrors{"email": err.(*validate.Error).Code}
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByEmail(ctx, tx, email)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if u.EmailConfirmedAt != nil {
			return nil
		}
		return s.mailConfirmation(ctx, tx, u)
	})
	if err != nil {
		return fmt.Errorf("auth: resend confirmation: %w", err)
	}
	s.kick()
	return nil
}

// Confirm consumes a confirmation link: it confirms the address and logs the
// session in. An e-mail change's link (to the new address) and its undo link
// (to the old one) come through here too.
func (s *Service) Confirm(ctx context.Context, cur *Current, token string, m Meta) (*store.User, string, error) {
	now := s.Clock.Now()
	var user *store.User
	var loggedIn bool
	var purpose string
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		t, err := store.ConsumeToken(ctx, tx, []string{TokenConfirm, TokenEmailChange, TokenEmailUndo}, s.tokenHash(token), now)
		if errors.Is(err, store.ErrNotFound) {
			return ErrInvalidToken
		}
		if err != nil {
			return err
		}
		u, err := store.UserByID(ctx, tx, t.UserID)
		if err != nil {
			return err
		}
		purpose = t.Purpose
		switch t.Purpose {
		case TokenConfirm:
			if u.EmailConfirmedAt == nil {
				u.EmailConfirmedAt = &now
				if err := store.UpdateUser(ctx, tx, u, now, 0, "email_confirmed_at"); err != nil {
					return err
				}
				if err := s.event(ctx, tx, u.ID, EventEmailConfirmed, m); err != nil {
					return err
				}
			}
			loggedIn = !u.TwoFactor
		default:
			if err := s.applyEmailChange(ctx, tx, u, t, m); err != nil {
				return err
			}
		}
		user = u
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	s.kick()
	if loggedIn {
		if err := cur.logIn(user.ID, api.StateFull, "", now); err != nil {
			return nil, "", err
		}
	}
	return user, purpose, nil
}

func (s *Service) today() string { return s.Clock.Now().Format("2006-01-02") }
