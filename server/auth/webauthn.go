package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
)

// CeremonyLifetime is how long the browser has to answer a WebAuthn
// ceremony (create or use a passkey).
const CeremonyLifetime = 5 * time.Minute

// Errors of the passkey ceremonies.
var (
	// ErrPasskeysUnavailable: the portal's BASE_URL has no host name a
	// passkey can be bound to (an IP address).
	ErrPasskeysUnavailable = errors.New("auth: passkeys need a BASE_URL with a host name")
	// ErrCeremonyGone: no passkey ceremony is waiting (none began, it ran
	// out, or its answer came already).
	ErrCeremonyGone = errors.New("auth: no passkey request waiting")
	// ErrPasskeyRefused: the passkey's answer does not prove the account
	// (unknown or removed passkey, another account's, a bad signature, no
	// user verification).
	ErrPasskeyRefused = errors.New("auth: passkey refused")
	// ErrPasskeyNotCreated: the browser's new passkey cannot be used (no
	// user verification, not discoverable, a bad answer).
	ErrPasskeyNotCreated = errors.New("auth: new passkey refused")
	// ErrNoPasskey: the account has no passkey to ask for.
	ErrNoPasskey = errors.New("auth: account has no passkey")
)

// newRelyingParty is the portal as WebAuthn sees it: the relying party id
// is BASE_URL's host name (browsers refuse IP addresses), the one origin
// BASE_URL's, the name the brand's ID. Passkeys are discoverable and always
// verify the user (PIN or biometrics), which is what makes one passkey two
// factors; attestation is not asked for: the portal trusts no list of
// authenticator makers, and "none" asks the customer no extra question.
func newRelyingParty(base *url.URL, brand string) (*webauthn.WebAuthn, error) {
	if base == nil {
		return nil, ErrPasskeysUnavailable
	}
	if err := protocol.ValidateRPID(base.Hostname()); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPasskeysUnavailable, err)
	}
	return webauthn.New(&webauthn.Config{
		RPID:                  base.Hostname(),
		RPDisplayName:         brand + " ID",
		RPOrigins:             []string{base.Scheme + "://" + base.Host},
		AttestationPreference: protocol.PreferNoAttestation,
		AuthenticatorSelection: protocol.AuthenticatorSelection{
			ResidentKey:        protocol.ResidentKeyRequirementRequired,
			RequireResidentKey: protocol.ResidentKeyRequired(),
			UserVerification:   protocol.VerificationRequired,
		},
	})
}

// PasskeysAvailable reports whether this portal can use passkeys.
func (s *Service) PasskeysAvailable() bool { return s.rp != nil }

// passkeyUser is an account as go-webauthn sees it.
type passkeyUser struct {
	u      *store.User
	handle []byte
	creds  []webauthn.Credential
}

func (p passkeyUser) WebAuthnID() []byte   { return p.handle }
func (p passkeyUser) WebAuthnName() string { return p.u.Email }
func (p passkeyUser) WebAuthnDisplayName() string {
	if n := notify.DisplayName(p.u); n != "" {
		return n
	}
	return p.u.Email
}
func (p passkeyUser) WebAuthnCredentials() []webauthn.Credential { return p.creds }

// passkeysOf decodes the account's passkeys.
func passkeysOf(creds []store.Credential) ([]webauthn.Credential, error) {
	var out []webauthn.Credential
	for _, c := range creds {
		if c.Type != store.CredentialPasskey {
			continue
		}
		var wc webauthn.Credential
		if err := json.Unmarshal([]byte(c.Config), &wc); err != nil {
			return nil, fmt.Errorf("auth: passkey %d: %w", c.ID, err)
		}
		out = append(out, wc)
	}
	return out, nil
}

// passkeyID is how a passkey's credential id is written (its Identifier).
func passkeyID(raw []byte) string { return base64.RawURLEncoding.EncodeToString(raw) }

// newCeremony makes a ceremony with a fresh 256-bit challenge.
func (s *Service) newCeremony(handle []byte) (session.Ceremony, error) {
	b := make([]byte, 32)
	if _, err := io.ReadFull(s.rand, b); err != nil {
		return session.Ceremony{}, fmt.Errorf("auth: passkey challenge: %w", err)
	}
	return session.Ceremony{Challenge: passkeyID(b), Handle: handle, Until: s.clock.Now().Add(CeremonyLifetime)}, nil
}

// requestOptions are the options of a passkey login or step-up for c; with
// a user, only that account's passkeys are offered.
func (s *Service) requestOptions(c session.Ceremony, u *passkeyUser, conditional bool) ([]byte, error) {
	if s.rp == nil {
		return nil, ErrPasskeysUnavailable
	}
	challenge, err := base64.RawURLEncoding.DecodeString(c.Challenge)
	if err != nil {
		return nil, err
	}
	opts := []webauthn.LoginOption{webauthn.WithChallenge(challenge), webauthn.WithUserVerification(protocol.VerificationRequired)}
	mediation := protocol.MediationDefault
	if conditional {
		mediation = protocol.MediationConditional
	}
	var assertion *protocol.CredentialAssertion
	if u != nil {
		assertion, _, err = s.rp.BeginMediatedLogin(u, mediation, opts...)
	} else {
		assertion, _, err = s.rp.BeginDiscoverableMediatedLogin(mediation, opts...)
	}
	if err != nil {
		return nil, fmt.Errorf("auth: passkey options: %w", err)
	}
	return json.Marshal(assertion)
}

// checkAssertion checks the browser's answer to ceremony c: a signature of
// c's challenge, with the user verified, by a passkey of want (of whichever
// account the passkey names when want is nil). The passkey's sign count,
// backup state and last use are written back. It returns the account.
func (s *Service) checkAssertion(ctx context.Context, c session.Ceremony, body []byte, want *store.User) (*store.User, error) {
	if s.rp == nil {
		return nil, ErrPasskeysUnavailable
	}
	if !s.clock.Now().Before(c.Until) {
		return nil, ErrCeremonyGone
	}
	parsed, err := protocol.ParseCredentialRequestResponseBytes(body)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPasskeyRefused, err)
	}
	var owner *store.User
	var rows []store.Credential
	find := func(rawID, handle []byte) (webauthn.User, error) {
		u, err := store.UserByPasskeyHandle(ctx, s.db, base64.RawURLEncoding.EncodeToString(handle))
		if err != nil {
			return nil, err
		}
		if want != nil && u.ID != want.ID {
			return nil, errors.New("the passkey belongs to another account")
		}
		if rows, err = store.CredentialsOf(ctx, s.db, u.ID); err != nil {
			return nil, err
		}
		wcs, err := passkeysOf(rows)
		if err != nil {
			return nil, err
		}
		owner = u
		return passkeyUser{u: u, handle: handle, creds: wcs}, nil
	}
	// The session data is rebuilt from the ceremony: the challenge is all
	// that differs between two ceremonies, and it never left the server.
	// Expiry is checked above on the portal's clock.
	sd := webauthn.SessionData{Challenge: c.Challenge, RelyingPartyID: s.rp.Config.RPID, UserVerification: protocol.VerificationRequired}
	_, cred, err := s.rp.ValidatePasskeyLogin(find, sd, parsed)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPasskeyRefused, err)
	}
	if cred.Authenticator.CloneWarning {
		// The counter went back: two copies of a device-bound key exist.
		s.log.Warn("auth: passkey refused, its sign count went back (a cloned authenticator?)", "user", owner.ID)
		return nil, fmt.Errorf("%w: sign count went back", ErrPasskeyRefused)
	}
	return owner, s.passkeyUsed(ctx, rows, cred)
}

// passkeyUsed writes a passkey's state after a use back to its row.
func (s *Service) passkeyUsed(ctx context.Context, rows []store.Credential, cred *webauthn.Credential) error {
	id := passkeyID(cred.ID)
	for _, r := range rows {
		if r.Type != store.CredentialPasskey || r.Identifier != id {
			continue
		}
		next, err := json.Marshal(cred)
		if err != nil {
			return fmt.Errorf("auth: passkey state: %w", err)
		}
		err = store.SwapCredentialConfig(ctx, s.db, r.ID, r.Config, string(next), true, s.clock.Now())
		if errors.Is(err, store.ErrConflict) {
			// Used by a parallel request at the same moment: one of the
			// two answers is enough.
			return fmt.Errorf("%w: used in parallel", ErrPasskeyRefused)
		}
		return err
	}
	return fmt.Errorf("%w: removed meanwhile", ErrPasskeyRefused)
}
