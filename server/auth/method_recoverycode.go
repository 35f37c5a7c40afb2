package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// ErrWrongRecoveryCode is a recovery code the account does not have (or
// no longer has: each works once).
var ErrWrongRecoveryCode = errors.New("auth: wrong recovery code")

// recoveryCode is one of the account's ten recovery codes, printed or
// saved when they were made: something the person has (NIST SP 800-63B
// calls it a look-up secret, §5.1.2). It stands in for the second factor
// when the phone or the mailbox is out of reach.
//
// RFC 8176 has no value for a look-up secret: "otp" names generated
// one-time passwords (HOTP, TOTP: RFC 4226, RFC 6238), "pwd" a memorised
// secret, "kba" knowledge questions, and an unregistered value would need
// every client's agreement. So it adds no value of its own; with the
// password before it, AMRValues still says "mfa".
type recoveryCode struct{ s *Service }

func (recoveryCode) Name() string   { return MethodRecoveryCode }
func (recoveryCode) Factor() Factor { return Possession }
func (recoveryCode) AMR() string    { return "" }

// Has reports whether codes are left, and only while two-factor
// authentication is on: the codes stand in for a second factor, never for
// the first.
func (r recoveryCode) Has(creds []store.Credential) bool {
	c := credentialOf(creds, store.CredentialRecoveryCodes)
	if c == nil || !r.s.twoFactorOn(creds) {
		return false
	}
	cfg, err := readRecoveryConfig(c.Config)
	return err == nil && len(cfg.Codes) > 0
}

// Begin sends nothing: the codes are on the customer's paper or file.
func (recoveryCode) Begin(context.Context, *store.User, session.Flow, bool) (Challenge, error) {
	return Challenge{}, nil
}

// recoveryConfig is the recovery codes' Config: the keyed hashes of the
// codes not used yet.
type recoveryConfig struct {
	Codes []string `json:"codes"`
}

func readRecoveryConfig(s string) (recoveryConfig, error) {
	var cfg recoveryConfig
	if err := json.Unmarshal([]byte(s), &cfg); err != nil {
		return cfg, fmt.Errorf("auth: recovery codes: %w", err)
	}
	return cfg, nil
}

// recoveryHashes are the keyed hashes input may be stored under, one per
// key of the ring (newest first).
func (s *Service) recoveryHashes(u *store.User, input string) []string {
	return s.keys.MACs("recovery-code", strconv.FormatInt(u.ID, 10), validate.NormalizeRecoveryCode(input))
}

// Verify spends one recovery code: it leaves the list in one conditional
// update (of two requests with the same code, one wins), and the owner is
// told by mail how many are left. Wrong entries count toward the account's
// limit of guesses.
func (r recoveryCode) Verify(ctx context.Context, u *store.User, f session.Flow, input string) error {
	if validate.RecoveryCode(input) != nil {
		return r.s.guarded(ctx, u, func() error { return ErrWrongRecoveryCode })
	}
	return r.s.guarded(ctx, u, func() error { return r.s.spendRecoveryCode(ctx, u, input) })
}

func (s *Service) spendRecoveryCode(ctx context.Context, u *store.User, input string) error {
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return err
	}
	c := credentialOf(creds, store.CredentialRecoveryCodes)
	if c == nil || !(recoveryCode{s}).Has(creds) {
		return ErrWrongRecoveryCode
	}
	cfg, err := readRecoveryConfig(c.Config)
	if err != nil {
		return err
	}
	at := -1
	for _, h := range s.recoveryHashes(u, input) {
		if i := slices.Index(cfg.Codes, h); i >= 0 {
			at = i
			break
		}
	}
	if at < 0 {
		return ErrWrongRecoveryCode
	}
	cfg.Codes = slices.Delete(cfg.Codes, at, at+1)
	next, _ := json.Marshal(cfg) // a plain struct: cannot fail
	now := s.clock.Now()
	m := audit.Meta{}
	if md, ok := metaFrom(ctx); ok {
		m = md
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.SwapCredentialConfig(ctx, tx, c.ID, c.Config, string(next), true, now); err != nil {
			return err
		}
		if err := s.event(ctx, tx, u.ID, audit.EventRecoveryCodeUsed, m); err != nil {
			return err
		}
		return s.notify.Send(ctx, tx, u, u.Email, mail.KindRecoveryCodeUsed, mail.Data{
			Left: len(cfg.Codes), When: notify.FormatTime(now, u.Language), Device: audit.Device(m.UserAgent),
			Link: s.notify.Link("/profile/account", ""),
		})
	})
	if errors.Is(err, store.ErrConflict) {
		return ErrWrongRecoveryCode
	}
	if err != nil {
		return fmt.Errorf("auth: spend recovery code: %w", err)
	}
	s.notify.Kick()
	return nil
}
