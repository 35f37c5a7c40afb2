package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

// Confirmed says what opening a registration's confirmation link did.
type Confirmed struct {
	User *store.User
	// SignedIn: the browser that registered is now signed in.
	SignedIn bool
	// NeedsPassword: the link is good, but outside the browser that
	// registered the person must choose a password first (send it again
	// with one); nothing happened yet.
	NeedsPassword bool
}

// ErrInvalidToken is a link that is unknown, used, expired, or stale.
var ErrInvalidToken = linktoken.ErrInvalid

// Confirm opens a registration's confirmation link. Whoever registered first
// may not own the address, so the pending password becomes the account's
// only in the browser that chose it (it is a known device of the account
// since the registration): there the link confirms and signs in. Anywhere
// else the link confirms only together with a new password typed on the
// page, which replaces the pending one, and signs nothing in. A browser
// signed in to another account is never switched to the link's account.
func (s *Service) Confirm(ctx context.Context, sess *session.Session, token, password string, m audit.Meta) (Confirmed, error) {
	_, u, err := s.tokens.Peek(ctx, s.db, token, linktoken.Confirm)
	if err != nil {
		return Confirmed{}, err
	}
	registered, err := store.IsKnownDevice(ctx, s.db, u.ID, DeviceHash(sess.Device()))
	if err != nil {
		return Confirmed{}, err
	}
	otherAccount := sess.UserID() != 0 && sess.UserID() != u.ID
	if !registered && password == "" {
		return Confirmed{User: u, NeedsPassword: true}, nil
	}
	var hash string
	if !registered {
		if err := validate.Password(password); err != nil {
			return Confirmed{}, FieldErrors{"password": validate.CodeOf(err)}
		}
		if st := Strength(password, u.Email, u.FirstName, u.LastName); !st.Acceptable {
			return Confirmed{}, FieldErrors{"password": st.Reason}
		}
		if hash, err = s.hasher.Hash(ctx, password); err != nil {
			return Confirmed{}, err
		}
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		_, u, err = s.tokens.Consume(ctx, tx, token, linktoken.Confirm)
		if err != nil {
			return err
		}
		now := s.clock.Now()
		u.EmailConfirmedAt = &now
		if err := store.UpdateUser(ctx, tx, u, now, 0, "email_confirmed_at"); err != nil {
			return err
		}
		if registered {
			return nil // the funnel records the confirmation with the sign-in
		}
		// The pending password goes, and with it whatever the browser that
		// chose it holds: its device is no longer known to the account.
		if err := s.SetPassword(ctx, tx, u, hash); err != nil {
			return err
		}
		if err := store.ForgetDevices(ctx, tx, u.ID); err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, u.ID, ""); err != nil {
			return err
		}
		return s.event(ctx, tx, u.ID, audit.EventEmailConfirmed, m)
	})
	if errors.Is(err, linktoken.ErrInvalid) {
		return Confirmed{}, err
	}
	if err != nil {
		return Confirmed{}, fmt.Errorf("auth: confirm: %w", err)
	}
	if !registered || otherAccount {
		if registered {
			if err := s.event(ctx, s.db, u.ID, audit.EventEmailConfirmed, m); err != nil {
				return Confirmed{}, err
			}
		}
		return Confirmed{User: u}, nil
	}
	out, err := s.complete(ctx, sess, Attempt{
		Intent: IntentConfirm, User: u, Method: emailLink{}, Earlier: []string{MethodPassword}, Meta: m,
	})
	if err != nil {
		return Confirmed{}, err
	}
	return Confirmed{User: u, SignedIn: out.State == api.StateFull}, nil
}

// LinkPurpose tells what a live link is for (linktoken.Confirm,
// EmailChange or EmailUndo), without using it.
func (s *Service) LinkPurpose(ctx context.Context, token string) (string, error) {
	t, _, err := s.tokens.Peek(ctx, s.db, token, linktoken.Confirm, linktoken.EmailChange, linktoken.EmailUndo)
	if err != nil {
		return "", err
	}
	return t.Purpose, nil
}
