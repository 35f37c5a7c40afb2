package account

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

// ValidateRegistration runs the shared rules over a registration and the
// strength estimate over its password.
func ValidateRegistration(r *api.RegisterRequest, today time.Time) auth.FieldErrors {
	fe := ValidatePersonal(&r.PersonalData, today)
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
		if st := auth.Strength(r.Password, r.Email, r.FirstName, r.LastName); !st.Acceptable {
			fe["password"] = st.Reason
		}
	}
	return fe
}

// Register creates an unconfirmed account and mails a confirmation link.
// The browser that registers becomes a known device of the account: there
// alone the link will also sign in. An address that has a confirmed account
// gets a warning mail instead; one with a pending registration gets its
// confirmation link again, and this registration is dropped (whoever
// registered first may not own the address, and neither may the second:
// only the mailbox decides). The caller gets the same answer every time.
func (s *Service) Register(ctx context.Context, sess *session.Session, r api.RegisterRequest, m audit.Meta) error {
	if fe := ValidateRegistration(&r, s.clock.Now()); len(fe) > 0 {
		return fe
	}
	// Hash first, whatever happens next, so every branch costs the same.
	hash, err := s.auth.Hasher().Hash(ctx, r.Password)
	if err != nil {
		return err
	}
	if sess.Device() == "" {
		id, err := keyring.Random(s.rand, 32)
		if err != nil {
			return err
		}
		sess.NeedDevice(id)
	}
	now := s.clock.Now()
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		existing, err := store.UserByEmail(ctx, tx, r.Email)
		switch {
		case err == nil && existing.EmailConfirmedAt != nil:
			return s.notify.Send(ctx, tx, existing, existing.Email, mail.KindAlreadyRegistered, mail.Data{
				Link: s.notify.Link("/login", ""), ResetLink: s.notify.Link("/forgot-password", ""),
			})
		case err == nil:
			return s.mailConfirmation(ctx, tx, existing)
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
		u := &store.User{
			Email:      r.Email,
			Salutation: r.Salutation, Title: r.Title, FirstName: r.FirstName, LastName: r.LastName,
			BirthDate: r.BirthDate, Street: r.Street, Postcode: r.Postcode, City: r.City,
			Country: r.Country, Language: LanguageFor(r.Country, r.Language), LanguageChoice: r.Language, Version: 1,
			CreatedAt: now, UpdatedAt: now,
		}
		if u.SecurityStamp, err = keyring.Random(s.rand, 16); err != nil {
			return err
		}
		if r.Phone != "" {
			u.Phone = &r.Phone
		}
		if err := store.CreateUser(ctx, tx, u, hash); err != nil {
			return err
		}
		if _, _, err := store.RememberDevice(ctx, tx, u.ID, auth.DeviceHash(sess.Device()), m.UserAgent, now); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventRegistered, m); err != nil {
			return err
		}
		if err := store.AddConsents(ctx, tx, u.ID, s.docs, now); err != nil {
			return err
		}
		return s.mailConfirmation(ctx, tx, u)
	})
	if err != nil {
		return fmt.Errorf("account: register: %w", err)
	}
	s.notify.Kick()
	return nil
}

// mailConfirmation mails u a new confirmation link, voiding the earlier
// ones, unless the address had one a moment ago (silently: the answer is
// the same either way).
func (s *Service) mailConfirmation(ctx context.Context, tx bun.IDB, u *store.User) error {
	if ok, err := s.tokens.MayMail(ctx, tx, u.ID, linktoken.Confirm); err != nil || !ok {
		return err
	}
	if err := s.tokens.Void(ctx, tx, u.ID, linktoken.Confirm); err != nil {
		return err
	}
	tok, err := s.tokens.Issue(ctx, tx, u, linktoken.Confirm, u.Email, "", linktoken.ConfirmLifetime)
	if err != nil {
		return err
	}
	return s.notify.Send(ctx, tx, u, u.Email, mail.KindConfirmEmail, mail.Data{Link: s.notify.Link("/confirm", tok)})
}

// ResendConfirmation mails a new confirmation link if the address has an
// unconfirmed account; it answers the same either way.
func (s *Service) ResendConfirmation(ctx context.Context, email string) error {
	email = validate.NormalizeEmail(email)
	if err := validate.Email(email); err != nil {
		return auth.FieldErrors{"email": validate.CodeOf(err)}
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByEmail(ctx, tx, email)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil || u.EmailConfirmedAt != nil {
			return err
		}
		return s.mailConfirmation(ctx, tx, u)
	})
	if err != nil {
		return fmt.Errorf("account: resend confirmation: %w", err)
	}
	s.notify.Kick()
	return nil
}
