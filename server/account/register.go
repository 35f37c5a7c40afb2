package account

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
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

// Job kinds of registration.
const (
	jobRegister           = "register"
	jobResendConfirmation = "resend_confirmation"
)

// registerJob is a registration handed on: everything but the password,
// whose hash it carries instead, and the browser that registered.
type registerJob struct {
	Reg    api.RegisterRequest `json:"reg"`
	Hash   string              `json:"hash"`
	Device string              `json:"device"`
	Meta   audit.Meta          `json:"meta"`
}

// Register checks a registration, hashes its password and hands it on, and
// answers at once: what the address already has (nothing, a pending
// registration, an account) is found out by the job, so neither the answer
// nor its timing tells. The browser that registers gets a device id here:
// the job makes it a known device of the new account, and there alone will
// the confirmation link also sign in.
func (s *Service) Register(ctx context.Context, sess *session.Session, r api.RegisterRequest, m audit.Meta) error {
	if fe := ValidateRegistration(&r, s.clock.Now()); len(fe) > 0 {
		return fe
	}
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
	r.Password = ""
	job := registerJob{Reg: r, Hash: hash, Device: auth.DeviceHash(sess.Device()), Meta: m}
	if err := s.jobs.Enqueue(ctx, s.db, jobRegister, job); err != nil {
		return fmt.Errorf("account: register: %w", err)
	}
	s.jobs.Kick()
	return nil
}

// registerJob creates the unconfirmed account and mails its confirmation
// link. An address that has a confirmed account gets a warning mail
// instead (at most one an hour); one with a pending registration gets its
// link again, and this registration is dropped: whoever registered first
// may not own the address, and neither may the second — only the mailbox
// decides.
func (s *Service) registerJob(ctx context.Context, payload []byte) error {
	var j registerJob
	if err := json.Unmarshal(payload, &j); err != nil {
		return fmt.Errorf("account: register job: %w", err)
	}
	r := j.Reg
	now := s.clock.Now()
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		existing, err := store.UserByEmail(ctx, tx, r.Email)
		switch {
		case err == nil && existing.EmailConfirmedAt != nil:
			ok, _, _, err := store.SpendBudget(ctx, tx, "mail:already_registered:"+strconv.FormatInt(existing.ID, 10), 1, time.Hour, now)
			if err != nil || !ok {
				return err
			}
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
		if err := store.CreateUser(ctx, tx, u, j.Hash); err != nil {
			return err
		}
		if j.Device != "" {
			if _, _, err := store.RememberDevice(ctx, tx, u.ID, j.Device, j.Meta.UserAgent, now); err != nil {
				return err
			}
		}
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventRegistered, j.Meta); err != nil {
			return err
		}
		if err := store.AddConsents(ctx, tx, u.ID, s.docs, now); err != nil {
			return err
		}
		return s.mailConfirmation(ctx, tx, u)
	})
	if err != nil {
		return fmt.Errorf("account: register job: %w", err)
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

// ResendConfirmation hands on "Send the e-mail again" and answers at once,
// the same whether or not the address has a pending registration.
func (s *Service) ResendConfirmation(ctx context.Context, email string) error {
	email = validate.NormalizeEmail(email)
	if err := validate.Email(email); err != nil {
		return auth.FieldErrors{"email": validate.CodeOf(err)}
	}
	if err := s.jobs.Enqueue(ctx, s.db, jobResendConfirmation, emailJob{Email: email}); err != nil {
		return fmt.Errorf("account: resend confirmation: %w", err)
	}
	s.jobs.Kick()
	return nil
}

// emailJob is the payload of a job about an address.
type emailJob struct {
	Email string `json:"email"`
}

// resendJob mails a new confirmation link if the address has an
// unconfirmed account.
func (s *Service) resendJob(ctx context.Context, payload []byte) error {
	var j emailJob
	if err := json.Unmarshal(payload, &j); err != nil {
		return fmt.Errorf("account: resend job: %w", err)
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByEmail(ctx, tx, j.Email)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil || u.EmailConfirmedAt != nil {
			return err
		}
		return s.mailConfirmation(ctx, tx, u)
	})
	if err != nil {
		return fmt.Errorf("account: resend job: %w", err)
	}
	s.notify.Kick()
	return nil
}
