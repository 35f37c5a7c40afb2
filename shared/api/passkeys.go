package api

import "encoding/json"

// Paths of passkeys, the authenticator app and the recovery codes.
const (
	PathLoginPasskey       = Prefix + "/login/passkey"
	PathLoginPasskeyFinish = Prefix + "/login/passkey/finish"
	PathReauthPasskey      = Prefix + "/me/reauth/passkey"
	PathPasskeys           = Prefix + "/me/passkeys"
	PathPasskeyBegin       = Prefix + "/me/passkeys/begin"
	PathPasskeyFinish      = Prefix + "/me/passkeys/finish"
	PathPasskeyRename      = Prefix + "/me/passkeys/rename"
	PathPasskeyRemove      = Prefix + "/me/passkeys/remove"
	PathTOTPBegin          = Prefix + "/me/totp/begin"
	PathTOTPConfirm        = Prefix + "/me/totp/confirm"
	PathTOTPRemove         = Prefix + "/me/totp/remove"
	PathRecoveryCodes      = Prefix + "/me/recovery-codes"
)

// Changes of how one gets in that need re-authentication (ReauthRequest).
const (
	ActionPasskeyAdd    = "passkey_add"
	ActionPasskeyRemove = "passkey_remove"
	ActionTOTPOn        = "totp_on"
	ActionTOTPOff       = "totp_off"
	ActionRecoveryCodes = "recovery_codes"
)

// Device types of a passkey.
const (
	PasskeySynced      = "synced"       // backed up to the customer's account (iCloud, Google, a password manager)
	PasskeyDeviceBound = "device_bound" // lives on one device or security key only
)

// PasskeyLoginRequest starts a login with a passkey. Conditional asks for
// options for the browser's autofill (mediation "conditional") instead of a
// dialog.
type PasskeyLoginRequest struct {
	Conditional bool `json:"conditional,omitempty"`
}

// PasskeyOptions are a WebAuthn ceremony's options for the browser:
// {"publicKey": {...}} for navigator.credentials.create (a new passkey) or
// .get (a login, a step-up), base64url where WebAuthn has bytes.
type PasskeyOptions struct {
	Options json.RawMessage `json:"options"`
}

// PasskeyCredentialRequest carries the browser's answer to a ceremony (the
// PublicKeyCredential as JSON: id, rawId, type, response).
type PasskeyCredentialRequest struct {
	Credential json.RawMessage `json:"credential"`
}

// StepUpPasskeyRequest proves who one is for action with a passkey alone
// (instead of the password, and the code after it).
type StepUpPasskeyRequest struct {
	Action string `json:"action"`
}

// NewPasskeyRequest finishes creating a passkey: its name (empty: the
// browser and system it was made on) and the browser's credential.
type NewPasskeyRequest struct {
	Name       string          `json:"name"`
	Credential json.RawMessage `json:"credential"`
}

// PasskeyRenameRequest gives a passkey another name.
type PasskeyRenameRequest struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// PasskeyIDRequest names a passkey.
type PasskeyIDRequest struct {
	ID string `json:"id"`
}

// Passkey is one passkey of the account.
type Passkey struct {
	ID         string `json:"id"` // the credential id, base64url
	Name       string `json:"name"`
	DeviceType string `json:"device_type"` // PasskeySynced or PasskeyDeviceBound
	CreatedAt  string `json:"created_at"`
	LastUsedAt string `json:"last_used_at,omitempty"`
}

// TOTPSetup is an authenticator app being set up: the key as a QR code (a
// PNG data: URL), as text to type in, and as the otpauth:// link the QR
// code holds. It works once confirmed with a first code (TOTPConfirm).
type TOTPSetup struct {
	QR     string `json:"qr"`
	Key    string `json:"key"` // base32, in groups of four
	URI    string `json:"uri"`
	Issuer string `json:"issuer"`
}

// TOTPResult is the profile after the app was set up, and the recovery
// codes made with it when the account had none (shown once).
type TOTPResult struct {
	Me            Me       `json:"me"`
	RecoveryCodes []string `json:"recovery_codes,omitempty"`
}

// RecoveryCodes are ten new recovery codes, shown this once; the earlier
// ones no longer work.
type RecoveryCodes struct {
	Codes []string `json:"codes"`
	Me    Me       `json:"me"`
}
