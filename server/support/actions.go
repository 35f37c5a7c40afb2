package support

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// Bounds of an agent's reason: long enough to say something, short enough
// for a mail.
const (
	minReason = 10
	maxReason = 500
)

// action is what an agent's action does besides what every action does.
type action struct {
	event string
	mail  mail.Kind
	// before runs outside the transaction: it refuses what makes no sense
	// or uses a use case that owns its own transaction (mailing a link).
	before func(ctx context.Context, s *Service, u *store.User) error
	// in runs inside the transaction of the event, mail and log entry.
	in func(ctx context.Context, s *Service, tx bun.Tx, u *store.User) error
}

var actions = map[string]action{
	api.SupportEndBlock: {
		event: audit.EventSupportBlockEnded, mail: mail.KindSupportBlockEnded,
		before: func(ctx context.Context, s *Service, u *store.User) error {
			until, err := s.auth.BlockedUntil(ctx, u)
			if err == nil && until == nil {
				return ErrNotBlocked
			}
			return err
		},
		in: func(ctx context.Context, s *Service, tx bun.Tx, u *store.User) error {
			return s.auth.LiftBlock(ctx, tx, u)
		},
	},
	api.SupportResendConfirm: {
		event: audit.EventSupportConfirmationSent, mail: mail.KindSupportConfirmationSent,
		before: func(ctx context.Context, s *Service, u *store.User) error {
			if u.EmailConfirmedAt != nil {
				return ErrAlreadyConfirmed
			}
			return s.account.ResendConfirmation(ctx, u.Email)
		},
	},
	api.SupportEndSessions: {
		event: audit.EventSupportSessionsEnded, mail: mail.KindSupportSessionsEnded,
		in: func(ctx context.Context, s *Service, tx bun.Tx, u *store.User) error {
			_, err := store.DeleteUserSessions(ctx, tx, u.ID, "")
			return err
		},
	},
	api.SupportSendPasswordLink: {
		event: audit.EventSupportResetSent, mail: mail.KindSupportResetSent,
		before: func(ctx context.Context, s *Service, u *store.User) error {
			return s.auth.ForgotPassword(ctx, u.Email)
		},
	},
}

// Act carries out an agent's action on a customer's account with the
// reason the agent typed: the change itself, a security event the customer
// sees, a mail to the customer that quotes the reason, and an entry in the
// audit log.
func (s *Service) Act(ctx context.Context, agent *store.User, id int64, name, reason string) error {
	a, ok := actions[name]
	if !ok {
		return ErrUnknownAction
	}
	reason = strings.Join(strings.Fields(reason), " ")
	if n := utf8.RuneCountInString(reason); n < minReason || n > maxReason {
		return ErrReason
	}
	u, err := customer(ctx, s, id)
	if err != nil {
		return err
	}
	if a.before != nil {
		if err := a.before(ctx, s, u); err != nil {
			return err
		}
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if a.in != nil {
			if err := a.in(ctx, s, tx, u); err != nil {
				return err
			}
		}
		now := s.clock.Now()
		// The event carries no device or network: they would be the
		// agent's, which are no business of the customer.
		if err := audit.Record(ctx, tx, now, u.ID, a.event, audit.Meta{}); err != nil {
			return err
		}
		if err := s.notify.Send(ctx, tx, u, u.Email, a.mail, mail.Data{Reason: reason, Link: s.notify.Link("/forgot-password", "")}); err != nil {
			return err
		}
		return store.AddAgentAction(ctx, tx, &store.AgentAction{
			AgentID: agent.ID, AgentEmail: agent.Email, CustomerID: u.ID, CustomerEmail: u.Email,
			Action: name, Reason: reason, CreatedAt: now,
		})
	})
	if err != nil {
		return fmt.Errorf("support: %s: %w", name, err)
	}
	s.notify.Kick()
	return nil
}
