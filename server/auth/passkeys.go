package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"
	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

// ErrReauthRequired is a change of how one gets in without a fresh step-up
// for it.
var ErrReauthRequired = errors.New("auth: re-authentication required")

// Passkey is one of an account's passkeys, as its list shows it.
type Passkey struct {
	store.Credential
	// Synced is a passkey that can be backed up to the customer's cloud
	// account (backup eligible); otherwise it lives on one device only.
	Synced bool
}

// Passkeys lists the account's passkeys, oldest first.
func (s *Service) Passkeys(ctx context.Context, userID int64) ([]Passkey, error) {
	creds, err := store.CredentialsOf(ctx, s.db, userID)
	if err != nil {
		return nil, err
	}
	var out []Passkey
	for _, c := range creds {
		if c.Type != store.CredentialPasskey {
			continue
		}
		var wc webauthn.Credential
		if err := json.Unmarshal([]byte(c.Config), &wc); err != nil {
			return nil, fmt.Errorf("auth: passkey %d: %w", c.ID, err)
		}
		out = append(out, Passkey{Credential: c, Synced: wc.Flags.BackupEligible})
	}
	return out, nil
}

// BeginPasskey starts creating a passkey, after a step-up for it: the
// options for navigator.credentials.create. The account gets its random
// user handle now if it has none. The step-up is used up only by
// FinishPasskey, so a browser dialog closed by mistake can be opened again.
func (s *Service) BeginPasskey(ctx context.Context, sess *session.Session) ([]byte, error) {
	if s.rp == nil {
		return nil, ErrPasskeysUnavailable
	}
	if !sess.Granted(ActionPasskeyAdd, s.clock.Now()) {
		return nil, ErrReauthRequired
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return nil, err
	}
	handle, err := s.ensureHandle(ctx, u)
	if err != nil {
		return nil, err
	}
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return nil, err
	}
	existing, err := passkeysOf(creds)
	if err != nil {
		return nil, err
	}
	c, err := s.newCeremony(handle)
	if err != nil {
		return nil, err
	}
	challenge, err := base64.RawURLEncoding.DecodeString(c.Challenge)
	if err != nil {
		return nil, err
	}
	creation, _, err := s.rp.BeginRegistration(passkeyUser{u: u, handle: handle},
		// An authenticator that holds a passkey of this account already is
		// not asked to make a second one.
		webauthn.WithExclusions(webauthn.Credentials(existing).CredentialDescriptors()),
		withCreationChallenge(challenge))
	if err != nil {
		return nil, fmt.Errorf("auth: passkey creation options: %w", err)
	}
	id, err := s.flowID()
	if err != nil {
		return nil, err
	}
	sess.StartFlow(session.Flow{Kind: session.FlowPasskeyAdd, ID: id, Started: s.clock.Now(), Passkey: &c})
	return json.Marshal(creation)
}

// withCreationChallenge makes the creation options use the portal's own
// challenge (drawn from its injectable random source).
func withCreationChallenge(challenge []byte) webauthn.RegistrationOption {
	return func(o *protocol.PublicKeyCredentialCreationOptions) error {
		o.Challenge = challenge
		return nil
	}
}

// ensureHandle returns the account's user handle, making one (256 random
// bits, never derived from the person) with its first passkey.
func (s *Service) ensureHandle(ctx context.Context, u *store.User) ([]byte, error) {
	h, err := store.PasskeyHandle(ctx, s.db, u.ID)
	if err != nil {
		return nil, err
	}
	if h == "" {
		fresh, err := keyring.Random(s.rand, 32)
		if err != nil {
			return nil, err
		}
		if h, err = store.SetPasskeyHandle(ctx, s.db, u.ID, fresh); err != nil {
			return nil, err
		}
	}
	return decodeHandle(h)
}

func decodeHandle(h string) ([]byte, error) {
	raw, err := base64.RawURLEncoding.DecodeString(h)
	if err != nil {
		return nil, fmt.Errorf("auth: passkey handle: %w", err)
	}
	return raw, nil
}

// FinishPasskey checks the browser's new passkey against BeginPasskey's
// ceremony and adds it to the account under name (the browser and system
// it was made on when empty). It uses up the step-up, renews the security
// stamp, records the event and mails the owner.
func (s *Service) FinishPasskey(ctx context.Context, sess *session.Session, name string, credential []byte, m audit.Meta) (Passkey, error) {
	if s.rp == nil {
		return Passkey{}, ErrPasskeysUnavailable
	}
	if name = validate.NormalizeText(name); name == "" {
		name = audit.Device(m.UserAgent)
	}
	if err := validate.PasskeyName(name); err != nil {
		return Passkey{}, FieldErrors{"name": validate.CodeOf(err)}
	}
	_, c, ok := sess.TakeCeremony(session.FlowPasskeyAdd, s.clock.Now())
	sess.EndFlow()
	if !ok {
		return Passkey{}, ErrCeremonyGone
	}
	sess.TakeGrant(ActionPasskeyAdd, s.clock.Now())
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return Passkey{}, err
	}
	parsed, err := protocol.ParseCredentialCreationResponseBytes(credential)
	if err != nil {
		return Passkey{}, fmt.Errorf("%w: %v", ErrPasskeyNotCreated, err)
	}
	sd := webauthn.SessionData{
		Challenge: c.Challenge, RelyingPartyID: s.rp.Config.RPID, UserID: c.Handle,
		UserVerification: protocol.VerificationRequired, CredParams: webauthn.CredentialParametersDefault(),
	}
	wc, err := s.rp.CreateCredential(passkeyUser{u: u, handle: c.Handle}, sd, parsed)
	if err != nil {
		return Passkey{}, fmt.Errorf("%w: %v", ErrPasskeyNotCreated, err)
	}
	config, err := json.Marshal(wc)
	if err != nil {
		return Passkey{}, err
	}
	now := s.clock.Now()
	row := store.Credential{UserID: u.ID, Type: store.CredentialPasskey, Identifier: passkeyID(wc.ID), Name: name,
		Config: string(config), CreatedAt: now, UpdatedAt: now}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.AddCredential(ctx, tx, &row); err != nil {
			return err
		}
		return s.credentialChanged(ctx, tx, u, audit.EventPasskeyAdded, mail.KindPasskeyAdded, mail.Data{Device: name}, m)
	})
	if errors.Is(err, store.ErrConflict) {
		return Passkey{}, fmt.Errorf("%w: the passkey is registered already", ErrPasskeyNotCreated)
	}
	if err != nil {
		return Passkey{}, fmt.Errorf("auth: add passkey: %w", err)
	}
	s.notify.Kick()
	return Passkey{Credential: row, Synced: wc.Flags.BackupEligible}, nil
}

// RenamePasskey gives one of the account's passkeys another name.
func (s *Service) RenamePasskey(ctx context.Context, userID int64, id, name string) error {
	name = validate.NormalizeText(name)
	if err := validate.PasskeyName(name); err != nil {
		return FieldErrors{"name": validate.CodeOf(err)}
	}
	return store.RenameCredential(ctx, s.db, userID, store.CredentialPasskey, id, name, s.clock.Now())
}

// RemovePasskey removes one of the account's passkeys after a step-up for
// it: the passkey no longer logs in (its owner's device may keep offering
// it; the portal refuses it). It renews the security stamp, records the
// event and mails the owner.
func (s *Service) RemovePasskey(ctx context.Context, sess *session.Session, id string, m audit.Meta) error {
	if !sess.TakeGrant(ActionPasskeyRemove, s.clock.Now()) {
		return ErrReauthRequired
	}
	u, err := store.UserByID(ctx, s.db, sess.UserID())
	if err != nil {
		return err
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		c, err := store.CredentialByIdentifier(ctx, tx, store.CredentialPasskey, id)
		if err != nil || c.UserID != u.ID {
			return fmt.Errorf("auth: remove passkey: %w", store.ErrNotFound)
		}
		if err := store.RemoveCredential(ctx, tx, u.ID, store.CredentialPasskey, id); err != nil {
			return err
		}
		return s.credentialChanged(ctx, tx, u, audit.EventPasskeyRemoved, mail.KindPasskeyRemoved, mail.Data{Device: c.Name}, m)
	})
	if err != nil {
		return err
	}
	s.notify.Kick()
	return nil
}

// credentialChanged is what follows every change of an account's
// credentials, inside its transaction: a new security stamp (every link and
// code sent before dies), the security event, and the mail to the owner.
func (s *Service) credentialChanged(ctx context.Context, tx bun.IDB, u *store.User, event string, kind mail.Kind, d mail.Data, m audit.Meta) error {
	if err := store.RenewSecurityStamp(ctx, tx, u); err != nil {
		return err
	}
	if err := s.event(ctx, tx, u.ID, event, m); err != nil {
		return err
	}
	if d.Link == "" {
		d.Link = s.notify.Link("/profile/security", "")
	}
	return s.notify.Send(ctx, tx, u, u.Email, kind, d)
}

// The changes of how one gets in that a step-up grants.
const (
	ActionPasskeyAdd    = api.ActionPasskeyAdd
	ActionPasskeyRemove = api.ActionPasskeyRemove
	ActionTOTPOn        = api.ActionTOTPOn
	ActionTOTPOff       = api.ActionTOTPOff
	ActionRecoveryCodes = api.ActionRecoveryCodes
)
