// Package account owns an account's life and the changes a signed-in
// customer makes to it: registration, personal data (with optimistic
// concurrency), the e-mail address with its confirmation and undo, the Phone
// ID, the password, deletion, and the list of sessions and security events.
// Changes to how one gets in need a fresh step-up, which the session grants
// after auth's funnel.
package account

import (
	"errors"
	"io"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/jobs"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/otp"
)

// Errors the API maps to answers.
var (
	ErrReauthRequired = errors.New("account: re-authentication required")
	ErrConflict       = errors.New("account: changed elsewhere")
	ErrPhoneTaken     = errors.New("account: number in use by another ID")
	ErrSameEmail      = errors.New("account: that is the current address")
	// ErrEmailTaken is a confirmed change (or its undo) meeting an address
	// another account took in the meantime.
	ErrEmailTaken = errors.New("account: address already in use")
)

// Deps are what the Service is built from.
type Deps struct {
	DB     *bun.DB
	Clock  clock.Clock
	Rand   io.Reader
	Auth   *auth.Service
	Tokens *linktoken.Tokens
	Codes  *otp.Codes
	Notify *notify.Notifier
	Jobs   *jobs.Runner
	// Documents are the current versions of the terms of use and privacy
	// notice, which a registration accepts.
	Documents map[string]string
}

// Service is the account use cases.
type Service struct {
	db     *bun.DB
	clock  clock.Clock
	rand   io.Reader
	auth   *auth.Service
	tokens *linktoken.Tokens
	codes  *otp.Codes
	notify *notify.Notifier
	jobs   *jobs.Runner
	docs   map[string]string
}

// New returns a Service and registers its jobs with the runner.
func New(d Deps) *Service {
	s := &Service{db: d.DB, clock: d.Clock, rand: d.Rand, auth: d.Auth, tokens: d.Tokens, codes: d.Codes, notify: d.Notify, jobs: d.Jobs, docs: d.Documents}
	d.Jobs.Handle(jobRegister, s.registerJob)
	d.Jobs.Handle(jobResendConfirmation, s.resendJob)
	return s
}
