package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// resetLink issues a reset link (1 hour) to u's address inside tx.
func (s *Service) resetLink(ctx context.Context, tx bun.IDB, u *store.User) (string, error) {
	tok, err := s.tokens.Issue(ctx, tx, u, linktoken.Reset, u.Email, "", linktoken.ResetLifetime)
	if err != nil {
		return "", err
	}
	return s.notify.Link("/reset-password", tok), nil
}

const jobForgot = "forgot_password"

// emailJob is the payload of a job about an address.
type emailJob struct {
	Email string `json:"email"`
}

// ForgotPassword hands on "Forgot password?" for an address and answers at
// once: whether the address has an account is found out by the job, so
// neither the answer nor its timing tells.
func (s *Service) ForgotPassword(ctx context.Context, email string) error {
	email = validate.NormalizeEmail(email)
	if err := validate.Email(email); err != nil {
		return FieldErrors{"email": validate.CodeOf(err)}
	}
	if err := s.jobs.Enqueue(ctx, s.db, jobForgot, emailJob{Email: email}); err != nil {
		return fmt.Errorf("auth: forgot password: %w", err)
	}
	s.jobs.Kick()
	return nil
}

// forgotJob mails a reset link (1 hour) when the address has an account,
// unless it had one a moment ago (the per-address limit of mailed links).
func (s *Service) forgotJob(ctx context.Context, payload []byte) error {
	var j emailJob
	if err := json.Unmarshal(payload, &j); err != nil {
		return fmt.Errorf("auth: forgot password job: %w", err)
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByEmail(ctx, tx, j.Email)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if ok, err := s.tokens.MayMail(ctx, tx, u.ID, linktoken.Reset); err != nil || !ok {
			return err
		}
		link, err := s.resetLink(ctx, tx, u)
		if err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindPasswordReset, mail.Data{Link: link})
	})
	if err != nil {
		return fmt.Errorf("auth: forgot password job: %w", err)
	}
	s.notify.Kick()
	return nil
}

// ResetPassword sets a new password with a reset link's token. The link is
// checked before a hash is spent on it. The new password ends every session
// of the account and every link and code issued before, forgets its known
// devices, lifts a temporary block, and never touches two-factor
// authentication: the funnel signs nothing in after a reset, so the next
// login asks for every factor. Opening a reset link proves the address, so
// an unconfirmed account becomes confirmed (and its pending password, which
// someone else may have chosen, is gone).
func (s *Service) ResetPassword(ctx context.Context, sess *session.Session, token, password string, m audit.Meta) error {
	if err := validate.Password(password); err != nil {
		return FieldErrors{"password": validate.CodeOf(err)}
	}
	_, u, err := s.tokens.Peek(ctx, s.db, token, linktoken.Reset)
	if err != nil {
		return err
	}
	if st := Strength(password, u.Email, u.FirstName, u.LastName); !st.Acceptable {
		return FieldErrors{"password": st.Reason}
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		_, u, err = s.tokens.Consume(ctx, tx, token, linktoken.Reset)
		if err != nil {
			return err
		}
		if u.EmailConfirmedAt == nil {
			now := s.clock.Now()
			u.EmailConfirmedAt = &now
			if err := store.UpdateUser(ctx, tx, u, now, 0, "email_confirmed_at"); err != nil {
				return err
			}
		}
		if err := s.SetPassword(ctx, tx, u, hash); err != nil {
			return err
		}
		if err := store.ForgetDevices(ctx, tx, u.ID); err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, u.ID, ""); err != nil {
			return err
		}
		if err := s.event(ctx, tx, u.ID, audit.EventPasswordReset, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindPasswordChanged, mail.Data{Link: s.notify.Link("/forgot-password", "")})
	})
	if errors.Is(err, linktoken.ErrInvalid) {
		return err
	}
	if err != nil {
		return fmt.Errorf("auth: reset password: %w", err)
	}
	s.notify.Kick()
	_, err = s.complete(ctx, sess, Attempt{Intent: IntentRecovery, User: u, Method: emailLink{}, Meta: m})
	return err
}
