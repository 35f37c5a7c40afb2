package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// ForgotPassword mails a reset link (1 hour) when the address has an
// account, and answers the same either way.
func (s *Service) ForgotPassword(ctx context.Context, email string) error {
	email = validate.NormalizeEmail(email)
	if err := validate.Email(email); err != nil {
		return FieldErrors{"email": validate.CodeOf(err)}
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByEmail(ctx, tx, email)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		tok, err := s.issueToken(ctx, tx, u.ID, TokenReset, ResetLifetime, "")
		if err != nil {
			return err
		}
		return s.sendMail(ctx, tx, u, u.Email, mail.KindPasswordReset, mail.Data{Link: s.link("/reset-password", tok)})
	})
	if err != nil {
		return fmt.Errorf("auth: forgot password: %w", err)
	}
	s.kick()
	return nil
}

// ResetPassword sets a new password with a reset link's token. It ends every
// session of the account and lifts a temporary block, and never touches
// two-factor authentication. Opening a reset link also proves the address,
// so an unconfirmed account becomes confirmed.
func (s *Service) ResetPassword(ctx context.Context, token, password string, m Meta) error {
	if err := validate.Password(password); err != nil {
		return FieldErrors{"password": validate.CodeOf(err)}
	}
	// Check the token before spending a hash on it, without consuming it yet.
	now := s.Clock.Now()
	hash, err := s.Hasher.Hash(ctx, password)
	if err != nil {
		return err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		t, err := store.ConsumeToken(ctx, tx, []string{TokenReset}, s.tokenHash(token), now)
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
		if st := Strength(password, u.Email, u.FirstName, u.LastName); !st.Acceptable {
			return FieldErrors{"password": st.Reason}
		}
		u.PasswordHash = hash
		cols := []string{"password_hash"}
		if u.EmailConfirmedAt == nil {
			u.EmailConfirmedAt = &now
			cols = append(cols, "email_confirmed_at")
		}
		if err := store.UpdateUser(ctx, tx, u, now, 0, cols...); err != nil {
			return err
		}
		if err := store.VoidTokens(ctx, tx, u.ID, TokenReset, now); err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, u.ID, ""); err != nil {
			return err
		}
		if err := store.ResetLoginFailures(ctx, tx, s.userKeys(u)...); err != nil {
			return err
		}
		if err := s.event(ctx, tx, u.ID, EventPasswordReset, m); err != nil {
			return err
		}
		return s.sendMail(ctx, tx, u, u.Email, mail.KindPasswordChanged, mail.Data{Link: s.link("/forgot-password", "")})
	})
	if err != nil {
		return err
	}
	s.kick()
	return nil
}
