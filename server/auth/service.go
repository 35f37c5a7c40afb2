// Package auth owns getting into an account: the sign-in methods (each
// proves one factor), the one funnel every sign-in ends in, the policy that
// decides whether another factor is needed, the temporary block, the
// confirmation of a new registration and the recovery of a forgotten
// password. It owns the transactions; the store owns the queries.
package auth

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/url"
	"time"

	"github.com/go-webauthn/webauthn/webauthn"
	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/jobs"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/otp"
)

// Rules with numbers (SPEC §3).
const (
	MaxWrongPasswords = 5
	BlockDuration     = 15 * time.Minute
	// ReauthWindow is how long a step-up allows the change it was made for.
	ReauthWindow = 5 * time.Minute
)

// Errors the API maps to answers.
var (
	ErrInvalidLogin  = errors.New("auth: invalid login")
	ErrNotConfirmed  = errors.New("auth: e-mail address not confirmed")
	ErrWrongPassword = errors.New("auth: wrong password")
	ErrNoSecondStep  = errors.New("auth: no login waiting for a code")
	ErrNothingToDo   = errors.New("auth: nothing waiting for a code")
	ErrUnknownAction = errors.New("auth: unknown action")
	// ErrOtherAccount is a confirmation link opened in a browser signed in
	// to another account: it is never switched to the link's account.
	ErrOtherAccount = errors.New("auth: browser signed in to another account")
)

// BlockedError says the identifier is temporarily blocked until Until.
type BlockedError struct{ Until time.Time }

func (e *BlockedError) Error() string {
	return "auth: temporarily blocked until " + e.Until.Format(time.RFC3339)
}

// FieldErrors maps field names to validation codes.
type FieldErrors map[string]string

func (f FieldErrors) Error() string { return "auth: invalid fields" }

// Deps are what the Service is built from.
type Deps struct {
	DB     *bun.DB
	Clock  clock.Clock
	Rand   io.Reader
	Keys   keyring.Ring
	Hasher *Hasher
	Codes  *otp.Codes
	Tokens *linktoken.Tokens
	Notify *notify.Notifier
	Jobs   *jobs.Runner
	Log    *slog.Logger
	// BaseURL and Brand name the portal to passkeys (relying party id,
	// origin, name) and to authenticator apps (issuer).
	BaseURL *url.URL
	Brand   string
}

// Service is the account-access use cases.
type Service struct {
	db     *bun.DB
	clock  clock.Clock
	rand   io.Reader
	keys   keyring.Ring
	hasher *Hasher
	codes  *otp.Codes
	tokens *linktoken.Tokens
	notify *notify.Notifier
	jobs   *jobs.Runner
	log    *slog.Logger
	rp     *webauthn.WebAuthn // nil: this portal cannot use passkeys
	brand  string
}

// New returns a Service and registers its jobs with the runner.
func New(d Deps) *Service {
	s := &Service{db: d.DB, clock: d.Clock, rand: d.Rand, keys: d.Keys, hasher: d.Hasher,
		codes: d.Codes, tokens: d.Tokens, notify: d.Notify, jobs: d.Jobs, log: d.Log, brand: d.Brand}
	d.Jobs.Handle(jobForgot, s.forgotJob)
	if s.log == nil {
		s.log = slog.Default()
	}
	rp, err := newRelyingParty(d.BaseURL, d.Brand)
	if err != nil {
		s.log.Warn("passkeys are off: they need BASE_URL to name the portal by a host name, not an IP address", "err", err)
	}
	s.rp = rp
	return s
}

// Hasher is the password hasher (the account package hashes new passwords
// with it; tests count verifications).
func (s *Service) Hasher() *Hasher { return s.hasher }

func (s *Service) event(ctx context.Context, db bun.IDB, userID int64, kind string, m audit.Meta) error {
	return audit.Record(ctx, db, s.clock.Now(), userID, kind, m)
}

func (s *Service) flowID() (string, error) { return keyring.Random(s.rand, 16) }
