package auth

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// passwordMethod is the password: something the person knows.
type passwordMethod struct{}

func (passwordMethod) Name() string   { return MethodPassword }
func (passwordMethod) Factor() Factor { return Knowledge }
func (passwordMethod) AMR() string    { return "pwd" }

// The temporary block counts wrong passwords per identifier typed (an
// address or Phone ID, kept as a keyed hash: nothing readable is stored for
// unknown addresses) and per device: every browser that has signed in to
// the account before (its device cookie) has a count of its own, and all
// other browsers share one. An attacker who keeps the account blocked from
// unknown browsers does not lock the owner out of their own. Failures leak
// away, one every BlockDuration/MaxWrongPasswords (3 minutes), so five in a
// row means five within a quarter of an hour.
const failureLeak = BlockDuration / MaxWrongPasswords

// identifierKey is the prefix of every count of what was typed.
func (s *Service) identifierKey(normalized string) string {
	return s.keys.MAC("login-identifier", normalized)
}

// failureKey is the count of identifier key for the session's browser.
// Whether the browser is known is looked up for unknown accounts too (as
// user 0), so the time taken does not tell them apart.
func (s *Service) failureKey(ctx context.Context, sess *session.Session, u *store.User, key string) (string, error) {
	uid := int64(0)
	if u != nil {
		uid = u.ID
	}
	device := DeviceHash(sess.Device())
	known, err := store.IsKnownDevice(ctx, s.db, uid, device)
	if err != nil {
		return "", err
	}
	if known && u != nil {
		return key + "|device:" + device, nil
	}
	return key + "|unknown", nil
}

// userKeys are the count prefixes of everything that logs into u.
func (s *Service) userKeys(u *store.User) []string {
	keys := []string{s.identifierKey(u.Email)}
	if u.Phone != nil && u.PhoneVerifiedAt != nil {
		keys = append(keys, s.identifierKey(*u.Phone))
	}
	return keys
}

// LiftBlock clears the wrong-password counts of everything that logs into
// u, on every device (a new password, a deleted account, a removed Phone
// ID, the reset link of the block mail).
func (s *Service) LiftBlock(ctx context.Context, db bun.IDB, u *store.User) error {
	return store.ResetLoginFailuresWithPrefix(ctx, db, s.userKeys(u)...)
}

// checkPassword proves the password of u (nil for an identifier without an
// account) as typed under identifier key, in the session's browser. The
// attempt is counted before the hash is checked, so parallel guesses cannot
// get past the limit; an unknown account is checked against a dummy hash
// and counted the same way, so neither words nor timing tell it apart. A
// right password resets the browser's count.
func (s *Service) checkPassword(ctx context.Context, sess *session.Session, u *store.User, creds []store.Credential, key, password string, m audit.Meta) error {
	fkey, err := s.failureKey(ctx, sess, u, key)
	if err != nil {
		return err
	}
	att, err := store.ReserveLoginAttempt(ctx, s.db, fkey, MaxWrongPasswords, BlockDuration, failureLeak, s.clock.Now())
	if err != nil {
		return err
	}
	if !att.Allowed {
		return &BlockedError{Until: att.BlockedUntil}
	}
	stored := credentialOf(creds, store.CredentialPassword)
	ok, rehash := false, false
	if u == nil || stored == nil {
		s.hasher.VerifyDummy(ctx, password)
	} else if ok, rehash, err = s.hasher.Verify(ctx, password, stored.Config); err != nil {
		return fmt.Errorf("auth: verify password of %d: %w", u.ID, err)
	}
	if !ok {
		return s.passwordFailed(ctx, u, att, m)
	}
	if err := store.ResetLoginFailures(ctx, s.db, fkey); err != nil {
		return err
	}
	if rehash {
		// Stronger parameters than the stored hash's: replace it now that
		// the password is known (same password, so the stamp stays).
		h, err := s.hasher.Hash(ctx, password)
		if err != nil {
			return err
		}
		if err := store.SetPasswordHash(ctx, s.db, u.ID, h, s.clock.Now()); err != nil {
			return err
		}
	}
	return nil
}

// passwordFailed records a wrong password; the attempt that reaches the
// limit blocks the identifier and mails the owner a reset link.
func (s *Service) passwordFailed(ctx context.Context, u *store.User, att store.Attempt, m audit.Meta) error {
	blocked := att.Count >= MaxWrongPasswords
	if u != nil {
		err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if err := s.event(ctx, tx, u.ID, audit.EventLoginFailed, m); err != nil {
				return err
			}
			if !blocked {
				return nil
			}
			if err := s.event(ctx, tx, u.ID, audit.EventBlocked, m); err != nil {
				return err
			}
			// Someone who keeps re-blocking the account must not flood the
			// owner's mailbox: one block mail an hour.
			mailIt, _, _, err := store.SpendBudget(ctx, tx, "block-mail:"+strconv.FormatInt(u.ID, 10), 1, time.Hour, s.clock.Now())
			if err != nil || !mailIt {
				return err
			}
			link, err := s.resetLink(ctx, tx, u)
			if err != nil {
				return err
			}
			return s.notify.Send(ctx, tx, u, u.Email, mail.KindBlocked, mail.Data{
				Until: notify.FormatTime(att.BlockedUntil, u.Language), Link: link,
			})
		})
		if err != nil {
			return fmt.Errorf("auth: record failed login: %w", err)
		}
		s.notify.Kick()
	}
	if blocked {
		return &BlockedError{Until: att.BlockedUntil}
	}
	return ErrInvalidLogin
}

// SetPassword makes hash (of a new password) the account's password inside
// tx: a new security stamp, so every link and code issued before dies,
// every app's grant revoked, and the block lifted. Ending sessions is the
// caller's choice.
func (s *Service) SetPassword(ctx context.Context, tx bun.IDB, u *store.User, hash string) error {
	if err := store.SetPasswordHash(ctx, tx, u.ID, hash, s.clock.Now()); err != nil {
		return err
	}
	if err := store.RenewSecurityStamp(ctx, tx, u); err != nil {
		return err
	}
	// Apps hold tokens from logins with the old password: they end with it
	// (a password change, a reset, the undo of an e-mail change).
	if _, err := store.RevokeOIDCGrants(ctx, tx, u.ID); err != nil {
		return err
	}
	return s.LiftBlock(ctx, tx, u)
}

func credentialOf(creds []store.Credential, typ string) *store.Credential {
	for i := range creds {
		if creds[i].Type == typ {
			return &creds[i]
		}
	}
	return nil
}
