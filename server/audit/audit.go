// Package audit records an account's security events — logins, failed
// logins, blocks, changes of how one gets in — which the customer reads on
// the Security page, and carries who made a request (address and browser)
// from the HTTP layer to the use cases that record it.
package audit

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
)

// Security event kinds. The app names each one in the reader's language.
const (
	EventRegistered      = "registered"
	EventEmailConfirmed  = "email_confirmed"
	EventLogin           = "login"
	EventLoginFailed     = "login_failed"
	EventBlocked         = "blocked"
	EventPasswordReset   = "password_reset"
	EventPasswordChanged = "password_changed"
	EventTwoFactorOn     = "two_factor_on"
	EventTwoFactorOff    = "two_factor_off"
	EventLogout          = "logout"
	EventLogoutOthers    = "logout_others"
	EventSessionEnded    = "session_ended"
	EventEmailChanged    = "email_changed"
	EventEmailUndone     = "email_change_undone"
	EventPhoneVerified   = "phone_verified"
	EventPhoneRemoved    = "phone_removed"
	EventProfileChanged  = "profile_changed"
	EventCodeFailed      = "code_failed"
	EventCodesPaused     = "codes_paused"
	EventAppConnected    = "app_connected" // an app was allowed to use the MINI ID (server/oidc)
	EventAppRemoved      = "app_removed"   // "Remove access" for an app
	// Passkeys, the authenticator app and the recovery codes.
	EventPasskeyAdded         = "passkey_added"
	EventPasskeyRemoved       = "passkey_removed"
	EventTOTPAdded            = "totp_added"
	EventTOTPRemoved          = "totp_removed"
	EventRecoveryCodesCreated = "recovery_codes_created"
	EventRecoveryCodeUsed     = "recovery_code_used"
)

// Meta describes the request behind a use case: who, from where, in which
// language.
type Meta struct {
	IP        string
	UserAgent string
	Lang      string
}

// Record writes a security event of the account inside db (pass the
// transaction of the change it records).
func Record(ctx context.Context, db bun.IDB, now time.Time, userID int64, kind string, m Meta) error {
	err := store.AddEvent(ctx, db, &store.SecurityEvent{
		UserID: userID, Kind: kind, IP: m.IP, UserAgent: truncate(m.UserAgent, 300), CreatedAt: now,
	})
	if err != nil {
		return fmt.Errorf("audit: %s: %w", kind, err)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

type ctxKey int

const clientIPKey ctxKey = 1

// WithClientIP stores the request's client address in ctx (the HTTP layer
// sets it: it alone knows which proxies to trust).
func WithClientIP(ctx context.Context, ip string) context.Context {
	return context.WithValue(ctx, clientIPKey, ip)
}

// ClientIP returns the client address stored by WithClientIP.
func ClientIP(ctx context.Context) string {
	ip, _ := ctx.Value(clientIPKey).(string)
	return ip
}
