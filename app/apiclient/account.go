package apiclient

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/minicorp/miniid/shared/api"
)

// UpdatePersonal saves the personal data edited from the profile of
// version. When the profile changed elsewhere in the meantime, the error is
// an *Error with status 412 and the returned profile is the current one.
func (c *Client) UpdatePersonal(d api.PersonalData, version int64) (api.Me, error) {
	var me api.Me
	err := c.call("PUT", api.PathPersonal, d, &me, map[string]string{api.HeaderIfMatch: `"v` + strconv.FormatInt(version, 10) + `"`})
	var e *Error
	if errors.As(err, &e) && e.Status == 412 {
		var conflict api.Conflict
		if json.Unmarshal([]byte(e.body), &conflict) == nil {
			me = conflict.Current
		}
	}
	return me, err
}

// Reauth proves the password before a change; the answer says whether a
// second factor must follow (ReauthConfirm). A step-up the password alone
// completes renews the session, and its new CSRF token is kept.
func (c *Client) Reauth(r api.ReauthRequest) (api.ReauthResult, error) {
	res, err := post[api.ReauthResult](c, api.PathReauth, r)
	if err == nil {
		c.keepCSRF(res.CSRFToken)
	}
	return res, err
}

// ReauthResend mails a new code for the re-authentication.
func (c *Client) ReauthResend() (api.ReauthResult, error) {
	return post[api.ReauthResult](c, api.PathReauthResend, nil)
}

// ReauthConfirm completes the re-authentication with the second factor
// asked, or any other offered one (a passkey's answer too).
func (c *Client) ReauthConfirm(r api.FactorRequest) (api.Session, error) {
	return c.session(post[api.Session](c, api.PathReauthConfirm, r))
}

// ChangeEmail sends a confirmation link to the new address.
func (c *Client) ChangeEmail(r api.EmailChangeRequest) error {
	return c.call("POST", api.PathEmail, r, nil, nil)
}

// ChangePassword sets a new password and ends every other session.
func (c *Client) ChangePassword(r api.PasswordRequest) error {
	return c.call("POST", api.PathPassword, r, nil, nil)
}

// StartPhone texts a code to a new Phone ID.
func (c *Client) StartPhone(r api.PhoneRequest) (api.PhoneCodeSent, error) {
	return post[api.PhoneCodeSent](c, api.PathPhone, r)
}

// VerifyPhone verifies the new Phone ID with the texted code.
func (c *Client) VerifyPhone(r api.CodeRequest) (api.Me, error) {
	return post[api.Me](c, api.PathPhoneVerify, r)
}

// ResendPhone texts a new code to the Phone ID being verified.
func (c *Client) ResendPhone() (api.PhoneCodeSent, error) {
	return post[api.PhoneCodeSent](c, api.PathPhoneResend, nil)
}

// RemovePhone removes the Phone ID.
func (c *Client) RemovePhone() (api.Me, error) {
	return post[api.Me](c, api.PathPhoneRemove, nil)
}

// DeleteAccount deletes the MINI ID and ends every session.
func (c *Client) DeleteAccount() error {
	return c.call("POST", api.PathDelete, nil, nil, nil)
}

// Sessions lists the account's active sessions.
func (c *Client) Sessions() ([]api.SessionInfo, error) {
	return get[[]api.SessionInfo](c, api.PathSessions)
}

// LogoutOthers ends every session of the account but this one.
func (c *Client) LogoutOthers() (api.LoggedOut, error) {
	return post[api.LoggedOut](c, api.PathLogoutOthers, nil)
}

// LogoutSession ends one session of the account.
func (c *Client) LogoutSession(r api.SessionLogoutRequest) error {
	return c.call("POST", api.PathSessionLogout, r, nil, nil)
}

// Events lists the account's recent security events.
func (c *Client) Events() ([]api.SecurityEvent, error) {
	return get[[]api.SecurityEvent](c, api.PathEvents)
}
