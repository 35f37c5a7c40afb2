package account

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// RequestEmailChange mails a confirmation link (24 h) to the new address;
// the address takes over only when it is opened, and the old one is told
// then, with an undo link. An address another account uses gets the same
// answer and no change.
func (s *Service) RequestEmailChange(ctx context.Context, cur *auth.Current, email string, m auth.Meta) error {
	email = validate.NormalizeEmail(email)
	if err := validate.Email(email); err != nil {
		return auth.FieldErrors{"email": validate.CodeOf(err)}
	}
	if !s.auth.Reauthenticated(cur, auth.ActionEmailChange) {
		return ErrReauthRequired
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, cur.UserID())
		if err != nil {
			return err
		}
		if u.Email == email {
			return ErrSameEmail
		}
		if _, err := store.UserByEmail(ctx, tx, email); err == nil {
			return nil // taken: same answer, no change
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err := store.VoidTokens(ctx, tx, u.ID, auth.TokenEmailChange, s.clock.Now()); err != nil {
			return err
		}
		tok, err := s.auth.IssueToken(ctx, tx, u.ID, auth.TokenEmailChange, auth.ConfirmLifetime, email)
		if err != nil {
			return err
		}
		return s.auth.Notify(ctx, tx, u, email, mail.KindEmailChangeConfirm, mail.Data{Link: s.auth.Link("/confirm", tok)})
	})
	if err != nil {
		return fmt.Errorf("account: request e-mail change: %w", err)
	}
	s.auth.Kick()
	return nil
}

// ChangePassword sets a new password after re-authentication, ends every
// other session and tells the owner.
func (s *Service) ChangePassword(ctx context.Context, cur *auth.Current, password string, m auth.Meta) error {
	if err := validate.Password(password); err != nil {
		return auth.FieldErrors{"password": validate.CodeOf(err)}
	}
	u, err := store.UserByID(ctx, s.db, cur.UserID())
	if err != nil {
		return err
	}
	if st := auth.Strength(password, u.Email, u.FirstName, u.LastName); !st.Acceptable {
		return auth.FieldErrors{"password": st.Reason}
	}
	if !s.auth.Reauthenticated(cur, auth.ActionPassword) {
		return ErrReauthRequired
	}
	hash, err := s.auth.Hasher.Hash(ctx, password)
	if err != nil {
		return err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u.PasswordHash = hash
		if err := store.UpdateUser(ctx, tx, u, s.clock.Now(), 0, "password_hash"); err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, u.ID, cur.IDHash()); err != nil {
			return err
		}
		if err := s.auth.Event(ctx, tx, u.ID, auth.EventPasswordChanged, m); err != nil {
			return err
		}
		return s.auth.Notify(ctx, tx, u, u.Email, mail.KindPasswordChanged, mail.Data{Link: s.auth.Link("/forgot-password", "")})
	})
	if err != nil {
		return fmt.Errorf("account: change password: %w", err)
	}
	s.auth.Kick()
	return nil
}

// Delete removes the account and its personal data after
// re-authentication, ends every session and sends a farewell mail. The
// address can register again.
func (s *Service) Delete(ctx context.Context, cur *auth.Current, m auth.Meta) error {
	if !s.auth.Reauthenticated(cur, auth.ActionDelete) {
		return ErrReauthRequired
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, cur.UserID())
		if err != nil {
			return err
		}
		if err := store.DeleteUser(ctx, tx, u.ID); err != nil {
			return err
		}
		if err := store.ResetLoginFailures(ctx, tx, s.auth.UserKeys(u)...); err != nil {
			return err
		}
		// The farewell is the one mail that outlives the account: it is
		// written after the deletion and tied to no user.
		farewell := *u
		farewell.ID = 0
		return s.auth.Notify(ctx, tx, &farewell, u.Email, mail.KindAccountDeleted, mail.Data{})
	})
	if err != nil {
		return fmt.Errorf("account: delete: %w", err)
	}
	s.auth.Kick()
	return nil
}
