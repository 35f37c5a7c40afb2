// Package support is the support desk's side of the portal: agents (the
// accounts with the role "agent"), the console's search and customer
// status, the actions an agent may take, and their audit log.
//
// An agent never sets a password or reads a code: the actions end a block,
// send a confirmation or reset link, or end sessions. Each needs a reason
// the agent types; each is a security event the customer sees, a mail to
// the customer, and an entry in the audit log. The console needs a sign-in
// with a second factor (the funnel's level, never decided here) and lasts
// at most 8 hours after it.
package support

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/account"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/secquestion"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// MaxAgentSession is how long an agent's sign-in opens the console.
const MaxAgentSession = 8 * time.Hour

// Errors the API maps to answers.
var (
	ErrNotAgent          = errors.New("support: not an agent")
	ErrNeedsSecondFactor = errors.New("support: agent signed in with one factor")
	ErrSessionOver       = errors.New("support: agent session older than 8 hours")
	ErrNoCustomer        = errors.New("support: no such customer")
	ErrReason            = errors.New("support: reason missing or too long")
	ErrUnknownAction     = errors.New("support: unknown action")
	ErrNotBlocked        = errors.New("support: customer not blocked")
	ErrAlreadyConfirmed  = errors.New("support: address already confirmed")
	ErrQueryShort        = errors.New("support: search too short")
	ErrNoAccount         = errors.New("support: no account with that address")
)

// Deps are what the Service is built from.
type Deps struct {
	DB        *bun.DB
	Clock     clock.Clock
	Auth      *auth.Service
	Account   *account.Service
	Notify    *notify.Notifier
	Questions *secquestion.Service
}

// Service is the support desk's use cases.
type Service struct {
	db        *bun.DB
	clock     clock.Clock
	auth      *auth.Service
	account   *account.Service
	notify    *notify.Notifier
	questions *secquestion.Service
}

// New returns a Service.
func New(d Deps) *Service {
	return &Service{db: d.DB, clock: d.Clock, auth: d.Auth, account: d.Account, notify: d.Notify, questions: d.Questions}
}

// GrantAgent gives the account with email the role agent (the server's
// "agent add" command). It reports whether the role is new and whether the
// account has a second factor yet (without one the console stays shut).
func GrantAgent(ctx context.Context, db bun.IDB, a *auth.Service, email string, now time.Time) (granted, hasSecondFactor bool, err error) {
	email = validate.NormalizeEmail(email)
	u, err := store.UserByEmail(ctx, db, email)
	if errors.Is(err, store.ErrNotFound) {
		return false, false, ErrNoAccount
	}
	if err != nil {
		return false, false, err
	}
	if granted, err = store.GrantRole(ctx, db, u.ID, store.RoleAgent, now); err != nil {
		return false, false, err
	}
	hasSecondFactor, err = a.TwoFactor(ctx, u.ID)
	return granted, hasSecondFactor, err
}

// Agent admits a session to the console and returns its agent and when
// the console closes for it: a fully signed-in account with the role agent,
// whose sign-in proved two factors (the funnel's level) no more than 8
// hours ago. A sign-in older than that ends the session; the session's
// row is made to end with the 8 hours too, so it cannot outlive them on
// the customer pages either.
func (s *Service) Agent(ctx context.Context, sess *session.Session) (*store.User, time.Time, error) {
	if !sess.Full() {
		return nil, time.Time{}, ErrNotAgent
	}
	isAgent, err := store.HasRole(ctx, s.db, sess.UserID(), store.RoleAgent)
	if err != nil {
		return nil, time.Time{}, err
	}
	if !isAgent {
		return nil, time.Time{}, ErrNotAgent
	}
	switch s.auth.LevelOf(sess.AMR()) {
	case auth.LevelTwoFactors, auth.LevelPhishingResistant:
	default:
		return nil, time.Time{}, ErrNeedsSecondFactor
	}
	until := sess.AuthAt().Add(MaxAgentSession)
	if !s.clock.Now().Before(until) {
		sess.End()
		return nil, time.Time{}, ErrSessionOver
	}
	if err := store.CapSessionExpiry(ctx, s.db, sess.IDHash(), until); err != nil {
		return nil, time.Time{}, err
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("support: agent: %w", err)
	}
	return u, until, nil
}
