package account

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// RequestEmailChange mails a confirmation link (24 h) to the new address;
// the address takes over only when it is opened, and the old one is told
// then, with an undo link. An address another account uses gets the same
// answer and no change.
func (s *Service) RequestEmailChange(ctx context.Context, sess *session.Session, email string, m audit.Meta) error {
	email = validate.NormalizeEmail(email)
	if err := validate.Email(email); err != nil {
		return auth.FieldErrors{"email": validate.CodeOf(err)}
	}
	if !sess.TakeGrant(auth.ActionEmailChange, s.clock.Now()) {
		return ErrReauthRequired
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, sess.UserID())
		if err != nil {
			return err
		}
		if u.Email == email {
			return ErrSameEmail
		}
		_, err = store.UserByEmail(ctx, tx, email)
		taken := err == nil
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		// A taken address gets the same answer and the same pending
		// change on Account data (no mail: its link could never be used),
		// so neither tells that the address has an account.
		if err := s.tokens.Void(ctx, tx, u.ID, linktoken.EmailChange); err != nil {
			return err
		}
		tok, err := s.tokens.Issue(ctx, tx, u, linktoken.EmailChange, email, email, linktoken.ConfirmLifetime)
		if err != nil || taken {
			return err
		}
		return s.notify.Send(ctx, tx, u, email, mail.KindEmailChangeConfirm, mail.Data{Link: s.notify.Link("/confirm", tok)})
	})
	if err != nil {
		return fmt.Errorf("account: request e-mail change: %w", err)
	}
	s.notify.Kick()
	return nil
}

// PendingEmail is the address an e-mail change waits to be confirmed at
// ("" when none waits): Account data shows it.
func (s *Service) PendingEmail(ctx context.Context, u *store.User) (string, error) {
	return s.tokens.Pending(ctx, s.db, u, linktoken.EmailChange)
}

// ConfirmEmailChange opens the link sent to the new address: the address
// becomes the account's login (a new security stamp: links and codes sent
// to the old one die), and the old address is told, with an undo link.
// Nobody is signed in or out.
func (s *Service) ConfirmEmailChange(ctx context.Context, token string, m audit.Meta) (*store.User, error) {
	var user *store.User
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		t, u, err := s.tokens.Consume(ctx, tx, token, linktoken.EmailChange)
		if err != nil {
			return err
		}
		old := u.Email
		if err := s.moveAddress(ctx, tx, u, t.Payload, audit.EventEmailChanged, m); err != nil {
			return err
		}
		undo, err := s.tokens.Issue(ctx, tx, u, linktoken.EmailUndo, old, old, linktoken.UndoLifetime)
		if err != nil {
			return err
		}
		user = u
		return s.notify.Send(ctx, tx, u, old, mail.KindEmailChangedNotice,
			mail.Data{Masked: auth.MaskEmail(t.Payload), Link: s.notify.Link("/confirm", undo)})
	})
	if err != nil {
		return nil, err
	}
	s.notify.Kick()
	return user, nil
}

// UndoNeedsPassword checks an undo link without using it: the page then asks
// for the new password that comes with the undo.
func (s *Service) UndoNeedsPassword(ctx context.Context, token string) error {
	_, _, err := s.tokens.Peek(ctx, s.db, token, linktoken.EmailUndo)
	return err
}

// UndoEmailChange opens the undo link sent to the old address, with the new
// password the owner chose on its page. Someone else changed the address,
// so they may know the password and hold sessions and links: the address
// goes back, the password is replaced, every session ends, every
// outstanding link and code of the account dies (a new security stamp and
// every token voided), and its known devices are forgotten. Nothing the
// intruder does after the change can kill this link.
func (s *Service) UndoEmailChange(ctx context.Context, token, password string, m audit.Meta) (*store.User, error) {
	t, u, err := s.tokens.Peek(ctx, s.db, token, linktoken.EmailUndo)
	if err != nil {
		return nil, err
	}
	if err := validate.Password(password); err != nil {
		return nil, auth.FieldErrors{"password": validate.CodeOf(err)}
	}
	if st := auth.Strength(password, t.Payload, u.FirstName, u.LastName); !st.Acceptable {
		return nil, auth.FieldErrors{"password": st.Reason}
	}
	hash, err := s.auth.Hasher().Hash(ctx, password)
	if err != nil {
		return nil, err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		t, u, err = s.tokens.Consume(ctx, tx, token, linktoken.EmailUndo)
		if err != nil {
			return err
		}
		if err := s.moveAddress(ctx, tx, u, t.Payload, audit.EventEmailUndone, m); err != nil {
			return err
		}
		if err := s.auth.SetPassword(ctx, tx, u, hash); err != nil {
			return err
		}
		if err := s.tokens.VoidAll(ctx, tx, u.ID); err != nil {
			return err
		}
		if err := s.codes.VoidAll(ctx, tx, u.ID); err != nil {
			return err
		}
		if err := store.ForgetDevices(ctx, tx, u.ID); err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, u.ID, ""); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindPasswordChanged, mail.Data{Link: s.notify.Link("/forgot-password", "")})
	})
	if err != nil {
		return nil, err
	}
	s.notify.Kick()
	return u, nil
}

// moveAddress makes address u's confirmed login inside tx, with a new
// security stamp, unless another account has it now.
func (s *Service) moveAddress(ctx context.Context, tx bun.IDB, u *store.User, address, event string, m audit.Meta) error {
	if other, err := store.UserByEmail(ctx, tx, address); err == nil && other.ID != u.ID {
		return ErrEmailTaken
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	now := s.clock.Now()
	// Counts of wrong passwords follow the login, not the old address.
	if err := s.auth.LiftBlock(ctx, tx, u); err != nil {
		return err
	}
	u.Email = address
	u.EmailConfirmedAt = &now
	if err := store.UpdateUser(ctx, tx, u, now, 0, "email", "email_confirmed_at"); err != nil {
		return err
	}
	if err := store.RenewSecurityStamp(ctx, tx, u); err != nil {
		return err
	}
	return audit.Record(ctx, tx, now, u.ID, event, m)
}
