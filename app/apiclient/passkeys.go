package apiclient

import "github.com/minicorp/miniid/shared/api"

// Passkeys lists the account's passkeys.
func (c *Client) Passkeys() ([]api.Passkey, error) {
	return get[[]api.Passkey](c, api.PathPasskeys)
}

// BeginPasskey asks for the options to create a passkey (after a step-up).
func (c *Client) BeginPasskey() (api.PasskeyOptions, error) {
	return post[api.PasskeyOptions](c, api.PathPasskeyBegin, nil)
}

// FinishPasskey adds the passkey the browser created.
func (c *Client) FinishPasskey(r api.NewPasskeyRequest) (api.Passkey, error) {
	return post[api.Passkey](c, api.PathPasskeyFinish, r)
}

// RenamePasskey gives a passkey another name; the answer is the list.
func (c *Client) RenamePasskey(r api.PasskeyRenameRequest) ([]api.Passkey, error) {
	return post[[]api.Passkey](c, api.PathPasskeyRename, r)
}

// RemovePasskey removes a passkey (after a step-up); the answer is the list.
func (c *Client) RemovePasskey(r api.PasskeyIDRequest) ([]api.Passkey, error) {
	return post[[]api.Passkey](c, api.PathPasskeyRemove, r)
}

// BeginTOTP makes the key of a new authenticator app (after a step-up).
func (c *Client) BeginTOTP() (api.TOTPSetup, error) {
	return post[api.TOTPSetup](c, api.PathTOTPBegin, nil)
}

// ConfirmTOTP sets the app up with its first code.
func (c *Client) ConfirmTOTP(r api.CodeRequest) (api.TOTPResult, error) {
	return post[api.TOTPResult](c, api.PathTOTPConfirm, r)
}

// RemoveTOTP removes the authenticator app (after a step-up).
func (c *Client) RemoveTOTP() (api.Me, error) {
	return post[api.Me](c, api.PathTOTPRemove, nil)
}

// NewRecoveryCodes makes ten new recovery codes (after a step-up).
func (c *Client) NewRecoveryCodes() (api.RecoveryCodes, error) {
	return post[api.RecoveryCodes](c, api.PathRecoveryCodes, nil)
}
