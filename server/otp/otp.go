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

// Budgets that span flows (NIST SP 800-63B §5.2.2): every login mails a
// fresh code with 5 tries of its own, so without them a patient attacker who
// has the password gets unlimited guesses, and any number of SMS can be sent
// to a number. Within an hour an account gets at most SentPerHour codes (by
// e-mail and SMS together) and WrongPerHour wrong entries, and one phone
// number at most SentPerHour SMS, whichever accounts ask. Then codes pause
// until the hour is over.
const (
	SentPerHour  = 5
	WrongPerHour = 10
	budgetWindow = time.Hour
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
	// ErrReplaced is a wrong entry that was the code a newer one replaced:
	// it is ErrWrong too (errors.Is), and counts like one.
	ErrReplaced = fmt.Errorf("%w: it was replaced by a newer code", ErrWrong)
)

// RateError says "Request a new one" came too soon; try after RetryAfter.
type RateError struct{ RetryAfter time.Duration }

func (e *RateError) Error() string { return "otp: rate limited for " + e.RetryAfter.String() }

// Why codes paused.
const (
	PausedSent  = "sent"  // too many codes sent to the account or number
	PausedWrong = "wrong" // too many wrong codes entered for the account
)

// PausedError says the account's (or the number's) budget for the hour is
// spent: no code is sent or checked until Until.
type PausedError struct {
	Until  time.Time
	Reason string
	key    string
}

func (e *PausedError) Error() string {
	return "otp: codes paused (" + e.Reason + ") until " + e.Until.Format(time.RFC3339)
}

// spend counts one use of the budget key; a spent budget is a PausedError.
func (c *Codes) spend(ctx context.Context, db bun.IDB, key string, limit int, reason string) error {
	ok, _, ends, err := store.SpendBudget(ctx, db, key, limit, budgetWindow, c.clock.Now())
	if err != nil {
		return fmt.Errorf("otp: %w", err)
	}
	if !ok {
		return &PausedError{Until: ends, Reason: reason, key: key}
	}
	return nil
}

// TellOnce reports whether the owner should be told of pause p: true for
// the first refusal of the pause only. Pass the database itself, not the
// transaction that failed with p (it is rolled back).
func (c *Codes) TellOnce(ctx context.Context, db bun.IDB, p *PausedError) (bool, error) {
	first, _, _, err := store.SpendBudget(ctx, db, p.key+":told", 1, budgetWindow, c.clock.Now())
	if err != nil {
		return false, fmt.Errorf("otp: %w", err)
	}
	return first, nil
}

func sentKey(userID int64) string  { return "otp-sent:" + strconv.FormatInt(userID, 10) }
func wrongKey(userID int64) string { return "otp-wrong:" + strconv.FormatInt(userID, 10) }

// numberKey keys a phone number's budget without storing the number.
func (c *Codes) numberKey(number string) string { return "otp-sms:" + c.keys.MAC("otp-number", number) }

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
	if err := c.spend(ctx, tx, sentKey(u.ID), SentPerHour, PausedSent); err != nil {
		return "", err
	}
	if destination != u.Email {
		if err := c.spend(ctx, tx, c.numberKey(destination), SentPerHour, PausedSent); err != nil {
			return "", err
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
	// Every entry spends from the account's budget first; a right one is
	// given back below.
	if err := c.spend(ctx, db, wrongKey(u.ID), WrongPerHour, PausedWrong); err != nil {
		return err
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
		if c.replaced(ctx, db, u, row, input) {
			return ErrReplaced
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
	return store.RefundBudget(ctx, db, wrongKey(u.ID))
}

// replaced reports whether input is the code that row replaced ("Request a
// new one", or a new login): the person typed the older message's code.
// It still counts as a wrong entry; only the words differ. A code that was
// used, or issued under an older security stamp, is not that.
func (c *Codes) replaced(ctx context.Context, db bun.IDB, u *store.User, row *store.Code, input string) bool {
	prev, err := store.PreviousCode(ctx, db, row)
	if err != nil || prev.UsedAt == nil || prev.Stamp != u.SecurityStamp {
		return false
	}
	// Replacing sets used_at to the new code's creation (the database may
	// keep it to the microsecond).
	if d := prev.UsedAt.Sub(row.CreatedAt); d < -time.Millisecond || d > time.Millisecond {
		return false
	}
	return c.matches(prev.Hash, u.ID, row.Purpose, row.FlowID, input)
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
