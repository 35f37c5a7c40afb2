package api

// Paths of the two-factor dialog.
const (
	PathTwoFactorStart   = Prefix + "/me/two-factor"
	PathTwoFactorResend  = Prefix + "/me/two-factor/resend"
	PathTwoFactorConfirm = Prefix + "/me/two-factor/confirm"
)

// TwoFactorStartRequest is the dialog's password step: Enable true to switch
// two-factor authentication on, false to switch it off.
type TwoFactorStartRequest struct {
	Enable   bool   `json:"enable"`
	Password string `json:"password"`
}

// CodeSent says a code went out, and where.
type CodeSent struct {
	MaskedEmail string `json:"masked_email"`
	// ResendAfter is how many seconds "Request a new one" must wait.
	ResendAfter int `json:"resend_after,omitempty"`
	// Factors: the factor asked (the e-mailed code to switch it on; to
	// switch it off, any the account has) and the others.
	Factors
}

// TwoFactorResult is the profile after the switch, and the renewed session's
// CSRF token (the session id changes at each step-up).
type TwoFactorResult struct {
	Me        Me     `json:"me"`
	CSRFToken string `json:"csrf_token"`
}
