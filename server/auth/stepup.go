package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

// Actions that need re-authentication in a dialog: the password, then (for
// two-factor changes always, for the others when two-factor is on) a code.
const (
	ActionTwoFactorOn  = PurposeTwoFactorOn
	ActionTwoFactorOff = PurposeTwoFactorOff
	ActionDelete       = PurposeDelete
	ActionEmailChange  = PurposeEmailChange
	ActionPassword     = "password"
	ActionPhone        = "phone_change"
)

var actionMail = map[string]mail.Kind{
	ActionTwoFactorOn:  mail.KindTwoFactorOnCode,
	ActionTwoFactorOff: mail.KindTwoFactorOffCode,
	ActionDelete:       mail.KindDeleteCode,
	ActionEmailChange:  mail.KindEmailChangeCode,
	ActionPassword:     mail.KindPasswordChangeCode,
	ActionPhone:        mail.KindPhoneChangeCode,
}

// IsAction reports whether a dialog knows action.
func IsAction(action string) bool { _, ok := actionMail[action]; return ok }

// StepUp is the answer to the password step of a dialog.
type StepUp struct {
	CodeSent    bool
	MaskedEmail string
}

// ErrUnknownAction is returned for an action the dialog does not know.
var ErrUnknownAction = errors.New("auth: unknown action")

// CheckPassword verifies the logged-in user's password for a dialog. Wrong
// passwords count toward the temporary block like wrong logins do.
func (s *Service) CheckPassword(ctx context.Context, u *store.User, password string, m Meta) error {
	if password == "" {
		return FieldErrors{"password": "required"}
	}
	att, err := store.ReserveLoginAttempt(ctx, s.DB, s.identifierKey(u.Email), MaxWrongPasswords, BlockDuration, s.Clock.Now())
	if err != nil {
		return err
	}
	if !att.Allowed {
		return &BlockedError{Until: att.BlockedUntil}
	}
	ok, _, err := s.Hasher.Verify(ctx, password, u.PasswordHash)
	if err != nil {
		return err
	}
	if !ok {
		if err := s.loginFailed(ctx, u, att, m); errors.Is(err, ErrInvalidLogin) {
			return ErrWrongPassword
		} else {
			return err
		}
	}
	return store.ResetLoginFailures(ctx, s.DB, s.userKeys(u)...)
}

// BeginStepUp is a dialog's password step for action. When a code is needed
// it is mailed and bound to a new flow kept in this session; otherwise the
// session is marked as freshly re-authenticated for action.
func (s *Service) BeginStepUp(ctx context.Context, cur *Current, action, password string, m Meta) (StepUp, error) {
	kind, ok := actionMail[action]
	if !ok {
		return StepUp{}, ErrUnknownAction
	}
	u, err := store.UserByID(ctx, s.DB, cur.UserID())
	if err != nil {
		return StepUp{}, err
	}
	if action == ActionTwoFactorOn && u.TwoFactor || action == ActionTwoFactorOff && !u.TwoFactor {
		return StepUp{}, ErrNothingPending
	}
	if err := s.CheckPassword(ctx, u, password, m); err != nil {
		return StepUp{}, err
	}
	needCode := action == ActionTwoFactorOn || action == ActionTwoFactorOff || u.TwoFactor
	flow, err := randomToken(s.Rand, 16)
	if err != nil {
		return StepUp{}, err
	}
	if !needCode {
		cur.setPending(action+":ok", flow)
		cur.S.Values[valAuthAt] = s.Clock.Now()
		return StepUp{}, nil
	}
	cur.setPending(action, flow)
	if err := s.mailStepUpCode(ctx, u, action, kind, flow, false); err != nil {
		return StepUp{}, err
	}
	return StepUp{CodeSent: true, MaskedEmail: MaskEmail(u.Email)}, nil
}

func (s *Service) mailStepUpCode(ctx context.Context, u *store.User, action string, kind mail.Kind, flow string, resend bool) error {
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		code, err := s.issueCode(ctx, tx, u.ID, action, flow, resend)
		if err != nil {
			return err
		}
		return s.sendMail(ctx, tx, u, u.Email, kind, mail.Data{Code: code})
	})
	if err != nil {
		return fmt.Errorf("auth: mail %s code: %w", action, err)
	}
	s.kick()
	return nil
}

// ResendStepUp is "Request a new one" in a dialog.
func (s *Service) ResendStepUp(ctx context.Context, cur *Current) (string, error) {
	action := cur.Pending()
	kind, ok := actionMail[action]
	if !ok {
		return "", ErrNothingPending
	}
	u, err := store.UserByID(ctx, s.DB, cur.UserID())
	if err != nil {
		return "", err
	}
	if err := s.mailStepUpCode(ctx, u, action, kind, cur.Flow(), true); err != nil {
		return "", err
	}
	return MaskEmail(u.Email), nil
}

// verifyStepUp checks the dialog's code for action and, on success, renews
// the session id (a step-up) and marks the session re-authenticated.
func (s *Service) verifyStepUp(ctx context.Context, cur *Current, action, code string, m Meta) error {
	if cur.Pending() != action {
		return ErrNothingPending
	}
	if err := s.checkCode(ctx, cur.UserID(), action, cur.Flow(), code); err != nil {
		if errors.Is(err, ErrInvalidCode) || errors.Is(err, ErrCodeVoid) {
			s.event(ctx, s.DB, cur.UserID(), EventCodeFailed, m)
		}
		return err
	}
	now := s.Clock.Now()
	if err := cur.logIn(cur.UserID(), cur.State(), "", now); err != nil {
		return err
	}
	cur.setPending(action+":ok", "")
	return nil
}

// Reauthenticated reports whether the session proved the password (and the
// code where needed) for action within the last 5 minutes, and consumes that
// proof.
func (s *Service) Reauthenticated(cur *Current, action string) bool {
	if cur.Pending() != action+":ok" || s.Clock.Now().Sub(cur.AuthAt()) > ReauthWindow {
		return false
	}
	cur.setPending("", "")
	return true
}

// ConfirmTwoFactor completes switching two-factor authentication on or off
// with the dialog's code, and announces it by e-mail.
func (s *Service) ConfirmTwoFactor(ctx context.Context, cur *Current, code string, m Meta) (*store.User, error) {
	action := cur.Pending()
	if action != ActionTwoFactorOn && action != ActionTwoFactorOff {
		return nil, ErrNothingPending
	}
	if err := s.verifyStepUp(ctx, cur, action, code, m); err != nil {
		return nil, err
	}
	cur.setPending("", "")
	var user *store.User
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, cur.UserID())
		if err != nil {
			return err
		}
		u.TwoFactor = action == ActionTwoFactorOn
		if err := store.UpdateUser(ctx, tx, u, s.Clock.Now(), 0, "two_factor"); err != nil {
			return err
		}
		kind, event := mail.KindTwoFactorActivated, EventTwoFactorOn
		if !u.TwoFactor {
			kind, event = mail.KindTwoFactorDeactivated, EventTwoFactorOff
		}
		if err := s.event(ctx, tx, u.ID, event, m); err != nil {
			return err
		}
		user = u
		return s.sendMail(ctx, tx, u, u.Email, kind, mail.Data{Link: s.link("/forgot-password", "")})
	})
	if err != nil {
		return nil, fmt.Errorf("auth: switch two-factor: %w", err)
	}
	s.kick()
	return user, nil
}

// ConfirmStepUp completes a dialog's code step for a change other than
// two-factor (those use ConfirmTwoFactor): the session is then
// re-authenticated for that change for 5 minutes.
func (s *Service) ConfirmStepUp(ctx context.Context, cur *Current, code string, m Meta) error {
	action := cur.Pending()
	if action == ActionTwoFactorOn || action == ActionTwoFactorOff || !IsAction(action) {
		return ErrNothingPending
	}
	return s.verifyStepUp(ctx, cur, action, code, m)
}
