package apiclient

import "github.com/minicorp/miniid/shared/api"

// StartTwoFactor proves the password to switch two-factor authentication
// on or off; a code is mailed.
func (c *Client) StartTwoFactor(r api.TwoFactorStartRequest) (api.CodeSent, error) {
	return post[api.CodeSent](c, api.PathTwoFactorStart, r)
}

// ResendTwoFactor mails a new code for the switch.
func (c *Client) ResendTwoFactor() (api.CodeSent, error) {
	return post[api.CodeSent](c, api.PathTwoFactorResend, nil)
}

// ConfirmTwoFactor makes the switch with the mailed code (or, to switch it
// off, any offered factor); the session is renewed, and its new CSRF token
// kept.
func (c *Client) ConfirmTwoFactor(r api.FactorRequest) (api.TwoFactorResult, error) {
	res, err := post[api.TwoFactorResult](c, api.PathTwoFactorConfirm, r)
	if err == nil {
		c.keepCSRF(res.CSRFToken)
	}
	return res, err
}
