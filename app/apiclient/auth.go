package apiclient

import "github.com/minicorp/miniid/shared/api"

// Session reads the caller's session (creating an anonymous one) and keeps
// its CSRF token.
func (c *Client) Session() (api.Session, error) {
	s, err := get[api.Session](c, api.PathSession)
	c.keepCSRF(s.CSRFToken)
	return s, err
}

// Register creates a MINI ID; the answer is the same for a taken address.
func (c *Client) Register(r api.RegisterRequest) error {
	return c.call("POST", api.PathRegister, r, nil, nil)
}

// ResendConfirmation mails the confirmation link of a registration again.
func (c *Client) ResendConfirmation(r api.EmailRequest) error {
	return c.call("POST", api.PathRegisterResend, r, nil, nil)
}

// Confirm opens a confirmation or undo link; the answer is the session it
// led to.
func (c *Client) Confirm(r api.ConfirmRequest) (api.Session, error) {
	return c.session(post[api.Session](c, api.PathConfirm, r))
}

// Login is the password step of a login; the answer's State says whether
// the second step (a code) follows.
func (c *Client) Login(r api.LoginRequest) (api.Session, error) {
	return c.session(post[api.Session](c, api.PathLogin, r))
}

// LoginCode completes a login's second step with the factor asked, or any
// other offered one (the e-mailed code, the app's, a recovery code, a
// passkey's answer).
func (c *Client) LoginCode(r api.FactorRequest) (api.Session, error) {
	return c.session(post[api.Session](c, api.PathLoginCode, r))
}

// LoginResend mails a new code for the login's second step.
func (c *Client) LoginResend() (api.Session, error) {
	return c.session(post[api.Session](c, api.PathLoginResend, nil))
}

// ForgotPassword mails a reset link when the address has an account; the
// answer is always the same.
func (c *Client) ForgotPassword(r api.EmailRequest) error {
	return c.call("POST", api.PathForgot, r, nil, nil)
}

// ResetPassword sets a new password with a reset link's token.
func (c *Client) ResetPassword(r api.ResetRequest) error {
	return c.call("POST", api.PathReset, r, nil, nil)
}

// PasswordStrength estimates a password's strength.
func (c *Client) PasswordStrength(r api.StrengthRequest) (api.Strength, error) {
	return post[api.Strength](c, api.PathStrength, r)
}

// Me reads the logged-in customer's profile.
func (c *Client) Me() (api.Me, error) {
	return get[api.Me](c, api.PathMe)
}

// session keeps the CSRF token of a session answer (the session id, and
// with it the token, changes at each login step).
func (c *Client) session(s api.Session, err error) (api.Session, error) {
	if err == nil {
		c.keepCSRF(s.CSRFToken)
	}
	return s, err
}
