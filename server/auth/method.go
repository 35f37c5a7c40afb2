package auth

import (
	"context"
	"slices"
	"time"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// Factor is the kind of proof a method gives.
type Factor int

// The factors. A second factor must be of another kind than the first.
const (
	Knowledge   Factor = iota + 1 // something the person knows: the password
	Possession                    // something they have: the mailbox, an authenticator
	MultiFactor                   // both at once: a user-verified passkey
)

// Method is one way of proving who someone is. A method only proves one
// factor; the funnel decides what the proof is worth. Adding a method is one
// file that implements this (and SecondFactor when it can be asked after the
// password), plus its step in the app's dialog.
type Method interface {
	// Name is the method's word in sessions and events ("password", …).
	Name() string
	// Factor is what the method proves.
	Factor() Factor
	// AMR is the method's value for tokens (RFC 8176: "pwd", "otp", …).
	AMR() string
}

// SecondFactor is a method that can be asked for after the first one.
type SecondFactor interface {
	Method
	// Has reports whether the account has the method set up.
	Has(creds []store.Credential) bool
	// Begin asks for the method in flow (it mails a code, say); resend is
	// "Request a new one".
	Begin(ctx context.Context, u *store.User, flow session.Flow, resend bool) (Challenge, error)
	// Verify checks what the person entered for flow.
	Verify(ctx context.Context, u *store.User, flow session.Flow, input string) error
}

// Challenge tells the person where the method's code went, and when they
// may ask for a new one.
type Challenge struct {
	MaskedEmail string
	// Asked is the method a login's second step waits for (Pending).
	Asked       string
	ResendAfter time.Duration
	// Passkey is a passkey's WebAuthn request options (JSON), for the
	// browser's navigator.credentials.get; its challenge waits in the flow.
	Passkey []byte
	// Ceremony is that challenge, for the caller to keep in the flow.
	Ceremony *session.Ceremony
}

// Method names. They are stored in sessions (the AMR list) and read by
// other parts (OpenID Connect maps them with AMRValues): keep them stable.
const (
	MethodPassword     = api.MethodPassword
	MethodEmailCode    = api.MethodEmailCode
	MethodEmailLink    = "email_link"
	MethodPasskey      = api.MethodPasskey
	MethodTOTP         = api.MethodTOTP
	MethodRecoveryCode = api.MethodRecoveryCode
)

// methods are every method the portal knows, by name.
func (s *Service) methods() map[string]Method {
	return map[string]Method{
		MethodPassword:     passwordMethod{},
		MethodEmailCode:    emailCode{s},
		MethodEmailLink:    emailLink{},
		MethodPasskey:      passkeyMethod{s},
		MethodTOTP:         totpMethod{s},
		MethodRecoveryCode: recoveryCode{s},
	}
}

// secondFactors are the methods that can be asked after the first, in the
// order they are offered: the authenticator app before the e-mailed code
// (whoever set up an app wants no mail at every login), a passkey and the
// recovery codes only when the person picks them ("Use another method").
func (s *Service) secondFactors() []SecondFactor {
	return []SecondFactor{totpMethod{s}, emailCode{s}, passkeyMethod{s}, recoveryCode{s}}
}

// enforces reports whether an account that has f set up has two-factor
// authentication on, so that a login asks for two factors: the e-mailed
// code and the authenticator app do. A passkey is a way to log in of its
// own (and two factors in itself), and recovery codes are the way back
// when the others are lost: neither switches two-factor authentication on.
func enforces(f SecondFactor) bool {
	return f.Name() == MethodEmailCode || f.Name() == MethodTOTP
}

// amrExtra is a method whose proof has more RFC 8176 values than AMR.
type amrExtra interface{ MoreAMR() []string }

// factorsOf names the distinct factors the methods proved; a multi-factor
// method counts as both.
func (s *Service) factorsOf(names []string) map[Factor]bool {
	all := s.methods()
	out := map[Factor]bool{}
	for _, n := range names {
		m, ok := all[n]
		if !ok {
			continue
		}
		if m.Factor() == MultiFactor {
			out[Knowledge], out[Possession] = true, true
			continue
		}
		out[m.Factor()] = true
	}
	return out
}

// Level names how strongly a session is signed in. The e-mailed code counts
// as a second factor for the portal's policy, but it is not a NIST SP
// 800-63B AAL2 authenticator (e-mail is not an allowed out-of-band channel,
// §5.1.3.1), so the levels are named for what they are.
type Level string

// The levels.
const (
	LevelNone              Level = ""
	LevelOneFactor         Level = "one_factor"
	LevelTwoFactors        Level = "two_factors"
	LevelPhishingResistant Level = "phishing_resistant" // a user-verified passkey
)

// LevelOf is the level the methods reach: a user-verified passkey is
// phishing-resistant (its signature is bound to the portal's origin).
func (s *Service) LevelOf(amr []string) Level {
	if slices.Contains(amr, MethodPasskey) {
		return LevelPhishingResistant
	}
	switch len(s.factorsOf(amr)) {
	case 0:
		return LevelNone
	case 1:
		return LevelOneFactor
	}
	return LevelTwoFactors
}

// AMRValues are the RFC 8176 values of the methods (for tokens). A method
// with no registered value (the recovery codes) adds none of its own; "mfa"
// still tells that two factors were proven.
func (s *Service) AMRValues(names []string) []string {
	all := s.methods()
	var out []string
	for _, n := range names {
		m, ok := all[n]
		if !ok {
			continue
		}
		values := []string{m.AMR()}
		if x, ok := m.(amrExtra); ok {
			values = append(values, x.MoreAMR()...)
		}
		for _, v := range values {
			if v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	if len(s.factorsOf(names)) > 1 {
		out = append(out, "mfa")
	}
	return out
}
