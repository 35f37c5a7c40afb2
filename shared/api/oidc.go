package api

// Paths of the endpoints the app's OpenID Connect pages use: the consent
// screen and "Connected apps" on the Security page.
const (
	PathAuthorization = Prefix + "/authorization" // GET ?id=: the request the consent screen asks about
	PathConsent       = Prefix + "/authorization/consent"
	PathApps          = Prefix + "/apps"
	PathAppRemove     = Prefix + "/apps/remove"
)

// Pages of the app in an app's sign-in (OpenID Connect).
const (
	// PageConsent asks a third-party app's consent: ?id=<request>.
	PageConsent = "/consent"
	// PageSignInError says why an app's sign-in request cannot go on:
	// ?reason=<one of the Reason… words>. It never sends the browser on to
	// an address the request named.
	PageSignInError = "/sign-in-error"
	// PageSignOut asks whether to log out of the portal too, when an app
	// logged out without proving whose session it ends.
	PageSignOut = "/sign-out"
)

// CookieSignInError carries the reason to the sign-in error page when the
// server answers a provider address (/oidc/…) with it: the app starts on
// that address, not on PageSignInError. It holds one of the Reason… words,
// nothing secret, and lives two minutes.
const CookieSignInError = "miniid-signin-error"

// ProviderPages are the provider's browser addresses the server may answer
// with the sign-in error page; the app shows that page for them.
var ProviderPages = []string{"/oidc/authorize", "/oidc/continue", "/oidc/end_session"}

// Reasons the sign-in error page names.
const (
	ReasonUnknownApp   = "unknown_app"     // client_id names no registered app
	ReasonRedirectURI  = "redirect_uri"    // redirect_uri is not one the app registered
	ReasonExpired      = "expired"         // the request ran out (or never was)
	ReasonOtherBrowser = "other_browser"   // the request was started in another browser
	ReasonUsed         = "used"            // the request already went back to its app
	ReasonInvalid      = "invalid_request" // anything else the request got wrong
)

// Return is where the app goes once the session is signed in: an app's
// sign-in waits for it. The login page names the app and fills in the
// suggested identifier; Reauth says to show the login although the session
// is signed in (the app asked for a fresh login or more factors).
type Return struct {
	To        string `json:"to"`
	App       string `json:"app"`
	LoginHint string `json:"login_hint,omitempty"`
	Reauth    bool   `json:"reauth,omitempty"`
}

// Authorization is an app's request as the consent screen shows it: the
// app's name and the scopes it asks for that the customer has not allowed
// yet, in the order to list them ("openid", "email", "profile", "phone",
// "address", "offline_access").
type Authorization struct {
	ID     string   `json:"id"`
	App    string   `json:"app"`
	Scopes []string `json:"scopes"`
}

// ConsentRequest is the answer on the consent screen: "Allow" or "Cancel".
type ConsentRequest struct {
	ID    string `json:"id"`
	Allow bool   `json:"allow"`
}

// Continue tells the app where to send the browser next (a full page
// load: the portal then sends it back to the app).
type Continue struct {
	To string `json:"to"`
}

// ConnectedApp is an app the customer allowed to use their MINI ID.
type ConnectedApp struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Scopes   []string `json:"scopes"`
	Since    string   `json:"since"`
	LastUsed string   `json:"last_used"`
}

// RemoveAppRequest is "Remove access" for one app.
type RemoveAppRequest struct {
	ID string `json:"id"`
}
