package auth

import (
	"context"
	"crypto/subtle"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/validate"
)

// TOTP parameters: what every authenticator app understands (RFC 6238 with
// SHA-1, 6 digits, 30 seconds).
const (
	totpPeriod = 30
	// totpSkew is how many time steps before and after now a code is
	// accepted: a phone's clock a little off, or a code typed just as it
	// changed.
	totpSkew = 1
)

// ErrWrongTOTP is a code that is not the authenticator app's now, or one
// that was used already.
var ErrWrongTOTP = errors.New("auth: wrong authenticator code")

// totpMethod is a code from an authenticator app: something the person
// has (the phone with the key). RFC 8176 value: "otp" (RFC 6238 codes are
// what it names).
type totpMethod struct{ s *Service }

func (totpMethod) Name() string   { return MethodTOTP }
func (totpMethod) Factor() Factor { return Possession }
func (totpMethod) AMR() string    { return "otp" }

func (totpMethod) Has(creds []store.Credential) bool {
	return credentialOf(creds, store.CredentialTOTP) != nil
}

// Begin sends nothing: the code is in the app.
func (totpMethod) Begin(context.Context, *store.User, session.Flow, bool) (Challenge, error) {
	return Challenge{}, nil
}

// totpConfig is a TOTP credential's Config: the key, sealed under the key
// ring (the portal must read it back to compute codes, so a hash will not
// do), and the last time step whose code was used.
type totpConfig struct {
	Key  string `json:"key"`
	Step int64  `json:"step"`
}

// Verify accepts the app's code of now, of the step before or after, once:
// the step it matched is stored, and a code of that step or an earlier one
// is refused, so a code seen over someone's shoulder cannot be used again.
// Wrong entries count toward the account's limit of guesses.
func (m totpMethod) Verify(ctx context.Context, u *store.User, f session.Flow, input string) error {
	creds, err := store.CredentialsOf(ctx, m.s.db, u.ID)
	if err != nil {
		return err
	}
	c := credentialOf(creds, store.CredentialTOTP)
	if c == nil {
		return ErrWrongTOTP
	}
	return m.s.guarded(ctx, u, func() error { return m.s.useTOTP(ctx, u, c, input) })
}

// totpKey opens the sealed key of u's app.
func (s *Service) totpKey(u *store.User, sealed string) (string, error) {
	raw, err := s.keys.Open("totp", userContext(u), sealed)
	if err != nil {
		return "", fmt.Errorf("auth: authenticator key of %d: %w", u.ID, err)
	}
	return string(raw), nil
}

func userContext(u *store.User) string { return "user:" + strconv.FormatInt(u.ID, 10) }

// totpStep returns the time step within the skew of now whose code is
// input and that is later than after; 0 when there is none.
func totpStep(key, input string, now time.Time, after int64) (int64, error) {
	input = validate.NormalizeCode(input)
	if validate.Code(input) != nil {
		return 0, nil
	}
	if _, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(key); err != nil {
		return 0, fmt.Errorf("auth: authenticator key: %w", err)
	}
	current := now.Unix() / totpPeriod
	for step := current - totpSkew; step <= current+totpSkew; step++ {
		if step <= after {
			continue
		}
		code, err := hotp.GenerateCodeCustom(key, uint64(step), hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			return 0, fmt.Errorf("auth: authenticator code: %w", err)
		}
		if subtle.ConstantTimeCompare([]byte(code), []byte(input)) == 1 {
			return step, nil
		}
	}
	return 0, nil
}

// useTOTP checks input against the credential and, when it is right,
// stores its step in one conditional update: of two requests with the same
// code, one wins.
func (s *Service) useTOTP(ctx context.Context, u *store.User, c *store.Credential, input string) error {
	var cfg totpConfig
	if err := json.Unmarshal([]byte(c.Config), &cfg); err != nil {
		return fmt.Errorf("auth: authenticator config of %d: %w", u.ID, err)
	}
	key, err := s.totpKey(u, cfg.Key)
	if err != nil {
		return err
	}
	now := s.clock.Now()
	step, err := totpStep(key, input, now, cfg.Step)
	if err != nil {
		return err
	}
	if step == 0 {
		return ErrWrongTOTP
	}
	cfg.Step = step
	next, _ := json.Marshal(cfg) // a plain struct: cannot fail
	err = store.SwapCredentialConfig(ctx, s.db, c.ID, c.Config, string(next), true, now)
	if errors.Is(err, store.ErrConflict) {
		return ErrWrongTOTP
	}
	return err
}
