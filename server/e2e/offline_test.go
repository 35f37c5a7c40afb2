package e2e

import (
	"encoding/json"
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestInstallable(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	var m struct {
		Name, ShortName, StartURL, Display, ThemeColor, BackgroundColor string
		Icons                                                           []struct{ Src, Sizes, Purpose string }
	}
	r := env.Client().Get("/manifest.webmanifest")
	if err := json.Unmarshal([]byte(jsonKeys(string(r.Body))), &m); err != nil {
		t.Fatal(err)
	}
	sizes := map[string]bool{}
	for _, i := range m.Icons {
		if i.Src[0] != '/' {
			t.Errorf("icon not served locally: %s", i.Src)
		}
		sizes[i.Sizes+"/"+i.Purpose] = true
	}
	if m.Name != "MINI ID" || m.StartURL != "/" || m.Display != "standalone" || m.ThemeColor == "" ||
		!sizes["192x192/"] || !sizes["512x512/"] || !sizes["512x512/maskable"] {
		t.Fatalf("manifest: %+v", m)
	}
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/login")
	tab.Wait("the service worker", `navigator.serviceWorker.controller !== null`)
	if errs := tab.InstallabilityErrors(); len(errs) > 0 {
		t.Fatalf("Chromium says the app is not installable: %v", errs)
	}
}

// jsonKeys maps the manifest's snake_case keys to the struct's names.
func jsonKeys(s string) string {
	for from, to := range map[string]string{`"short_name"`: `"ShortName"`, `"start_url"`: `"StartURL"`, `"theme_color"`: `"ThemeColor"`, `"background_color"`: `"BackgroundColor"`} {
		s = replaceAll(s, from, to)
	}
	return s
}

// With the server gone, a customer who had the portal open reopens it and
// reads their profile and the help, marked as offline; back online the
// banner goes; after logout nothing of theirs remains on the device.
func TestOfflineProfileAndPrivacy(t *testing.T) {
	env, tab := startLoggedIn(t, "offline@example.com")
	tab.Wait("the service worker", `navigator.serviceWorker.controller !== null`)
	for _, path := range []string{"/profile/account", "/profile/personal", "/profile/security", "/help", "/help/two-factor-activate"} {
		tab.Open(env.URL + path)
	}
	tab.WaitText("NEXT") // the article is shown

	env.Stop()
	checks := []struct{ path, text string }{
		{"/profile", "Jana Keller"},
		{"/profile/account", "offline@example.com"},
		{"/profile/personal", "Personal data"},
		{"/help/two-factor-activate", "NEXT"},
		{"/", "Jana Keller"}, // the start page goes on to the cached profile
	}
	for _, c := range checks {
		tab.Open(env.URL + c.path)
		tab.WaitText(c.text)
		if len(c.path) < 5 || c.path[:5] != "/help" {
			tab.WaitText("Offline — last updated")
		}
	}
	tab.Open(env.URL + "/profile/account")
	tab.WaitText("changes need a network connection")
	tab.Wait("Edit disabled", `document.getElementById("edit-email").disabled`)
	tab.Shot("offline-account")

	env.Restart()
	tab.Wait("the banner to go", `!document.body.innerText.includes("Offline — last updated")`)
	tab.Wait("Edit enabled", `!document.getElementById("edit-email").disabled`)

	tab.Click("Profile menu")
	tab.Click("Log out")
	tab.WaitPath("/login")
	left := browsertest.Eval[string](tab, `(async () => {
	  const found = [];
	  for (let i = 0; i < localStorage.length; i++) {
	    const k = localStorage.key(i);
	    if ((localStorage.getItem(k) || "").includes("offline@example.com") || (localStorage.getItem(k) || "").includes("Keller")) found.push("localStorage:" + k);
	  }
	  if (sessionStorage.length) found.push("sessionStorage");
	  for (const name of await caches.keys()) {
	    const c = await caches.open(name);
	    for (const req of await c.keys()) {
	      if (req.url.includes("/api/")) found.push("cache:" + name + ":" + req.url);
	      const body = await (await c.match(req)).clone().text();
	      if (body.includes("offline@example.com")) found.push("cache-body:" + req.url);
	    }
	  }
	  if (indexedDB.databases) for (const db of await indexedDB.databases()) found.push("indexedDB:" + db.name);
	  return found.join(", ");
	})()`)
	if left != "" {
		t.Fatalf("personal data left on the device after logout: %s", left)
	}
}

// On a shared device, "Log out" without a network still logs out: the
// device forgets the account at once and shows the login page, also when
// the app is opened again offline, and the logout reaches the server as
// soon as the network is back, so the session cookie left in the browser
// opens nothing.
func TestLogoutWhileOffline(t *testing.T) {
	env, tab := startLoggedIn(t, "shared.device@example.com")
	tab.Wait("the service worker", `navigator.serviceWorker.controller !== null`)
	cookie := tab.CookieHeader(env.URL)
	me := func() int {
		return env.Client().Raw("GET", api.PathMe, nil, map[string]string{"Cookie": cookie}).Status
	}
	if s := me(); s != 200 {
		t.Fatalf("/api/v1/me with the browser's cookie before logging out: %d", s)
	}

	tab.Offline(true)
	tab.Click("Profile menu")
	tab.Click("Log out")
	tab.WaitPath("/login")
	tab.WaitText("You are logged out on this device.")
	tab.Shot("logged-out-offline")
	tab.Open(env.URL + "/profile")
	tab.WaitPath("/login")
	tab.WaitText("You are logged out on this device.")
	if tab.Has("Jana") || tab.Has("shared.device@example.com") {
		t.Fatal("the app shows account data after logging out offline")
	}

	tab.Offline(false)
	tab.Open(env.URL + "/profile")
	tab.WaitPath("/login")
	tab.WaitText("Log in with your MINI ID")
	if s := me(); s != 401 {
		t.Fatalf("back online, /api/v1/me with the browser's old cookie answers %d, want 401", s)
	}
	if tab.Has("You are logged out on this device.") {
		t.Fatal("the note about the pending logout stays after the server confirmed it")
	}
}
