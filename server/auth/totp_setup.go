package auth

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"strings"
	"time"

	"github.com/pquerna/otp/totp"
	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// TOTPSetupLifetime is how long a new authenticator app may take to be
// confirmed with its first code.
const TOTPSetupLifetime = 10 * time.Minute

// TOTPSetup is a new authenticator app's key, for the customer to scan or
// type in.
type TOTPSetup struct {
	QR     string // a PNG data: URL of the otpauth:// link
	Key    string // base32, in groups of four
	URI    string // the otpauth:// link
	Issuer string
}

// BeginTOTP makes a key for a new authenticator app, after a step-up for
// it. The key waits in the session, sealed, until ConfirmTOTP sees the
// app's first code; the step-up is used up only then, so the customer may
// start again within its five minutes.
func (s *Service) BeginTOTP(ctx context.Context, sess *session.Session) (TOTPSetup, error) {
	if !sess.Granted(ActionTOTPOn, s.clock.Now()) {
		return TOTPSetup{}, ErrReauthRequired
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return TOTPSetup{}, err
	}
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return TOTPSetup{}, err
	}
	if (totpMethod{s}).Has(creds) {
		return TOTPSetup{}, ErrNothingToDo
	}
	issuer := s.brand + " ID"
	key, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: u.Email, Rand: s.rand})
	if err != nil {
		return TOTPSetup{}, fmt.Errorf("auth: authenticator key: %w", err)
	}
	img, err := key.Image(240, 240)
	if err != nil {
		return TOTPSetup{}, fmt.Errorf("auth: QR code: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return TOTPSetup{}, fmt.Errorf("auth: QR code: %w", err)
	}
	sealed, err := s.keys.Seal(s.rand, "totp", userContext(u), []byte(key.Secret()))
	if err != nil {
		return TOTPSetup{}, err
	}
	sess.StartTOTP(session.PendingTOTP{Sealed: sealed, Until: s.clock.Now().Add(TOTPSetupLifetime)})
	return TOTPSetup{
		QR:  "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()),
		Key: groups(key.Secret(), 4), URI: key.URL(), Issuer: issuer,
	}, nil
}

// groups writes s in groups of n characters, for reading and typing.
func groups(s string, n int) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%n == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ConfirmTOTP adds the app begun with BeginTOTP once code is its code of
// now: it switches two-factor authentication on if it was off, renews the
// security stamp, records the event and mails the owner. An account that
// had no recovery codes gets ten, returned this once.
func (s *Service) ConfirmTOTP(ctx context.Context, sess *session.Session, code string, m audit.Meta) (*store.User, []string, error) {
	pending, ok := sess.PendingTOTP(s.clock.Now())
	if !ok {
		return nil, nil, ErrNothingToDo
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, nil, err
	}
	key, err := s.totpKey(u, pending.Sealed)
	if err != nil {
		return nil, nil, err
	}
	step, err := totpStep(key, code, s.clock.Now(), 0)
	if err != nil {
		return nil, nil, err
	}
	if step == 0 {
		return nil, nil, ErrWrongTOTP
	}
	sess.EndTOTP()
	sess.TakeGrant(ActionTOTPOn, s.clock.Now())
	config, _ := json.Marshal(totpConfig{Key: pending.Sealed, Step: step}) // a plain struct: cannot fail
	now := s.clock.Now()
	var codes []string
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		row := &store.Credential{UserID: u.ID, Type: store.CredentialTOTP, Config: string(config), CreatedAt: now, UpdatedAt: now, LastUsedAt: &now}
		if err := store.AddCredential(ctx, tx, row); err != nil {
			return err
		}
		creds, err := store.CredentialsOf(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if recoveryCodesLeft(creds) == 0 {
			// Whoever loses the phone needs a way back in.
			if codes, err = s.replaceRecoveryCodes(ctx, tx, u); err != nil {
				return err
			}
		}
		return s.credentialChanged(ctx, tx, u, audit.EventTOTPAdded, mail.KindTOTPAdded,
			mail.Data{Link: s.notify.Link("/profile/account", "")}, m)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("auth: add authenticator app: %w", err)
	}
	s.notify.Kick()
	return u, codes, nil
}

// RemoveTOTP removes the authenticator app after a step-up for it. When it
// was the account's only second factor, two-factor authentication is then
// off, and the recovery codes go with it.
func (s *Service) RemoveTOTP(ctx context.Context, sess *session.Session, m audit.Meta) (*store.User, error) {
	if !sess.TakeGrant(ActionTOTPOff, s.clock.Now()) {
		return nil, ErrReauthRequired
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		n, err := store.RemoveCredentials(ctx, tx, u.ID, store.CredentialTOTP)
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNothingToDo
		}
		creds, err := store.CredentialsOf(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		if !s.twoFactorOn(creds) {
			if _, err := store.RemoveCredentials(ctx, tx, u.ID, store.CredentialRecoveryCodes); err != nil {
				return err
			}
		}
		return s.credentialChanged(ctx, tx, u, audit.EventTOTPRemoved, mail.KindTOTPRemoved,
			mail.Data{Link: s.notify.Link("/profile/account", "")}, m)
	})
	if err != nil {
		return nil, err
	}
	s.notify.Kick()
	return u, nil
}
