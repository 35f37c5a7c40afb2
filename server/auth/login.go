package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

// LoginResult says where the password step led.
type LoginResult struct {
	Outcome
	Language string // the customer's, so the second step speaks it
}

// lookupIdentifier finds the account for a typed e-mail address or verified
// Phone ID (nil when there is none).
func lookupIdentifier(ctx context.Context, db bun.IDB, kind, normalized string) (*store.User, error) {
	var u *store.User
	var err error
	if kind == validate.KindPhone {
		u, err = store.UserByPhone(ctx, db, normalized)
	} else {
		u, err = store.UserByEmail(ctx, db, normalized)
	}
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	return u, err
}

// Login is the password step of a login. The funnel then signs the session
// in, or — with two-factor authentication on — moves it to the second step
// and mails the code.
func (s *Service) Login(ctx context.Context, sess *session.Session, req api.LoginRequest, m audit.Meta) (LoginResult, error) {
	kind, ident, err := validate.Identifier(req.Identifier)
	if err != nil {
		return LoginResult{}, FieldErrors{"identifier": validate.CodeOf(err)}
	}
	if req.Password == "" {
		return LoginResult{}, FieldErrors{"password": validate.CodeRequired}
	}
	if len(req.Password) > 4*validate.MaxPasswordLength {
		return LoginResult{}, ErrInvalidLogin
	}
	u, err := lookupIdentifier(ctx, s.db, kind, ident)
	if err != nil {
		return LoginResult{}, err
	}
	var creds []store.Credential
	if u != nil {
		if creds, err = store.CredentialsOf(ctx, s.db, u.ID); err != nil {
			return LoginResult{}, err
		}
	}
	if err := s.checkPassword(ctx, sess, u, creds, s.identifierKey(ident), req.Password, m); err != nil {
		return LoginResult{}, err
	}
	if u.EmailConfirmedAt == nil {
		return LoginResult{}, ErrNotConfirmed
	}
	out, err := s.complete(ctx, sess, Attempt{Intent: IntentLogin, User: u, Method: passwordMethod{}, Meta: m})
	if err != nil {
		return LoginResult{}, err
	}
	return LoginResult{Outcome: out, Language: u.Language}, nil
}

// loginFlow returns the session's login waiting for its second factor.
func (s *Service) loginFlow(ctx context.Context, sess *session.Session) (*store.User, session.Flow, SecondFactor, error) {
	f, ok := sess.Flow()
	if sess.State() != api.StateSecondStep || !ok || f.Kind != session.FlowLogin {
		return nil, f, nil, ErrNoSecondStep
	}
	method, ok := s.methods()[f.Method].(SecondFactor)
	if !ok {
		return nil, f, nil, ErrNoSecondStep
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if errors.Is(err, store.ErrNotFound) {
		return nil, f, nil, ErrNoSecondStep
	}
	return u, f, method, err
}

// LoginCode is the second step: the second factor method ("" for the one
// asked) proven with input — the code of this login attempt, an app's or a
// recovery code, or a passkey's answer.
func (s *Service) LoginCode(ctx context.Context, sess *session.Session, method, input string, m audit.Meta) (Outcome, error) {
	u, f, _, err := s.loginFlow(ctx, sess)
	if err != nil {
		return Outcome{}, err
	}
	factor, err := s.proveFactor(ctx, sess, IntentLogin, u, f, method, input, m)
	if err != nil {
		return Outcome{}, err
	}
	return s.complete(ctx, sess, Attempt{Intent: IntentLogin, User: u, Method: factor, Meta: m})
}

// codeFailed records a wrong or void code as a security event, tells the
// owner when codes paused, and returns err.
func (s *Service) codeFailed(ctx context.Context, u *store.User, err error, m audit.Meta) error {
	if errors.Is(err, otp.ErrWrong) || errors.Is(err, otp.ErrVoid) {
		if rerr := s.event(ctx, s.db, u.ID, audit.EventCodeFailed, m); rerr != nil {
			return fmt.Errorf("auth: record failed code: %w", rerr)
		}
	}
	return s.CodesPaused(ctx, u, m, err)
}

// ResendLoginCode is "Request a new one" on the second step.
func (s *Service) ResendLoginCode(ctx context.Context, sess *session.Session, m audit.Meta) (Challenge, error) {
	u, f, method, err := s.loginFlow(ctx, sess)
	if err != nil {
		return Challenge{}, err
	}
	ch, err := method.Begin(ctx, u, f, true)
	return ch, s.CodesPaused(ctx, u, m, err)
}

// Pending describes the login waiting for its second step (for a page that
// was reloaded): where the code went.
func (s *Service) Pending(ctx context.Context, sess *session.Session) (Challenge, error) {
	u, _, method, err := s.loginFlow(ctx, sess)
	if err != nil {
		return Challenge{}, err
	}
	return Challenge{MaskedEmail: MaskEmail(u.Email), Asked: method.Name()}, nil
}

// Logout ends the session and records it.
func (s *Service) Logout(ctx context.Context, sess *session.Session, m audit.Meta) error {
	if sess.Full() {
		if err := s.event(ctx, s.db, sess.UserID(), audit.EventLogout, m); err != nil {
			return err
		}
	}
	sess.End()
	return nil
}
