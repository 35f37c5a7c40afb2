package auth

import (
	"context"

	"github.com/minicorp/miniid/server/store"
)

// Summary is how an account gets in, as its profile shows it.
type Summary struct {
	// TwoFactor: logins ask for a second factor.
	TwoFactor bool
	// SecondFactors are the ones that switch it on, set up (MethodTOTP,
	// MethodEmailCode), in the order they are asked.
	SecondFactors []string
	RecoveryCodes int // unused recovery codes
	Passkeys      int
}

// SummaryOf describes how the account gets in.
func (s *Service) SummaryOf(ctx context.Context, userID int64) (Summary, error) {
	creds, err := store.CredentialsOf(ctx, s.db, userID)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{TwoFactor: s.twoFactorOn(creds), RecoveryCodes: recoveryCodesLeft(creds)}
	for _, f := range s.secondFactors() {
		if enforces(f) && f.Has(creds) {
			sum.SecondFactors = append(sum.SecondFactors, f.Name())
		}
	}
	for _, c := range creds {
		if c.Type == store.CredentialPasskey {
			sum.Passkeys++
		}
	}
	return sum, nil
}
