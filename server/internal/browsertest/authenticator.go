package browsertest

import (
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"
)

// Authenticator is Chromium's virtual WebAuthn authenticator in a tab: a
// platform authenticator (CTAP2, internal transport) that keeps resident
// keys, verifies the user and says yes at once, as a phone or laptop whose
// owner touches the sensor would.
type Authenticator struct {
	tab *Tab
	ID  webauthn.AuthenticatorID
}

// VirtualAuthenticator adds such an authenticator to the tab.
func (tab *Tab) VirtualAuthenticator() *Authenticator {
	tab.T.Helper()
	if _, err := chromedp.Call(tab.Ctx, webauthn.Enable, webauthn.EnableParams{}); err != nil {
		tab.T.Fatalf("chromium: webauthn: %v", err)
	}
	res, err := chromedp.Call(tab.Ctx, webauthn.AddVirtualAuthenticator, webauthn.AddVirtualAuthenticatorParams{
		Options: &webauthn.VirtualAuthenticatorOptions{
			Protocol: webauthn.AuthenticatorProtocolCtap2, Ctap2version: webauthn.Ctap2versionCtap21,
			Transport: webauthn.AuthenticatorTransportInternal, HasResidentKey: true,
			HasUserVerification: true, IsUserVerified: true, AutomaticPresenceSimulation: true,
		},
	})
	if err != nil {
		tab.T.Fatalf("chromium: virtual authenticator: %v", err)
	}
	return &Authenticator{tab: tab, ID: res.AuthenticatorID}
}

// Credentials are the passkeys the authenticator holds.
func (a *Authenticator) Credentials() []*webauthn.Credential {
	a.tab.T.Helper()
	res, err := chromedp.Call(a.tab.Ctx, webauthn.GetCredentials, webauthn.GetCredentialsParams{AuthenticatorID: a.ID})
	if err != nil {
		a.tab.T.Fatalf("chromium: credentials: %v", err)
	}
	return res.Credentials
}

// noAutofillJS makes the browser say it cannot offer passkeys in a field's
// autofill. The virtual authenticator answers a conditional request at once,
// as if the person had picked the passkey there; a test of the "Log in with
// a passkey" button turns that off first.
const noAutofillJS = `(() => {
  if (window.PublicKeyCredential) PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
})();`

// NoPasskeyAutofill keeps the tab's pages from offering passkeys in the
// autofill (for every document it opens from now on).
func (tab *Tab) NoPasskeyAutofill() {
	tab.T.Helper()
	if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: noAutofillJS}); err != nil {
		tab.T.Fatalf("chromium: no passkey autofill: %v", err)
	}
}
