package api

import "encoding/json"

// Sign-in methods, as the session's Methods and the Factors below name
// them.
const (
	MethodPassword     = "password"
	MethodEmailCode    = "email_code"    // a 6-digit code by e-mail
	MethodTOTP         = "totp"          // a 6-digit code from an authenticator app
	MethodPasskey      = "passkey"       // a user-verified passkey (two factors in one)
	MethodRecoveryCode = "recovery_code" // one of the ten recovery codes
)

// Paths of "Use another method" at a login's second step and in a dialog.
const (
	PathLoginMethod  = Prefix + "/login/method"
	PathReauthMethod = Prefix + "/me/reauth/method"
)

// Factors says which second factor is asked now and every one the person
// may give instead ("Use another method"), the asked one first.
type Factors struct {
	Asked   string   `json:"asked,omitempty"`
	Offered []string `json:"offered,omitempty"`
}

// MethodRequest picks another second factor.
type MethodRequest struct {
	Method string `json:"method"`
}

// FactorRequest proves a second factor: Code for the e-mailed code, the
// authenticator app and a recovery code, Credential (the browser's
// PublicKeyCredential as JSON) for a passkey. Method "" is the one asked.
type FactorRequest struct {
	Method     string          `json:"method,omitempty"`
	Code       string          `json:"code,omitempty"`
	Credential json.RawMessage `json:"credential,omitempty"`
}

// FactorChallenge is the answer to "Use another method": where a new
// e-mailed code went, or a passkey ceremony's options.
type FactorChallenge struct {
	Factors
	MaskedEmail string `json:"masked_email,omitempty"`
	ResendAfter int    `json:"resend_after,omitempty"`
	// Passkey is set for MethodPasskey: the options for
	// navigator.credentials.get ({"publicKey": {...}}).
	Passkey json.RawMessage `json:"passkey,omitempty"`
}
