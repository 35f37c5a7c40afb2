package api

// Paths of the profile and account changes.
const (
	PathPersonal      = Prefix + "/me/personal"
	PathReauth        = Prefix + "/me/reauth"
	PathReauthResend  = Prefix + "/me/reauth/resend"
	PathReauthConfirm = Prefix + "/me/reauth/confirm"
	PathEmail         = Prefix + "/me/email"
	PathPassword      = Prefix + "/me/password"
	PathPhone         = Prefix + "/me/phone"
	PathPhoneVerify   = Prefix + "/me/phone/verify"
	PathPhoneResend   = Prefix + "/me/phone/resend"
	PathPhoneRemove   = Prefix + "/me/phone/remove"
	PathDelete        = Prefix + "/me/delete"
	PathSessions      = Prefix + "/me/sessions"
	PathLogoutOthers  = Prefix + "/me/sessions/logout-others"
	PathSessionLogout = Prefix + "/me/sessions/logout"
	PathEvents        = Prefix + "/me/events"
)

// Changes that need re-authentication (the password, and the code when
// two-factor authentication is on) within the last 5 minutes.
const (
	ActionEmail    = "email_change"
	ActionPassword = "password"
	ActionPhone    = "phone_change"
	ActionDelete   = "delete"
)

// PersonalData is what /profile/personal edits. Send it with
// If-Match: "v<version>" from the profile you edited.
type PersonalData struct {
	Salutation string `json:"salutation"`
	Title      string `json:"title"`
	FirstName  string `json:"first_name"`
	LastName   string `json:"last_name"`
	BirthDate  string `json:"birth_date"`
	Street     string `json:"street"`
	Postcode   string `json:"postcode"`
	City       string `json:"city"`
	Country    string `json:"country"`
	// Language is "" to follow the country of residence, else "en" or "de".
	Language string `json:"language"`
}

// Conflict is the body of a 412: the profile changed elsewhere; Current is
// the fresh data.
type Conflict struct {
	Error
	Current Me `json:"current"`
}

// ReauthRequest proves the password for action.
type ReauthRequest struct {
	Action   string `json:"action"`
	Password string `json:"password"`
}

// ReauthResult says whether a code is still needed, and where it went.
type ReauthResult struct {
	CodeSent    bool   `json:"code_sent"`
	MaskedEmail string `json:"masked_email,omitempty"`
	// ResendAfter is how many seconds "Request a new one" must wait.
	ResendAfter int `json:"resend_after,omitempty"`
	// CSRFToken is the session's token after the step: a step-up that is
	// complete renews the session id, and the token with it.
	CSRFToken string `json:"csrf_token,omitempty"`
	// Factors: the second factor asked (when CodeSent) and the others.
	Factors
}

// EmailChangeRequest names the new address.
type EmailChangeRequest struct {
	Email string `json:"email"`
}

// PhoneRequest names a mobile number (E.164, e.g. +491701234567).
type PhoneRequest struct {
	Phone string `json:"phone"`
}

// PhoneCodeSent says where the SMS went.
type PhoneCodeSent struct {
	MaskedPhone string `json:"masked_phone"`
	// ResendAfter is how many seconds "Request a new one" must wait.
	ResendAfter int `json:"resend_after,omitempty"`
}

// SessionLogoutRequest ends one session of the account, named by the ID of
// its SessionInfo.
type SessionLogoutRequest struct {
	ID string `json:"id"`
}

// SessionInfo is one active session of the account.
type SessionInfo struct {
	ID       string `json:"id"` // an opaque handle, not the session id
	Device   string `json:"device"`
	Network  string `json:"network"`
	LastUsed string `json:"last_used"`
	Created  string `json:"created"`
	Current  bool   `json:"current"`
}

// SecurityEvent is one entry of the account's security history.
type SecurityEvent struct {
	Kind    string `json:"kind"`
	At      string `json:"at"`
	Device  string `json:"device"`
	Network string `json:"network"`
}

// LoggedOut tells how many other sessions ended.
type LoggedOut struct {
	Count int `json:"count"`
}
