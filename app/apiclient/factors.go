package apiclient

import "github.com/minicorp/miniid/shared/api"

// LoginPasskey begins "Log in with a passkey": the options for the
// browser (conditional: for the identifier field's autofill).
func (c *Client) LoginPasskey(r api.PasskeyLoginRequest) (api.PasskeyOptions, error) {
	return post[api.PasskeyOptions](c, api.PathLoginPasskey, r)
}

// LoginPasskeyFinish logs in with the browser's answer; the session is
// renewed, and its new CSRF token kept.
func (c *Client) LoginPasskeyFinish(r api.PasskeyCredentialRequest) (api.Session, error) {
	return c.session(post[api.Session](c, api.PathLoginPasskeyFinish, r))
}

// LoginMethod is "Use another method" at a login's second step.
func (c *Client) LoginMethod(r api.MethodRequest) (api.FactorChallenge, error) {
	return post[api.FactorChallenge](c, api.PathLoginMethod, r)
}

// ReauthMethod is "Use another method" in a dialog's step-up.
func (c *Client) ReauthMethod(r api.MethodRequest) (api.FactorChallenge, error) {
	return post[api.FactorChallenge](c, api.PathReauthMethod, r)
}

// ReauthPasskey begins a step-up with a passkey instead of the password.
func (c *Client) ReauthPasskey(r api.StepUpPasskeyRequest) (api.PasskeyOptions, error) {
	return post[api.PasskeyOptions](c, api.PathReauthPasskey, r)
}
