package e2e

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/connected"
	"github.com/minicorp/miniid/server/internal/oidctest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// appEnv is a portal with the test apps registered, and the demo app
// ("MINI Connected", server/internal/connected) running as one of them: the
// real relying party of these tests (x/oauth2 + go-oidc).
type appEnv struct {
	*portaltest.Env
	app   string // the demo app's address
	email string
}

// startWithApp starts the portal and the demo app as app clientID, with a
// customer living in the UK, and a browser.
func startWithApp(t *testing.T, db *testenv.DB, clientID string) (*appEnv, *browsertest.Tab) {
	t.Helper()
	rp := httptest.NewUnstartedServer(nil)
	base := "http://" + rp.Listener.Addr().String()
	env := portaltest.Start(t, db, "OIDC_CLIENTS", oidctest.ClientsFile(t, base))
	secret := map[string]string{oidctest.Connected: oidctest.ConnectedSecret, oidctest.Shop: oidctest.ShopSecret}[clientID]
	a, err := connected.New(context.Background(), connected.Config{
		Issuer: env.URL, ClientID: clientID, ClientSecret: secret, PublicURL: base, Name: oidctest.Names[clientID],
	}, 5*time.Second, slog.New(slog.NewTextHandler(env.Log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	rp.Config.Handler = a.Handler()
	rp.Start()
	t.Cleanup(rp.Close)
	e := &appEnv{Env: env, app: base, email: "jana@example.com"}
	env.RegisterIn(e.email, "GB", "SW1A 1AA")
	env.Clock.Advance(time.Minute)
	return e, browsertest.New(t).Tab()
}

// logInAtPortal fills the portal's login page the app sent the browser to.
func logInAtPortal(tab *browsertest.Tab, e *appEnv, appName string) {
	tab.T.Helper()
	tab.WaitPath("/login")
	tab.WaitApp()
	tab.WaitText("Log in to continue to " + appName + ".")
	tab.Fill("E-mail address or Phone ID", e.email)
	tab.Fill("Password", portaltest.Password)
	tab.Click("Log in")
}

// The demo app logs a customer in through the portal's login in the
// browser, with PKCE, state and nonce checked by the app, and shows the
// name and the amr; its logout logs the browser out of the portal too.
func TestAppLogsInThroughThePortal(t *testing.T) {
	e, tab := startWithApp(t, testenv.SQLite(t), oidctest.Connected)
	tab.Goto(e.app + "/")
	tab.WaitText("Log in with MINI ID")
	tab.Shot("app-start")
	tab.Click("Log in with MINI ID")
	tab.WaitPath("/login")
	tab.WaitApp()
	tab.WaitText("Log in to continue to MINI Connected.")
	tab.Shot("login-for-app")
	logInAtPortal(tab, e, "MINI Connected")
	tab.WaitText("Hello, Jana Keller")
	tab.WaitText("password")
	tab.Shot("app-signed-in")
	if !tab.Has("pwd") || !tab.Has(oidctestACROne) {
		t.Fatalf("the app does not show the login's amr and acr:\n%s", tab.Text())
	}
	// Signed in at the portal too: the next login of the app asks nothing.
	tab.Goto(e.URL + "/profile")
	tab.WaitApp()
	tab.WaitText("My profile")
	tab.Goto(e.app + "/")
	tab.Click("Log out")
	tab.WaitText("You are logged out.")
	tab.Goto(e.URL + "/profile")
	tab.WaitApp()
	tab.WaitPath("/login")
}

const oidctestACROne = "urn:miniid:acr:one_factor"

// An app asking for two factors (acr_values=aal2) of an account with
// two-factor authentication gets the code step, and the ID token says so.
// (Without two-factor authentication the funnel asks the e-mailed code all
// the same: server/oidc TestACRValuesAskForTwoFactors.)
func TestAppAsksForTwoFactors(t *testing.T) {
	e, tab := startWithApp(t, testenv.SQLite(t), oidctest.Connected)
	c, _ := e.Login(e.email, portaltest.Password)
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("two-factor start: %d %s", r.Status, r.Body)
	}
	if r := c.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: e.LastMail(e.email).Code()}); r.Status != 200 {
		t.Fatalf("two-factor confirm: %d %s", r.Status, r.Body)
	}
	e.Clock.Advance(time.Minute)
	tab.Goto(e.app + "/")
	tab.Click("Log in with two factors")
	logInAtPortal(tab, e, "MINI Connected")
	tab.WaitPath("/login/code")
	tab.WaitText("j•••@example.com")
	tab.Shot("code-for-app")
	tab.Fill("Activation code", e.LastMail(e.email).Code())
	tab.Click("Confirm")
	tab.WaitText("Hello, Jana Keller")
	for _, want := range []string{"pwd", "otp", "mfa", "urn:miniid:acr:two_factors"} {
		if !tab.Has(want) {
			t.Fatalf("the app does not show %q:\n%s", want, tab.Text())
		}
	}
}

// A partner's app asks consent ("Allow" / "Cancel"), is listed under
// Connected apps, and "Remove access" makes it ask again.
func TestPartnerAppAsksConsent(t *testing.T) {
	e, tab := startWithApp(t, testenv.SQLite(t), oidctest.Shop)
	tab.Goto(e.app + "/")
	tab.Click("Log in with MINI ID")
	logInAtPortal(tab, e, "Accessory Shop")
	tab.WaitPath(api.PageConsent)
	tab.WaitText("Accessory Shop wants to use your MINI ID")
	tab.WaitText("your e-mail address")
	tab.Shot("consent")
	tab.Click("Allow")
	tab.WaitText("Hello, Jana Keller")

	tab.Open(e.URL + "/profile/security")
	tab.WaitText("CONNECTED APPS")
	tab.WaitText("Accessory Shop")
	tab.Shot("connected-apps")
	tab.Click("Remove access")
	tab.WaitText("Accessory Shop can no longer use your MINI ID.")
	tab.WaitText("No app uses your MINI ID yet.")

	// The app logs out (of the portal too), then asks again: consent again.
	tab.Goto(e.app + "/")
	tab.Click("Log out")
	tab.WaitText("You are logged out.")
	tab.Click("Log in with MINI ID")
	logInAtPortal(tab, e, "Accessory Shop")
	tab.WaitPath(api.PageConsent)
	tab.WaitText("Accessory Shop wants to use your MINI ID")
	tab.Click("Cancel")
	tab.WaitText("The login did not work (access_denied)")
}

// A request the portal cannot send back stays on its error page.
func TestSignInErrorPage(t *testing.T) {
	e, tab := startWithApp(t, testenv.SQLite(t), oidctest.Connected)
	tab.Goto(e.URL + "/oidc/authorize?client_id=nobody&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&scope=openid")
	tab.WaitApp()
	tab.WaitText("This sign-in cannot continue")
	tab.WaitText("The app that sent you here is not known")
	tab.Shot("signin-error")
	tab.Goto(e.URL + "/oidc/authorize?client_id=" + oidctest.Connected + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&scope=openid")
	tab.WaitApp()
	tab.WaitText("has not registered")
	if got := browsertest.Eval[string](tab, `location.host`); got != e.URL[len("http://"):] {
		t.Fatalf("the browser left the portal for %s", got)
	}
}

// An app that logs out without proving whose session it ends gets the
// portal's question; "Stay logged in" keeps the portal session.
func TestSignOutAsks(t *testing.T) {
	e, tab := startWithApp(t, testenv.SQLite(t), oidctest.Connected)
	login(tab, e.Env, e.email, "")
	tab.WaitPath("/profile")
	tab.Goto(e.URL + "/oidc/end_session?client_id=" + oidctest.Connected + "&post_logout_redirect_uri=" + e.app + "/bye")
	tab.WaitPath(api.PageSignOut)
	tab.WaitApp()
	tab.WaitText("MINI Connected has logged you out.")
	tab.Shot("sign-out")
	tab.Click("Stay logged in")
	tab.WaitText("You are logged out.")
	tab.Open(e.URL + "/profile")
	tab.WaitText("My profile")
}
