package account

import (
	"context"
	"fmt"
	"strings"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

const pendingPhone = "phone_verify"

// MaskPhone shows the country code and the last two digits: +49•••••67.
func MaskPhone(p string) string {
	if len(p) < 6 {
		return "•••"
	}
	return p[:3] + strings.Repeat("•", 5) + p[len(p)-2:]
}

// StartPhone stores a new, unverified Phone ID after re-authentication and
// sends a 6-digit code by SMS; it logs in only once verified.
func (s *Service) StartPhone(ctx context.Context, cur *auth.Current, phone string, m auth.Meta) (string, error) {
	phone = validate.NormalizePhone(phone)
	if err := validate.Phone(phone); err != nil {
		return "", auth.FieldErrors{"phone": validate.CodeOf(err)}
	}
	if !s.auth.Reauthenticated(cur, auth.ActionPhone) {
		return "", ErrReauthRequired
	}
	flow, err := newFlow()
	if err != nil {
		return "", err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, cur.UserID())
		if err != nil {
			return err
		}
		u.Phone, u.PhoneVerifiedAt = &phone, nil
		if err := store.UpdateUser(ctx, tx, u, s.clock.Now(), 0, "phone", "phone_verified_at"); err != nil {
			return err
		}
		return s.smsCode(ctx, tx, u, flow, false)
	})
	if err != nil {
		return "", fmt.Errorf("account: start phone: %w", err)
	}
	cur.SetFlow(pendingPhone, flow)
	s.auth.Kick()
	return MaskPhone(phone), nil
}

func (s *Service) smsCode(ctx context.Context, tx bun.IDB, u *store.User, flow string, resend bool) error {
	code, err := s.auth.IssueCode(ctx, tx, u.ID, auth.PurposePhone, flow, resend)
	if err != nil {
		return err
	}
	return s.auth.Notify(ctx, tx, u, *u.Phone, mail.KindPhoneCode, mail.Data{Code: code})
}

// ResendPhone sends a new SMS code (same limits as every code).
func (s *Service) ResendPhone(ctx context.Context, cur *auth.Current) (string, error) {
	if cur.Pending() != pendingPhone {
		return "", auth.ErrNothingPending
	}
	var masked string
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, cur.UserID())
		if err != nil || u.Phone == nil {
			return auth.ErrNothingPending
		}
		masked = MaskPhone(*u.Phone)
		return s.smsCode(ctx, tx, u, cur.Flow(), true)
	})
	if err != nil {
		return "", err
	}
	s.auth.Kick()
	return masked, nil
}

// VerifyPhone checks the SMS code; the number then logs in as Phone ID. A
// number another account has verified is refused.
func (s *Service) VerifyPhone(ctx context.Context, cur *auth.Current, code string, m auth.Meta) (*store.User, error) {
	if cur.Pending() != pendingPhone {
		return nil, auth.ErrNothingPending
	}
	if err := s.auth.CheckCode(ctx, cur.UserID(), auth.PurposePhone, cur.Flow(), code); err != nil {
		return nil, err
	}
	cur.SetFlow("", "")
	var out *store.User
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, cur.UserID())
		if err != nil {
			return err
		}
		if u.Phone == nil {
			return auth.ErrNothingPending
		}
		if other, err := store.UserByPhone(ctx, tx, *u.Phone); err == nil && other.ID != u.ID {
			return ErrPhoneTaken
		}
		now := s.clock.Now()
		u.PhoneVerifiedAt = &now
		if err := store.UpdateUser(ctx, tx, u, now, 0, "phone_verified_at"); err != nil {
			return err
		}
		if err := s.auth.Event(ctx, tx, u.ID, auth.EventPhoneVerified, m); err != nil {
			return err
		}
		out = u
		return s.auth.Notify(ctx, tx, u, u.Email, mail.KindPhoneAdded, mail.Data{Masked: MaskPhone(*u.Phone), Link: s.auth.Link("/forgot-password", "")})
	})
	if err != nil {
		return nil, err
	}
	s.auth.Kick()
	return out, nil
}

// RemovePhone deletes the Phone ID after re-authentication.
func (s *Service) RemovePhone(ctx context.Context, cur *auth.Current, m auth.Meta) (*store.User, error) {
	if !s.auth.Reauthenticated(cur, auth.ActionPhone) {
		return nil, ErrReauthRequired
	}
	var out *store.User
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		u, err := store.UserByID(ctx, tx, cur.UserID())
		if err != nil {
			return err
		}
		if err := store.ResetLoginFailures(ctx, tx, s.auth.UserKeys(u)...); err != nil {
			return err
		}
		u.Phone, u.PhoneVerifiedAt = nil, nil
		if err := store.UpdateUser(ctx, tx, u, s.clock.Now(), 0, "phone", "phone_verified_at"); err != nil {
			return err
		}
		out = u
		return s.auth.Event(ctx, tx, u.ID, auth.EventPhoneRemoved, m)
	})
	return out, err
}
