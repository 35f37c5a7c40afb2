package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// Changes that need a step-up (proving the password again, and a second
// factor where the policy asks for one) within the last 5 minutes.
const (
	ActionTwoFactorOn  = "2fa_on"
	ActionTwoFactorOff = "2fa_off"
	ActionDelete       = api.ActionDelete
	ActionEmailChange  = api.ActionEmail
	ActionPassword     = api.ActionPassword
	ActionPhone        = api.ActionPhone
	// ActionExport is "Download my data"; ActionSecurityQuestion a change
	// of the concierge security question.
	ActionExport           = api.ActionExport
	ActionSecurityQuestion = api.ActionSecurityQuestion
)

// IsAction reports whether a dialog knows action.
func IsAction(action string) bool {
	switch action {
	case ActionTwoFactorOn, ActionTwoFactorOff, ActionDelete, ActionEmailChange, ActionPassword, ActionPhone,
		ActionExport, ActionSecurityQuestion,
		ActionPasskeyAdd, ActionPasskeyRemove, ActionTOTPOn, ActionTOTPOff, ActionRecoveryCodes:
		return true
	}
	return false
}

// StepUp is the answer to a step-up's password step.
type StepUp struct {
	Outcome
}

// CodeSent reports whether a code is asked next.
func (r StepUp) CodeSent() bool { return r.Next != nil }

// BeginStepUp is a dialog's password step for action: the password proves
// one factor, and the funnel either grants the change at once or asks for
// the account's second factor.
func (s *Service) BeginStepUp(ctx context.Context, sess *session.Session, action, password string, m audit.Meta) (StepUp, error) {
	if !IsAction(action) {
		return StepUp{}, ErrUnknownAction
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return StepUp{}, err
	}
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return StepUp{}, err
	}
	if action == ActionTwoFactorOn && (emailCode{s}).Has(creds) || action == ActionTwoFactorOff && !s.twoFactorOn(creds) {
		return StepUp{}, ErrNothingToDo
	}
	if password == "" {
		return StepUp{}, FieldErrors{"password": "required"}
	}
	// Wrong passwords count toward the temporary block like wrong logins.
	if err := s.checkPassword(ctx, sess, u, creds, s.identifierKey(u.Email), password, m); err != nil {
		if errors.Is(err, ErrInvalidLogin) {
			return StepUp{}, ErrWrongPassword
		}
		return StepUp{}, err
	}
	sess.EndFlow() // a new step-up replaces one left half-done
	out, err := s.complete(ctx, sess, Attempt{Intent: IntentStepUp, User: u, Method: passwordMethod{}, Action: action, Meta: m})
	return StepUp{Outcome: out}, err
}

// stepUpFlow returns the session's step-up waiting for its code.
func (s *Service) stepUpFlow(ctx context.Context, sess *session.Session) (*store.User, session.Flow, SecondFactor, error) {
	f, ok := sess.Flow()
	if !ok || f.Kind != session.FlowStepUp {
		return nil, f, nil, ErrNothingToDo
	}
	method, ok := s.methods()[f.Method].(SecondFactor)
	if !ok {
		return nil, f, nil, ErrNothingToDo
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	return u, f, method, err
}

// ResendStepUp is "Request a new one" in a dialog.
func (s *Service) ResendStepUp(ctx context.Context, sess *session.Session, m audit.Meta) (Challenge, error) {
	u, f, method, err := s.stepUpFlow(ctx, sess)
	if err != nil {
		return Challenge{}, err
	}
	ch, err := method.Begin(ctx, u, f, true)
	return ch, s.CodesPaused(ctx, u, m, err)
}

// ConfirmStepUp is a dialog's second step for a change other than
// two-factor authentication, with the second factor method ("" for the one
// asked) and input (a code, or a passkey's answer): the session is then
// allowed that change for 5 minutes.
func (s *Service) ConfirmStepUp(ctx context.Context, sess *session.Session, method, input string, m audit.Meta) (Outcome, error) {
	u, f, _, err := s.stepUpFlow(ctx, sess)
	if err != nil {
		return Outcome{}, err
	}
	if f.Action == ActionTwoFactorOn || f.Action == ActionTwoFactorOff {
		return Outcome{}, ErrNothingToDo
	}
	factor, err := s.proveFactor(ctx, sess, IntentStepUp, u, f, method, input, m)
	if err != nil {
		return Outcome{}, err
	}
	return s.complete(ctx, sess, Attempt{Intent: IntentStepUp, User: u, Method: factor, Action: f.Action, Meta: m})
}

// ConfirmTwoFactor completes switching two-factor authentication on or off
// with the dialog's second factor (the e-mailed code to switch it on), and
// announces it by e-mail. Switching it off removes every second factor:
// the e-mailed code, the authenticator app and the recovery codes.
func (s *Service) ConfirmTwoFactor(ctx context.Context, sess *session.Session, method, input string, m audit.Meta) (*store.User, error) {
	u, f, _, err := s.stepUpFlow(ctx, sess)
	if err != nil {
		return nil, err
	}
	if f.Action != ActionTwoFactorOn && f.Action != ActionTwoFactorOff {
		return nil, ErrNothingToDo
	}
	factor, err := s.proveFactor(ctx, sess, IntentStepUp, u, f, method, input, m)
	if err != nil {
		return nil, err
	}
	out, err := s.complete(ctx, sess, Attempt{Intent: IntentStepUp, User: u, Method: factor, Action: f.Action, Meta: m})
	if err != nil {
		return nil, err
	}
	if !out.Granted || !sess.TakeGrant(f.Action, s.clock.Now()) {
		return nil, ErrNothingToDo
	}
	on := f.Action == ActionTwoFactorOn
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		now := s.clock.Now()
		if on {
			c := &store.Credential{UserID: u.ID, Type: store.CredentialEmailCode, CreatedAt: now, UpdatedAt: now, LastUsedAt: &now}
			if err := store.AddCredential(ctx, tx, c); err != nil {
				return err
			}
			if err := store.MirrorLegacy(ctx, tx, u.ID); err != nil {
				return err
			}
		} else {
			for _, typ := range []string{store.CredentialEmailCode, store.CredentialTOTP, store.CredentialRecoveryCodes} {
				if _, err := store.RemoveCredentials(ctx, tx, u.ID, typ); err != nil {
					return err
				}
			}
		}
		if err := store.RenewSecurityStamp(ctx, tx, u); err != nil {
			return err
		}
		kind, event := mail.KindTwoFactorActivated, audit.EventTwoFactorOn
		if !on {
			kind, event = mail.KindTwoFactorDeactivated, audit.EventTwoFactorOff
		}
		if err := s.event(ctx, tx, u.ID, event, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, kind, mail.Data{Link: s.notify.Link("/forgot-password", "")})
	})
	if err != nil {
		return nil, fmt.Errorf("auth: switch two-factor: %w", err)
	}
	s.notify.Kick()
	return u, nil
}

// TwoFactor reports whether the account has two-factor authentication on.
func (s *Service) TwoFactor(ctx context.Context, userID int64) (bool, error) {
	creds, err := store.CredentialsOf(ctx, s.db, userID)
	if err != nil {
		return false, err
	}
	return s.twoFactorOn(creds), nil
}
