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
// account has a second factor set up, and always two to switch two-factor
// authentication on or off (the code proves the mailbox works); else one.
func (s *Service) required(in Intent, action string, creds []store.Credential) int {
	if in == IntentStepUp && (action == ActionTwoFactorOn || action == ActionTwoFactorOff) {
		return 2
	}
	for _, f := range s.secondFactors() {
		if f.Has(creds) {
			return 2
		}
	}
	return 1
}

// satisfied reports whether the methods proved need distinct factors.
func (s *Service) satisfied(amr []string, need int) bool {
	return len(s.factorsOf(amr)) >= need
}

// nextFactor picks the second factor to ask for: one the account has (for
// switching two-factor on, the e-mailed code it is about to get) and whose
// factor is not proven yet. demanded says an app asked for more factors
// than the account's policy: an account without a second factor set up
// then proves its confirmed mailbox with the e-mailed code.
func (s *Service) nextFactor(in Intent, action string, creds []store.Credential, amr []string, demanded bool) SecondFactor {
	proven := s.factorsOf(amr)
	for _, f := range s.secondFactors() {
		mailbox := f.Name() == MethodEmailCode && (demanded || in == IntentStepUp && action == ActionTwoFactorOn)
		usable := f.Has(creds) || mailbox
		if usable && !proven[f.Factor()] {
			return f
		}
	}
	return nil
}
