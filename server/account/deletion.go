package account

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// GracePeriod is how long a deleted account waits, deactivated, for its
// owner to change their mind before it is removed for good.
const GracePeriod = 7 * 24 * time.Hour

// Delete deactivates the account after a step-up: every session ends,
// nobody can log in, and the farewell mail says honestly when the account
// and its personal data will be removed (after GracePeriod) and carries
// the link that keeps it until then. An address of a removed account can
// register again.
func (s *Service) Delete(ctx context.Context, sess *session.Session, m audit.Meta) error {
	if !sess.TakeGrant(auth.ActionDelete, s.clock.Now()) {
		return ErrReauthRequired
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, sess.UserID())
		if err != nil {
			return err
		}
		now := s.clock.Now()
		after := now.Add(GracePeriod)
		if err := store.ScheduleDeletion(ctx, tx, &store.AccountDeletion{UserID: u.ID, RequestedAt: now, DeleteAfter: after}); err != nil {
			return err
		}
		if _, err := store.DeleteUserSessions(ctx, tx, u.ID, ""); err != nil {
			return err
		}
		// Apps lose their tokens too: a deactivated account reaches nothing.
		if _, err := store.RevokeOIDCGrants(ctx, tx, u.ID); err != nil {
			return err
		}
		if err := s.auth.LiftBlock(ctx, tx, u); err != nil {
			return err
		}
		if err := s.tokens.Void(ctx, tx, u.ID, linktoken.DeletionUndo); err != nil {
			return err
		}
		undo, err := s.tokens.Issue(ctx, tx, u, linktoken.DeletionUndo, u.Email, "", GracePeriod)
		if err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindAccountDeactivated, mail.Data{
			Until: notify.FormatTime(after, u.Language), Link: s.notify.Link("/restore", undo),
		})
	})
	if err != nil {
		return fmt.Errorf("account: delete: %w", err)
	}
	sess.End()
	s.notify.Kick()
	return nil
}

// Restore opens the undo link of the farewell mail within the grace
// period: the account is active again (its owner logs in as before).
func (s *Service) Restore(ctx context.Context, token string, m audit.Meta) error {
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		_, u, err := s.tokens.Consume(ctx, tx, token, linktoken.DeletionUndo)
		if err != nil {
			return err
		}
		pending, err := store.CancelDeletion(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if !pending {
			return linktoken.ErrInvalid
		}
		if err := audit.Record(ctx, tx, s.clock.Now(), u.ID, audit.EventDeletionUndone, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindAccountRestored, mail.Data{Link: s.notify.Link("/login", "")})
	})
	if err != nil {
		return err
	}
	s.notify.Kick()
	return nil
}

// PurgeDue removes the accounts whose grace period ended at now, with
// their personal data, and sends each address the last mail: the account
// is gone. The sweeper runs it.
func (s *Service) PurgeDue(ctx context.Context, db bun.IDB, now time.Time) (int64, error) {
	ids, err := store.DueDeletions(ctx, db, now, 100)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, id := range ids {
		err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			u, err := store.UserByID(ctx, tx, id)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			if d, err := store.DeletionOf(ctx, tx, id); err != nil || d.DeleteAfter.After(now) {
				return err // restored meanwhile, or another process was first
			}
			if err := store.DeleteUser(ctx, tx, u.ID); err != nil {
				return err
			}
			if err := store.ClearUndeliverable(ctx, tx, u.Email); err != nil {
				return err
			}
			// The last mail outlives the account: tied to no user.
			gone := *u
			gone.ID = 0
			n++
			return s.notify.Send(ctx, tx, &gone, u.Email, mail.KindAccountDeleted, mail.Data{})
		})
		if err != nil {
			return n, fmt.Errorf("account: purge %d: %w", id, err)
		}
	}
	if n > 0 {
		s.notify.Kick()
	}
	return n, nil
}
