// Package api holds what crosses the wire between the portal's clients and its
// server: paths, request and response types, and the one error envelope. It is
// compiled into the browser build too, so it imports the standard library only.
package api

// Prefix is the root of the JSON API.
const Prefix = "/api/v1"

// MaxBodyBytes is the largest request body the API accepts (64 KiB).
const MaxBodyBytes = 64 << 10

// Header names the API uses.
const (
	// HeaderCSRF carries the session's CSRF token on every state-changing request.
	HeaderCSRF = "X-CSRF-Token"
	// HeaderIfMatch carries the profile version a change was made against.
	HeaderIfMatch = "If-Match"
)

// Error is the one error envelope of the API:
// {"message": "...", "code": "...", "fields": {"email": {"code": "invalid", "message": "..."}}}.
// Code is a stable machine word for the whole error; Fields name the inputs at
// fault. RetryAfter (seconds) mirrors the Retry-After header of a 429.
type Error struct {
	Message    string                `json:"message"`
	Code       string                `json:"code,omitempty"`
	Fields     map[string]FieldError `json:"fields,omitempty"`
	RetryAfter int                   `json:"retry_after,omitempty"`
	Until      string                `json:"until,omitempty"`
}

// FieldError says what is wrong with one input.
type FieldError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error codes of the envelope.
const (
	CodeBadRequest      = "bad_request"
	CodeTooLarge        = "too_large"
	CodeInvalid         = "invalid"
	CodeUnauthorized    = "unauthorized"
	CodeCSRF            = "csrf"
	CodeNotFound        = "not_found"
	CodeRateLimited     = "rate_limited"
	CodeCodesPaused     = "codes_paused"
	CodeInvalidLogin    = "invalid_login"
	CodeBlocked         = "blocked"
	CodeNotConfirmed    = "not_confirmed"
	CodeInvalidCode     = "invalid_code"
	CodeCodeVoid        = "code_void"
	CodeInvalidToken    = "invalid_token"
	CodeWrongPassword   = "wrong_password"
	CodeReauthRequired  = "reauth_required"
	CodeEmailTaken      = "email_taken"
	CodeVersionConflict = "version_conflict"
	CodeConflict        = "conflict"
	CodeInternal        = "internal"
	// Passkeys: a passkey's answer not accepted, a new passkey not usable,
	// the ceremony gone (ran out, or answered already). Passkeys not
	// possible on this portal are CodeUnavailable (care.go).
	CodePasskeyRefused = "passkey_refused"
	CodePasskeyInvalid = "passkey_invalid"
	CodePasskeyExpired = "passkey_expired"
)

// OK is the body of a successful request that returns nothing else.
type OK struct {
	OK bool `json:"ok"`
}
