package auth

import (
	"github.com/minicorp/miniid/server/store"
)

// Intent is why someone proves who they are.
type Intent int

// The intents. Each entry point of the portal is one of them.
const (
	IntentLogin    Intent = iota + 1 // a login (the password first)
	IntentStepUp                     // proving it again before a change
	IntentConfirm                    // a confirmation link in the browser that registered
	IntentRecovery                   // a reset link: proves the mailbox, never signs in
)

// required is how many distinct factors the attempt needs: two when the
// account has two-factor authentication on (an e-mailed code or an
// authenticator app set up), and always two to switch it on or off (the
// code proves the mailbox works); else one.
func (s *Service) required(in Intent, action string, creds []store.Credential) int {
	if in == IntentStepUp && (action == ActionTwoFactorOn || action == ActionTwoFactorOff) {
		return 2
	}
	if s.twoFactorOn(creds) {
		return 2
	}
	return 1
}

// twoFactorOn reports whether the account asks for two factors at login.
func (s *Service) twoFactorOn(creds []store.Credential) bool {
	for _, f := range s.secondFactors() {
		if enforces(f) && f.Has(creds) {
			return true
		}
	}
	return false
}

// satisfied reports whether the methods proved need distinct factors.
func (s *Service) satisfied(amr []string, need int) bool {
	return len(s.factorsOf(amr)) >= need
}

// nextFactor picks the second factor to ask for: the first one offered.
func (s *Service) nextFactor(in Intent, action string, creds []store.Credential, amr []string, demanded bool) SecondFactor {
	offered := s.offered(in, action, creds, amr, demanded)
	if len(offered) == 0 {
		return nil
	}
	return offered[0]
}

// offered are the second factors the attempt may give now, in the order
// they are offered (the first is asked): those the account has whose factor
// is not proven yet. Switching the e-mailed code on asks for that code
// alone: it proves the mailbox works. demanded says an app asked for more
// factors than the account's policy: an account without a second factor
// set up then proves its confirmed mailbox with the e-mailed code. Before
// any factor is proven (a dialog begun with a passkey) only a passkey will
// do: a code is a second factor, never the first.
func (s *Service) offered(in Intent, action string, creds []store.Credential, amr []string, demanded bool) []SecondFactor {
	if len(amr) == 0 {
		if (passkeyMethod{s}).Has(creds) {
			return []SecondFactor{passkeyMethod{s}}
		}
		return nil
	}
	if in == IntentStepUp && action == ActionTwoFactorOn {
		if s.factorsOf(amr)[Possession] {
			return nil
		}
		return []SecondFactor{emailCode{s}}
	}
	proven := s.factorsOf(amr)
	var out []SecondFactor
	for _, f := range s.secondFactors() {
		usable := f.Has(creds) || f.Name() == MethodEmailCode && demanded
		if usable && (f.Factor() == MultiFactor || !proven[f.Factor()]) {
			out = append(out, f)
		}
	}
	return out
}
