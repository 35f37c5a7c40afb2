package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// Code purposes: a code made for one never works for another.
const (
	PurposeLogin        = "login"
	PurposeTwoFactorOn  = "2fa_on"
	PurposeTwoFactorOff = "2fa_off"
	PurposeDelete       = "delete"
	PurposeEmailChange  = "email_change"
	PurposePhone        = "phone"
)

func (s *Service) codeHash(userID int64, purpose, flowID, code string) string {
	return s.Keys.MAC("code", fmt.Sprint(userID), purpose, flowID, code)
}

// issueCode makes a new code for (user, purpose, flow) inside tx, voiding the
// earlier one. resend applies "Request a new one"'s limits: one per 30 s per
// flow and 5 per hour per account.
func (s *Service) issueCode(ctx context.Context, tx bun.IDB, userID int64, purpose, flowID string, resend bool) (string, error) {
	now := s.Clock.Now()
	if resend {
		st, err := store.CodeStatsFor(ctx, tx, userID, purpose, flowID, now.Add(-time.Hour))
		if err != nil {
			return "", err
		}
		if wait := st.Newest.Add(ResendCooldown).Sub(now); !st.Newest.IsZero() && wait > 0 {
			return "", &RateError{RetryAfter: wait}
		}
		if st.Resends >= MaxResendsPerHour {
			return "", &RateError{RetryAfter: st.OldestResend.Add(time.Hour).Sub(now)}
		}
	}
	code, err := randomCode(s.Rand)
	if err != nil {
		return "", err
	}
	c := &store.Code{
		UserID: userID, Purpose: purpose, FlowID: flowID, Resend: resend,
		Hash:      s.codeHash(userID, purpose, flowID, code),
		ExpiresAt: now.Add(CodeLifetime), CreatedAt: now,
	}
	if err := store.CreateCode(ctx, tx, c); err != nil {
		return "", err
	}
	return code, nil
}

// checkCode verifies code for (user, purpose, flow) and consumes it. Each
// entry first spends one of the code's 5 attempts in an atomic UPDATE, and a
// right code is then used by an UPDATE … WHERE used_at IS NULL: parallel
// guesses cannot get more than 5 tries, and of parallel right entries exactly
// one wins.
func (s *Service) checkCode(ctx context.Context, userID int64, purpose, flowID, input string) error {
	input = validate.NormalizeCode(input)
	if validate.Code(input) != nil {
		return ErrInvalidCode
	}
	now := s.Clock.Now()
	c, err := store.ActiveCode(ctx, s.DB, userID, purpose, flowID)
	if errors.Is(err, store.ErrNotFound) {
		return ErrCodeVoid
	}
	if err != nil {
		return err
	}
	if !c.ExpiresAt.After(now) {
		return ErrCodeVoid
	}
	ok, err := store.SpendCodeAttempt(ctx, s.DB, c.ID, MaxCodeAttempts, now)
	if err != nil {
		return err
	}
	if !ok {
		return ErrCodeVoid
	}
	want := s.codeHash(userID, purpose, flowID, input)
	if subtle.ConstantTimeCompare([]byte(want), []byte(c.Hash)) != 1 {
		if c.Attempts+1 >= MaxCodeAttempts {
			return ErrCodeVoid
		}
		return ErrInvalidCode
	}
	used, err := store.UseCode(ctx, s.DB, c.ID, now)
	if err != nil {
		return err
	}
	if !used {
		return ErrCodeVoid
	}
	return nil
}

func (s *Service) tokenHash(token string) string { return s.Keys.MAC("link-token", token) }

// issueToken makes a single-use link token inside tx.
func (s *Service) issueToken(ctx context.Context, tx bun.IDB, userID int64, purpose string, ttl time.Duration, payload string) (string, error) {
	tok, err := randomToken(s.Rand, 32)
	if err != nil {
		return "", err
	}
	now := s.Clock.Now()
	t := &store.Token{UserID: userID, Purpose: purpose, Hash: s.tokenHash(tok), Payload: payload, ExpiresAt: now.Add(ttl), CreatedAt: now}
	if err := store.CreateToken(ctx, tx, t); err != nil {
		return "", err
	}
	return tok, nil
}
