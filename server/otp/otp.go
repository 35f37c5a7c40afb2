// Package otp makes and checks the 6-digit one-time codes sent by e-mail and
// SMS: the second step of a login, the code of a dialog before a change, the
// code that verifies a Phone ID. A code is bound to its account, purpose and
// flow (one login attempt, one dialog), stored only as a keyed hash with the
// account's security stamp and the address or number it went to, and dies
// when any of them changes.
package otp

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// Rules with numbers (SPEC §3).
const (
	Lifetime          = 10 * time.Minute
	MaxAttempts       = 5
	ResendCooldown    = 30 * time.Second
	MaxResendsPerHour = 5
)

// Purposes: a code made for one never works for another.
const (
	Login        = "login"
	TwoFactorOn  = "2fa_on"
	TwoFactorOff = "2fa_off"
	Delete       = "delete"
	EmailChange  = "email_change"
	Password     = "password"
	PhoneChange  = "phone_change"
	Phone        = "phone" // the SMS that verifies a new Phone ID
)

// Errors of Check.
var (
	ErrWrong = errors.New("otp: wrong code")
	ErrVoid  = errors.New("otp: code void, request a new one")
)

// RateError says "Request a new one" came too soon; try after RetryAfter.
type RateError struct{ RetryAfter time.Duration }

func (e *RateError) Error() string { return "otp: rate limited for " + e.RetryAfter.String() }

// Codes issues and checks codes.
type Codes struct {
	keys  keyring.Ring
	clock clock.Clock
	rand  io.Reader
}

// New returns Codes keyed by keys, with digits from rand.
func New(keys keyring.Ring, clk clock.Clock, rand io.Reader) *Codes {
	return &Codes{keys: keys, clock: clk, rand: rand}
}

func (c *Codes) hashes(userID int64, purpose, flow, code string) []string {
	return c.keys.MACs("code", strconv.FormatInt(userID, 10), purpose, flow, code)
}

// Issue makes a new code for (u, purpose, flow), sent to destination, inside
// tx, voiding the earlier one of the same flow. resend applies the limits of
// "Request a new one": one per 30 s per flow and 5 an hour per account.
func (c *Codes) Issue(ctx context.Context, tx bun.IDB, u *store.User, purpose, flow, destination string, resend bool) (string, error) {
	now := c.clock.Now()
	if resend {
		st, err := store.CodeStatsFor(ctx, tx, u.ID, purpose, flow, now.Add(-time.Hour))
		if err != nil {
			return "", fmt.Errorf("otp: %w", err)
		}
		if wait := st.Newest.Add(ResendCooldown).Sub(now); !st.Newest.IsZero() && wait > 0 {
			return "", &RateError{RetryAfter: wait}
		}
		if st.Resends >= MaxResendsPerHour {
			return "", &RateError{RetryAfter: st.OldestResend.Add(time.Hour).Sub(now)}
		}
	}
	code, err := randomCode(c.rand)
	if err != nil {
		return "", err
	}
	row := &store.Code{
		UserID: u.ID, Purpose: purpose, FlowID: flow, Resend: resend,
		Hash: c.hashes(u.ID, purpose, flow, code)[0], Stamp: u.SecurityStamp, Destination: destination,
		ExpiresAt: now.Add(Lifetime), CreatedAt: now,
	}
	if err := store.CreateCode(ctx, tx, row); err != nil {
		return "", fmt.Errorf("otp: issue %s: %w", purpose, err)
	}
	return code, nil
}

// Check verifies input for (u, purpose, flow) and consumes the code. Each
// entry first spends one of the code's 5 attempts in an atomic UPDATE, and a
// right code is then used by an UPDATE … WHERE used_at IS NULL: parallel
// guesses get no more than 5 tries, and of parallel right entries exactly one
// wins. A code issued under another security stamp, or sent to another
// destination than the one the account now has for it, is void.
func (c *Codes) Check(ctx context.Context, db bun.IDB, u *store.User, purpose, flow, destination, input string) error {
	input = validate.NormalizeCode(input)
	if validate.Code(input) != nil {
		return ErrWrong
	}
	now := c.clock.Now()
	row, err := store.ActiveCode(ctx, db, u.ID, purpose, flow)
	if errors.Is(err, store.ErrNotFound) {
		return ErrVoid
	}
	if err != nil {
		return fmt.Errorf("otp: %w", err)
	}
	if !row.ExpiresAt.After(now) || row.Stamp != u.SecurityStamp || (row.Destination != "" && row.Destination != destination) {
		return ErrVoid
	}
	ok, err := store.SpendCodeAttempt(ctx, db, row.ID, MaxAttempts, now)
	if err != nil {
		return fmt.Errorf("otp: %w", err)
	}
	if !ok {
		return ErrVoid
	}
	if !c.matches(row.Hash, u.ID, purpose, flow, input) {
		if row.Attempts+1 >= MaxAttempts {
			return ErrVoid
		}
		return ErrWrong
	}
	used, err := store.UseCode(ctx, db, row.ID, now)
	if err != nil {
		return fmt.Errorf("otp: %w", err)
	}
	if !used {
		return ErrVoid
	}
	return nil
}

func (c *Codes) matches(stored string, userID int64, purpose, flow, input string) bool {
	hit := 0
	for _, h := range c.hashes(userID, purpose, flow, input) {
		hit |= subtle.ConstantTimeCompare([]byte(h), []byte(stored))
	}
	return hit == 1
}

// VoidAll ends every outstanding code of the account.
func (c *Codes) VoidAll(ctx context.Context, tx bun.IDB, userID int64) error {
	return store.VoidCodes(ctx, tx, userID, c.clock.Now())
}

// randomCode returns a uniformly random 6-digit code (crypto/rand.Int
// accepts any reader and samples without modulo bias).
func randomCode(r io.Reader) (string, error) {
	n, err := rand.Int(r, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("otp: random code: %w", err)
	}
	s := n.String()
	return strings.Repeat("0", 6-len(s)) + s, nil
}
