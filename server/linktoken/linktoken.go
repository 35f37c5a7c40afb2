// Package linktoken makes and takes the single-use tokens of e-mailed links:
// confirming an address, resetting a password, confirming and undoing an
// e-mail change. A token is stored only as a keyed hash, with the account's
// security stamp and the address it was sent to, and a link is refused when
// either no longer matches: whatever it was issued for has changed.
package linktoken

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/store"
)

// Purposes of link tokens, with their lifetimes (SPEC §3).
const (
	Confirm     = "confirm"      // a new registration's address, 24 h
	Reset       = "reset"        // a new password, 1 h
	EmailChange = "email_change" // to the new address, 24 h
	EmailUndo   = "email_undo"   // to the old address, 72 h
	// DeletionUndo keeps a deleted account within its grace period, like
	// EmailUndo the owner's way back: no later change of the account kills it.
	DeletionUndo = "deletion_undo"

	ConfirmLifetime = 24 * time.Hour
	ResetLifetime   = time.Hour
	UndoLifetime    = 72 * time.Hour
)

// ErrInvalid is a link that is unknown, used, expired, or stale.
var ErrInvalid = errors.New("linktoken: invalid or expired link")

// Tokens issues and checks link tokens.
type Tokens struct {
	keys  keyring.Ring
	clock clock.Clock
	rand  io.Reader
}

// New returns Tokens keyed by keys.
func New(keys keyring.Ring, clk clock.Clock, rand io.Reader) *Tokens {
	return &Tokens{keys: keys, clock: clk, rand: rand}
}

// Issue makes a token of purpose for u, sent to destination, with payload
// (the new address of an e-mail change, the old one of its undo), inside tx.
func (t *Tokens) Issue(ctx context.Context, tx bun.IDB, u *store.User, purpose, destination, payload string, ttl time.Duration) (string, error) {
	tok, err := keyring.Random(t.rand, 32)
	if err != nil {
		return "", fmt.Errorf("linktoken: %w", err)
	}
	now := t.clock.Now()
	row := &store.Token{
		UserID: u.ID, Purpose: purpose, Hash: t.keys.MAC("link-token", tok), Payload: payload,
		Stamp: u.SecurityStamp, Destination: destination, ExpiresAt: now.Add(ttl), CreatedAt: now,
	}
	if err := store.CreateToken(ctx, tx, row); err != nil {
		return "", fmt.Errorf("linktoken: issue %s: %w", purpose, err)
	}
	return tok, nil
}

// Peek returns the live token of one of purposes without using it, and its
// account (a page first asks what a link is, then carries it out).
func (t *Tokens) Peek(ctx context.Context, db bun.IDB, token string, purposes ...string) (*store.Token, *store.User, error) {
	row, err := store.PeekToken(ctx, db, purposes, t.keys.MACs("link-token", token), t.clock.Now())
	if err != nil {
		return nil, nil, t.invalid(err)
	}
	u, err := t.check(ctx, db, row)
	return row, u, err
}

// Consume uses the live token of one of purposes inside tx, in one UPDATE
// (of two parallel uses exactly one wins), and returns it with its account.
func (t *Tokens) Consume(ctx context.Context, tx bun.IDB, token string, purposes ...string) (*store.Token, *store.User, error) {
	row, err := store.ConsumeToken(ctx, tx, purposes, t.keys.MACs("link-token", token), t.clock.Now())
	if err != nil {
		return nil, nil, t.invalid(err)
	}
	u, err := t.check(ctx, tx, row)
	return row, u, err
}

// VoidAll ends every outstanding link of the account (an undo of an e-mail
// change: whatever the intruder asked for dies with it).
func (t *Tokens) VoidAll(ctx context.Context, tx bun.IDB, userID int64) error {
	return store.VoidTokens(ctx, tx, userID, t.clock.Now())
}

// Pending is where u's live link of purpose went ("" when none waits): a
// link voided, used, expired or issued before the account's security stamp
// changed is not pending.
func (t *Tokens) Pending(ctx context.Context, db bun.IDB, u *store.User, purpose string) (string, error) {
	dest, err := store.PendingDestination(ctx, db, u.ID, purpose, u.SecurityStamp, t.clock.Now())
	if err != nil {
		return "", fmt.Errorf("linktoken: %w", err)
	}
	return dest, nil
}

// Void ends the account's outstanding links of the purposes.
func (t *Tokens) Void(ctx context.Context, tx bun.IDB, userID int64, purposes ...string) error {
	return store.VoidTokens(ctx, tx, userID, t.clock.Now(), purposes...)
}

// Per-address limits on mailing links, silent to whoever asked (SPEC §3:
// the answer never tells whether an account exists): at most one link of a
// purpose a minute, and five an hour.
const (
	mailGap     = time.Minute
	mailPerHour = 5
)

// MayMail reports whether another link of purpose may be mailed to the
// account now.
func (t *Tokens) MayMail(ctx context.Context, db bun.IDB, userID int64, purpose string) (bool, error) {
	now := t.clock.Now()
	n, newest, err := store.TokenStats(ctx, db, userID, purpose, now.Add(-time.Hour))
	if err != nil {
		return false, fmt.Errorf("linktoken: %w", err)
	}
	return n < mailPerHour && (newest.IsZero() || now.Sub(newest) >= mailGap), nil
}

func (t *Tokens) invalid(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return ErrInvalid
	}
	return fmt.Errorf("linktoken: %w", err)
}

// check refuses a token whose account changed since it was issued. An undo
// link is the owner's way back after someone else changed the address, so
// nothing that person does (a new password, another change) may kill it: it
// is refused only once the address it restores is no longer free, which the
// caller checks. Every other link needs the stamp it was issued under, and a
// link sent to the account's address needs that address to be still the
// account's. Tokens from before stamps existed carry an empty stamp and
// destination, which match the stamp accounts had then until it first
// changes.
func (t *Tokens) check(ctx context.Context, db bun.IDB, row *store.Token) (*store.User, error) {
	u, err := store.UserByID(ctx, db, row.UserID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrInvalid
	}
	if err != nil {
		return nil, fmt.Errorf("linktoken: account: %w", err)
	}
	switch row.Purpose {
	case EmailUndo, DeletionUndo:
		return u, nil
	case Confirm, Reset:
		if row.Destination != "" && row.Destination != u.Email {
			return nil, ErrInvalid
		}
	}
	if row.Stamp != u.SecurityStamp {
		return nil, ErrInvalid
	}
	return u, nil
}
