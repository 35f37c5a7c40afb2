// Package account owns the changes a logged-in customer makes to their MINI
// ID: personal data (with optimistic concurrency), the e-mail address, the
// Phone ID, the password, deletion, and the list of sessions and security
// events. Changes to how one logs in need a fresh re-authentication, which
// auth's step-up dialog provides.
package account

import (
	"errors"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
)

// Errors the API maps to answers.
var (
	ErrReauthRequired = errors.New("account: re-authentication required")
	ErrConflict       = errors.New("account: changed elsewhere")
	ErrPhoneTaken     = errors.New("account: number in use by another ID")
	ErrSameEmail      = errors.New("account: that is the current address")
)

// Service is the account-change use cases.
type Service struct {
	db    *bun.DB
	clock clock.Clock
	auth  *auth.Service
}

// New returns a Service.
func New(db *bun.DB, clk clock.Clock, a *auth.Service) *Service {
	return &Service{db: db, clock: clk, auth: a}
}
