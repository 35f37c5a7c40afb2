package auth

import (
	"context"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// passkeyMethod is a passkey used with the user verified (the device's PIN
// or biometrics): something the person has, unlocked by something they
// know or are. It is two factors in one, so it logs in alone, and after a
// password it completes any second step.
//
// RFC 8176 values: "swk" and "user". Attestation is not asked for, so the
// portal cannot know whether the key lives in hardware ("hwk"); a synced
// passkey does not. "user" says the authenticator verified the person; it
// does not tell the portal how (PIN, fingerprint, face), so "pin", "fpt" or
// "face" would claim too much. With two factors, AMRValues adds "mfa".
type passkeyMethod struct{ s *Service }

func (passkeyMethod) Name() string      { return MethodPasskey }
func (passkeyMethod) Factor() Factor    { return MultiFactor }
func (passkeyMethod) AMR() string       { return "swk" }
func (passkeyMethod) MoreAMR() []string { return []string{"user"} }

func (passkeyMethod) Has(creds []store.Credential) bool {
	return credentialOf(creds, store.CredentialPasskey) != nil
}

// Begin makes the ceremony that asks the browser for one of u's passkeys;
// the caller keeps Challenge.Ceremony in the flow.
func (m passkeyMethod) Begin(ctx context.Context, u *store.User, f session.Flow, resend bool) (Challenge, error) {
	pu, err := m.s.passkeyUserOf(ctx, u)
	if err != nil {
		return Challenge{}, err
	}
	c, err := m.s.newCeremony(nil)
	if err != nil {
		return Challenge{}, err
	}
	opts, err := m.s.requestOptions(c, &pu, false)
	if err != nil {
		return Challenge{}, err
	}
	return Challenge{Passkey: opts, Ceremony: &c}, nil
}

// Verify checks the browser's answer (the PublicKeyCredential as JSON) to
// the ceremony the flow carries: a passkey of u, the user verified.
func (m passkeyMethod) Verify(ctx context.Context, u *store.User, f session.Flow, input string) error {
	if f.Passkey == nil {
		return ErrCeremonyGone
	}
	_, err := m.s.checkAssertion(ctx, *f.Passkey, []byte(input), u)
	return err
}

// passkeyUserOf is u with its passkeys; ErrNoPasskey when it has none.
func (s *Service) passkeyUserOf(ctx context.Context, u *store.User) (passkeyUser, error) {
	if s.rp == nil {
		return passkeyUser{}, ErrPasskeysUnavailable
	}
	creds, err := store.CredentialsOf(ctx, s.db, u.ID)
	if err != nil {
		return passkeyUser{}, err
	}
	wcs, err := passkeysOf(creds)
	if err != nil {
		return passkeyUser{}, err
	}
	handle, err := store.PasskeyHandle(ctx, s.db, u.ID)
	if err != nil {
		return passkeyUser{}, err
	}
	if len(wcs) == 0 || handle == "" {
		return passkeyUser{}, ErrNoPasskey
	}
	raw, err := decodeHandle(handle)
	if err != nil {
		return passkeyUser{}, err
	}
	return passkeyUser{u: u, handle: raw, creds: wcs}, nil
}

// BeginPasskeyLogin starts "Log in with a passkey": the options of a
// ceremony that lets the browser offer every passkey it has for the portal
// (no identifier is asked), as a dialog or — conditional — in the
// identifier field's autofill. Its challenge waits in a flow of its own,
// which replaces whatever the session waited for.
func (s *Service) BeginPasskeyLogin(ctx context.Context, sess *session.Session, conditional bool) ([]byte, error) {
	if s.rp == nil {
		return nil, ErrPasskeysUnavailable
	}
	c, err := s.newCeremony(nil)
	if err != nil {
		return nil, err
	}
	opts, err := s.requestOptions(c, nil, conditional)
	if err != nil {
		return nil, err
	}
	id, err := s.flowID()
	if err != nil {
		return nil, err
	}
	sess.StartFlow(session.Flow{Kind: session.FlowPasskeyLogin, ID: id, Method: MethodPasskey, Started: s.clock.Now(), Passkey: &c})
	return opts, nil
}

// FinishPasskeyLogin checks the browser's answer to BeginPasskeyLogin's
// ceremony; the funnel then signs in the account the passkey names. A
// user-verified passkey is two factors, so no code follows, whatever the
// account's two-factor setting.
func (s *Service) FinishPasskeyLogin(ctx context.Context, sess *session.Session, credential []byte, m audit.Meta) (LoginResult, error) {
	_, c, ok := sess.TakeCeremony(session.FlowPasskeyLogin, s.clock.Now())
	sess.EndFlow()
	if !ok {
		return LoginResult{}, ErrCeremonyGone
	}
	u, err := s.checkAssertion(ctx, c, credential, nil)
	if err != nil {
		return LoginResult{}, err
	}
	if u.EmailConfirmedAt == nil {
		return LoginResult{}, ErrNotConfirmed
	}
	out, err := s.complete(ctx, sess, Attempt{Intent: IntentLogin, User: u, Method: passkeyMethod{s}, Meta: m})
	if err != nil {
		return LoginResult{}, err
	}
	if out.State != api.StateFull {
		// The policy never asks more than two factors; a passkey is two.
		return LoginResult{}, ErrPasskeyRefused
	}
	return LoginResult{Outcome: out, Language: u.Language}, nil
}
