package apiclient

import (
	"net/url"

	"github.com/minicorp/miniid/shared/api"
)

// Authorization reads an app's sign-in request as the consent screen
// shows it.
func (c *Client) Authorization(id string) (api.Authorization, error) {
	return get[api.Authorization](c, api.PathAuthorization+"?id="+url.QueryEscape(id))
}

// Consent answers the consent screen ("Allow" or "Cancel"); the answer
// says where the browser goes next.
func (c *Client) Consent(r api.ConsentRequest) (api.Continue, error) {
	return post[api.Continue](c, api.PathConsent, r)
}

// Apps lists the apps connected to the MINI ID.
func (c *Client) Apps() ([]api.ConnectedApp, error) {
	return get[[]api.ConnectedApp](c, api.PathApps)
}

// RemoveApp is "Remove access" for one app.
func (c *Client) RemoveApp(r api.RemoveAppRequest) error {
	return c.call("POST", api.PathAppRemove, r, nil, nil)
}
