package auth

import (
	"time"

	"context"
	"errors"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

// ErrEmailTaken is returned when a confirmed change meets an address that
// another account took in the meantime.
var ErrEmailTaken = errors.New("auth: address already in use")

// applyEmailChange carries out a consumed e-mail change (to the new address)
// or undo (from the old one) inside tx.
func (s *Service) applyEmailChange(ctx context.Context, tx bun.Tx, u *store.User, t *store.Token, m Meta) error {
	now := s.Clock.Now()
	target := t.Payload
	if other, err := store.UserByEmail(ctx, tx, target); err == nil && other.ID != u.ID {
		return ErrEmailTaken
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	old := u.Email
	u.Email = target
	u.EmailConfirmedAt = &now
	if err := store.UpdateUser(ctx, tx, u, now, 0, "email", "email_confirmed_at"); err != nil {
		return err
	}
	if err := s.event(ctx, tx, u.ID, EventEmailChanged, m); err != nil {
		return err
	}
	if t.Purpose == TokenEmailUndo {
		// Undo means someone else changed it: end every session.
		_, err := store.DeleteUserSessions(ctx, tx, u.ID, "")
		return err
	}
	undo, err := s.issueToken(ctx, tx, u.ID, TokenEmailUndo, 72*time.Hour, old)
	if err != nil {
		return err
	}
	return s.sendMail(ctx, tx, u, old, mail.KindEmailChangedNotice, mail.Data{Masked: MaskEmail(target), Link: s.link("/confirm", undo)})
}
