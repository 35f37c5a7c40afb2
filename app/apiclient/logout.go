package apiclient

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
)

// keyLogoutPending is the device's mark of a logout the server has not
// confirmed yet (localStorage, so it survives closing the app offline).
const keyLogoutPending = "logout_pending"

// Logout ends the session. The device is marked as logged out first and
// stays marked until the server has confirmed it: a logout made offline is
// sent before any other call of this client, so the first call once the
// network is back delivers it. The error says why the server has not heard
// it yet (Offline: no network).
func (c *Client) Logout() error {
	markLogout(true)
	return c.sendLogout()
}

// LogoutPending reports whether this device was logged out and the server
// has not confirmed it yet: nothing of the account may be shown meanwhile.
func (c *Client) LogoutPending() bool {
	ls := localStorage()
	return ls.Truthy() && ls.Call("getItem", keyLogoutPending).Truthy()
}

// sendLogout sends the pending logout, if there is one, and removes the
// mark once the server confirmed it. One at a time: calls that start
// meanwhile wait for it.
func (c *Client) sendLogout() error {
	c.logoutMu.Lock()
	defer c.logoutMu.Unlock()
	if !c.LogoutPending() {
		return nil
	}
	if err := c.exchange("POST", api.PathLogout, nil, nil, nil); err != nil {
		return err
	}
	c.setCSRF("") // the session it belonged to is gone
	markLogout(false)
	return nil
}

func markLogout(pending bool) {
	ls := localStorage()
	switch {
	case !ls.Truthy():
	case pending:
		ls.Call("setItem", keyLogoutPending, "1")
	default:
		ls.Call("removeItem", keyLogoutPending)
	}
}

func localStorage() app.Value {
	if app.IsServer {
		return app.Null()
	}
	return app.Window().Get("localStorage")
}
