package account

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// ChangePassword sets a new password after a step-up: every other session
// ends, every link and code issued before dies (a new security stamp), and
// the owner is told.
func (s *Service) ChangePassword(ctx context.Context, sess *session.Session, password string, m audit.Meta) error {
	if err := validate.Password(password); err != nil {
		return auth.FieldErrors{"password": validate.CodeOf(err)}
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return err
	}
	if st := auth.Strength(password, u.Email, u.FirstName, u.LastName); !st.Acceptable {
		return auth.FieldErrors{"password": st.Reason}
	}
	if !sess.TakeGrant(auth.ActionPassword, s.clock.Now()) {
		return ErrReauthRequired
	}
	hash, err := s.auth.Hasher().Hash(ctx, password)
	if err != nil {
		return err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.auth.SetPassword(ctx, tx, u, hash); err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, u.ID, sess.IDHash()); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, s.clock.Now(), u.ID, audit.EventPasswordChanged, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindPasswordChanged, mail.Data{Link: s.notify.Link("/forgot-password", "")})
	})
	if err != nil {
		return fmt.Errorf("account: change password: %w", err)
	}
	s.notify.Kick()
	return nil
}
