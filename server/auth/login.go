package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

// LoginResult says where the password step led.
type LoginResult struct {
	State       string // api.StateFull or api.StateSecondStep
	MaskedEmail string
	Language    string // the customer's, so the second step speaks it
}

// lookupIdentifier finds the account for a typed e-mail address or verified
// Phone ID.
func lookupIdentifier(ctx context.Context, db bun.IDB, kind, normalized string) (*store.User, error) {
	if kind == validate.KindPhone {
		return store.UserByPhone(ctx, db, normalized)
	}
	return store.UserByEmail(ctx, db, normalized)
}

// Login is the password step. Wrong passwords are counted per typed
// identifier before the hash is checked, so parallel attempts cannot get past
// the limit; an unknown identifier is verified against a dummy hash and
// counted the same way, so neither words nor timing tell it apart. With
// two-factor on, the session moves to the second step only and a code is
// mailed.
func (s *Service) Login(ctx context.Context, cur *Current, req api.LoginRequest, m Meta) (LoginResult, error) {
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
	key := s.identifierKey(ident)
	now := s.Clock.Now()
	att, err := store.ReserveLoginAttempt(ctx, s.DB, key, MaxWrongPasswords, BlockDuration, now)
	if err != nil {
		return LoginResult{}, err
	}
	if !att.Allowed {
		return LoginResult{}, &BlockedError{Until: att.BlockedUntil}
	}

	u, err := lookupIdentifier(ctx, s.DB, kind, ident)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return LoginResult{}, err
	}
	ok := false
	rehash := false
	if u == nil {
		s.Hasher.VerifyDummy(ctx, req.Password)
	} else {
		ok, rehash, err = s.Hasher.Verify(ctx, req.Password, u.PasswordHash)
		if err != nil {
			return LoginResult{}, err
		}
	}
	if !ok {
		return LoginResult{}, s.loginFailed(ctx, u, att, m)
	}

	if err := store.ResetLoginFailures(ctx, s.DB, s.userKeys(u)...); err != nil {
		return LoginResult{}, err
	}
	if rehash {
		if h, err := s.Hasher.Hash(ctx, req.Password); err == nil {
			u.PasswordHash = h
			if err := store.UpdateUser(ctx, s.DB, u, now, 0, "password_hash"); err != nil {
				return LoginResult{}, err
			}
		}
	}
	if u.EmailConfirmedAt == nil {
		return LoginResult{}, ErrNotConfirmed
	}
	if !u.TwoFactor {
		if err := cur.logIn(u.ID, api.StateFull, "", now); err != nil {
			return LoginResult{}, err
		}
		if err := s.event(ctx, s.DB, u.ID, EventLogin, m); err != nil {
			return LoginResult{}, err
		}
		return LoginResult{State: api.StateFull, Language: u.Language}, nil
	}

	flow, err := randomToken(s.Rand, 16)
	if err != nil {
		return LoginResult{}, err
	}
	if err := cur.logIn(u.ID, api.StateSecondStep, flow, now); err != nil {
		return LoginResult{}, err
	}
	if err := s.mailLoginCode(ctx, u, flow, false); err != nil {
		return LoginResult{}, err
	}
	return LoginResult{State: api.StateSecondStep, MaskedEmail: MaskEmail(u.Email), Language: u.Language}, nil
}

// userKeys are the failure-counter keys of everything that logs into u.
func (s *Service) userKeys(u *store.User) []string {
	if u == nil {
		return nil
	}
	keys := []string{s.identifierKey(u.Email)}
	if u.Phone != nil && u.PhoneVerifiedAt != nil {
		keys = append(keys, s.identifierKey(*u.Phone))
	}
	return keys
}

// loginFailed records a wrong password; the attempt that reaches the limit
// blocks the identifier and mails the owner a reset link.
func (s *Service) loginFailed(ctx context.Context, u *store.User, att store.Attempt, m Meta) error {
	blocked := att.Count >= MaxWrongPasswords
	if u != nil {
		err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if err := s.event(ctx, tx, u.ID, EventLoginFailed, m); err != nil {
				return err
			}
			if !blocked {
				return nil
			}
			if err := s.event(ctx, tx, u.ID, EventBlocked, m); err != nil {
				return err
			}
			tok, err := s.issueToken(ctx, tx, u.ID, TokenReset, ResetLifetime, "")
			if err != nil {
				return err
			}
			return s.sendMail(ctx, tx, u, u.Email, mail.KindBlocked, mail.Data{
				Until: FormatTime(att.BlockedUntil, u.Language), Link: s.link("/reset-password", tok),
			})
		})
		if err != nil {
			return fmt.Errorf("auth: record failed login: %w", err)
		}
		s.kick()
	}
	if blocked {
		return &BlockedError{Until: att.BlockedUntil}
	}
	return ErrInvalidLogin
}

func (s *Service) mailLoginCode(ctx context.Context, u *store.User, flow string, resend bool) error {
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		code, err := s.issueCode(ctx, tx, u.ID, PurposeLogin, flow, resend)
		if err != nil {
			return err
		}
		return s.sendMail(ctx, tx, u, u.Email, mail.KindLoginCode, mail.Data{Code: code})
	})
	if err != nil {
		return err
	}
	s.kick()
	return nil
}

// LoginCode is the second step: the code mailed for this login attempt. It
// renews the session id and makes the session full.
func (s *Service) LoginCode(ctx context.Context, cur *Current, code string, m Meta) error {
	if cur.State() != api.StateSecondStep || cur.UserID() == 0 || cur.Flow() == "" {
		return ErrNoSecondStep
	}
	uid := cur.UserID()
	if err := s.checkCode(ctx, uid, PurposeLogin, cur.Flow(), code); err != nil {
		if errors.Is(err, ErrInvalidCode) || errors.Is(err, ErrCodeVoid) {
			s.event(ctx, s.DB, uid, EventCodeFailed, m)
		}
		return err
	}
	if err := cur.logIn(uid, api.StateFull, "", s.Clock.Now()); err != nil {
		return err
	}
	return s.event(ctx, s.DB, uid, EventLogin, m)
}

// ResendLoginCode is "Request a new one" on the second step.
func (s *Service) ResendLoginCode(ctx context.Context, cur *Current) (string, error) {
	if cur.State() != api.StateSecondStep || cur.UserID() == 0 {
		return "", ErrNoSecondStep
	}
	u, err := store.UserByID(ctx, s.DB, cur.UserID())
	if err != nil {
		return "", err
	}
	if err := s.mailLoginCode(ctx, u, cur.Flow(), true); err != nil {
		return "", err
	}
	return MaskEmail(u.Email), nil
}

// MaskedEmailOf returns the masked address of the session's account.
func (s *Service) MaskedEmailOf(ctx context.Context, userID int64) string {
	u, err := store.UserByID(ctx, s.DB, userID)
	if err != nil {
		return ""
	}
	return MaskEmail(u.Email)
}

// Logout ends the session.
func (s *Service) Logout(ctx context.Context, cur *Current, m Meta) {
	if uid := cur.UserID(); uid != 0 && cur.Full() {
		s.event(ctx, s.DB, uid, EventLogout, m)
	}
}
