package auth

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// RecoveryCodeCount is how many recovery codes an account gets at once.
const RecoveryCodeCount = 10

// ErrTwoFactorOff: recovery codes stand in for a second factor, so there
// are none without two-factor authentication.
var ErrTwoFactorOff = errors.New("auth: two-factor authentication is off")

// NewRecoveryCodes makes ten new recovery codes after a step-up for it; the
// earlier ones stop working. The codes are returned this once: only keyed
// hashes are stored.
func (s *Service) NewRecoveryCodes(ctx context.Context, sess *session.Session, m audit.Meta) (*store.User, []string, error) {
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, nil, err
	}
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return nil, nil, err
	}
	if !s.twoFactorOn(creds) {
		return nil, nil, ErrTwoFactorOff
	}
	if !sess.TakeGrant(ActionRecoveryCodes, s.clock.Now()) {
		return nil, nil, ErrReauthRequired
	}
	var codes []string
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if codes, err = s.replaceRecoveryCodes(ctx, tx, u); err != nil {
			return err
		}
		return s.credentialChanged(ctx, tx, u, audit.EventRecoveryCodesCreated, mail.KindRecoveryCodesNew,
			mail.Data{Link: s.notify.Link("/profile/account", "")}, m)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("auth: new recovery codes: %w", err)
	}
	s.notify.Kick()
	return u, codes, nil
}

// replaceRecoveryCodes stores ten new codes for u inside tx in place of its
// earlier ones, and returns them.
//
// They are stored as HMAC-SHA256 under the key ring, not with argon2id like
// passwords: each code has 59 random bits from crypto/rand (12 characters
// of a 31-letter alphabet), so there is nothing for a slow hash to protect
// against — a database copy without the key cannot even be guessed at, and
// online guesses are limited per account. A slow hash would instead cost
// ten 19 MiB hashes for every code typed.
func (s *Service) replaceRecoveryCodes(ctx context.Context, tx bun.IDB, u *store.User) ([]string, error) {
	codes := make([]string, RecoveryCodeCount)
	var cfg recoveryConfig
	for i := range codes {
		c, err := randomRecoveryCode(s.rand)
		if err != nil {
			return nil, err
		}
		codes[i] = c
		cfg.Codes = append(cfg.Codes, s.recoveryHashes(u, c)[0])
	}
	config, _ := json.Marshal(cfg) // a plain struct: cannot fail
	if _, err := store.RemoveCredentials(ctx, tx, u.ID, store.CredentialRecoveryCodes); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	row := &store.Credential{UserID: u.ID, Type: store.CredentialRecoveryCodes, Config: string(config), CreatedAt: now, UpdatedAt: now}
	if err := store.AddCredential(ctx, tx, row); err != nil {
		return nil, err
	}
	return codes, nil
}

// randomRecoveryCode draws a code of RecoveryCodeLength characters from
// the alphabet, uniformly, written in groups of four: k7pq-3xmd-w9ae.
func randomRecoveryCode(r io.Reader) (string, error) {
	alphabet := validate.RecoveryCodeAlphabet
	n := big.NewInt(int64(len(alphabet)))
	var b strings.Builder
	for i := 0; i < validate.RecoveryCodeLength; i++ {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		k, err := rand.Int(r, n)
		if err != nil {
			return "", fmt.Errorf("auth: recovery code: %w", err)
		}
		b.WriteByte(alphabet[k.Int64()])
	}
	return b.String(), nil
}

// recoveryCodesLeft is how many unused recovery codes the account has.
func recoveryCodesLeft(creds []store.Credential) int {
	c := credentialOf(creds, store.CredentialRecoveryCodes)
	if c == nil {
		return 0
	}
	cfg, err := readRecoveryConfig(c.Config)
	if err != nil {
		return 0
	}
	return len(cfg.Codes)
}
