package account

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// MaskPhone shows the country code and the last two digits: +49•••••67.
func MaskPhone(p string) string {
	if len(p) < 6 {
		return "•••"
	}
	return p[:3] + strings.Repeat("•", 5) + p[len(p)-2:]
}

// StartPhone sends a 6-digit code by SMS to a new number after a step-up.
// The number the account has stays its Phone ID until the new one is
// verified.
func (s *Service) StartPhone(ctx context.Context, sess *session.Session, phone string, m audit.Meta) (auth.Challenge, error) {
	phone = validate.NormalizePhone(phone)
	if err := validate.Phone(phone); err != nil {
		return auth.Challenge{}, auth.FieldErrors{"phone": validate.CodeOf(err)}
	}
	if !sess.TakeGrant(auth.ActionPhone, s.clock.Now()) {
		return auth.Challenge{}, ErrReauthRequired
	}
	id, err := keyring.Random(s.rand, 16)
	if err != nil {
		return auth.Challenge{}, err
	}
	f := session.Flow{Kind: session.FlowPhone, ID: id, Target: phone, Started: s.clock.Now()}
	if err := s.smsCode(ctx, sess.UserID(), f, false, m); err != nil {
		return auth.Challenge{}, fmt.Errorf("account: start phone: %w", err)
	}
	sess.StartFlow(f)
	return auth.Challenge{MaskedEmail: MaskPhone(phone), ResendAfter: otp.ResendCooldown}, nil
}

func (s *Service) smsCode(ctx context.Context, userID int64, f session.Flow, resend bool, m audit.Meta) error {
	u, err := store.UserByID(ctx, s.db, userID)
	if err != nil {
		return err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		code, err := s.codes.Issue(ctx, tx, u, otp.Phone, f.ID, f.Target, resend)
		if err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, f.Target, mail.KindPhoneCode, mail.Data{Code: code})
	})
	if err != nil {
		return s.auth.CodesPaused(ctx, u, m, err)
	}
	s.notify.Kick()
	return nil
}

func phoneFlow(sess *session.Session) (session.Flow, error) {
	f, ok := sess.Flow()
	if !ok || f.Kind != session.FlowPhone || f.Target == "" {
		return f, auth.ErrNothingToDo
	}
	return f, nil
}

// ResendPhone sends a new SMS code (same limits as every code).
func (s *Service) ResendPhone(ctx context.Context, sess *session.Session, m audit.Meta) (auth.Challenge, error) {
	f, err := phoneFlow(sess)
	if err != nil {
		return auth.Challenge{}, err
	}
	if err := s.smsCode(ctx, sess.UserID(), f, true, m); err != nil {
		return auth.Challenge{}, err
	}
	return auth.Challenge{MaskedEmail: MaskPhone(f.Target), ResendAfter: otp.ResendCooldown}, nil
}

// VerifyPhone checks the SMS code; the number then replaces the account's
// Phone ID and logs in. A number another account has verified is refused.
func (s *Service) VerifyPhone(ctx context.Context, sess *session.Session, code string, m audit.Meta) (*store.User, error) {
	f, err := phoneFlow(sess)
	if err != nil {
		return nil, err
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, err
	}
	if err := s.codes.Check(ctx, s.db, u, otp.Phone, f.ID, f.Target, code); err != nil {
		return nil, s.auth.CodesPaused(ctx, u, m, err)
	}
	sess.EndFlow()
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if u, err = store.UserByID(ctx, tx, sess.UserID()); err != nil {
			return err
		}
		if other, err := store.UserByPhone(ctx, tx, f.Target); err == nil && other.ID != u.ID {
			return ErrPhoneTaken
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err := s.auth.LiftBlock(ctx, tx, u); err != nil {
			return err
		}
		now := s.clock.Now()
		u.Phone, u.PhoneVerifiedAt = &f.Target, &now
		if err := store.UpdateUser(ctx, tx, u, now, 0, "phone", "phone_verified_at"); err != nil {
			return err
		}
		if err := store.RenewSecurityStamp(ctx, tx, u); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventPhoneVerified, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindPhoneAdded, mail.Data{Masked: MaskPhone(f.Target), Link: s.notify.Link("/forgot-password", "")})
	})
	if err != nil {
		return nil, err
	}
	s.notify.Kick()
	return u, nil
}

// RemovePhone deletes the Phone ID after a step-up and tells the owner.
func (s *Service) RemovePhone(ctx context.Context, sess *session.Session, m audit.Meta) (*store.User, error) {
	if !sess.TakeGrant(auth.ActionPhone, s.clock.Now()) {
		return nil, ErrReauthRequired
	}
	var out *store.User
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, sess.UserID())
		if err != nil {
			return err
		}
		if u.Phone == nil {
			out = u
			return nil
		}
		removed := *u.Phone
		if err := s.auth.LiftBlock(ctx, tx, u); err != nil {
			return err
		}
		now := s.clock.Now()
		u.Phone, u.PhoneVerifiedAt = nil, nil
		if err := store.UpdateUser(ctx, tx, u, now, 0, "phone", "phone_verified_at"); err != nil {
			return err
		}
		if err := store.RenewSecurityStamp(ctx, tx, u); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, now, u.ID, audit.EventPhoneRemoved, m); err != nil {
			return err
		}
		out = u
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindPhoneRemoved, mail.Data{Masked: MaskPhone(removed), Link: s.notify.Link("/forgot-password", "")})
	})
	if err != nil {
		return nil, fmt.Errorf("account: remove phone: %w", err)
	}
	s.notify.Kick()
	return out, nil
}
