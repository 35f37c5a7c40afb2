package e2e

import (
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// The wasm takes over, the service worker controls the page, and with the
// server gone a reload still renders the shell.
func TestShellLoadsAndWorksOffline(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/login")
	tab.WaitText("E-mail address or Phone ID")
	tab.Wait("the service worker to control the page", `navigator.serviceWorker.controller !== null`)
	tab.Shot("login")
	env.Server.Close()
	tab.Reload()
	tab.WaitApp()
	tab.WaitText("Log in with your MINI ID")
}

// An unknown address shows the portal's own 404 page once the app runs,
// not go-app's bare "Not Found" screen.
func TestUnknownPageInTheApp(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/no/such/page")
	tab.WaitText("Page not found")
	tab.WaitText("Go to the start page")
	tab.Shot("not-found")
}
