package e2e

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// cacheKeysJS lists the URL of every response in Cache Storage.
const cacheKeysJS = `(async () => {
  const out = [];
  for (const name of await caches.keys()) {
    for (const req of await (await caches.open(name)).keys()) out.push(req.url);
  }
  return out;
})()`

// Links from mails carry secrets (the token of a reset or confirmation
// link): the service worker never stores such a page, and keeps the pages
// it stores under their path alone.
func TestServiceWorkerKeepsNoTokens(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/login")
	tab.Wait("the service worker", `navigator.serviceWorker.controller !== null`)

	tab.Open(env.URL + "/reset-password?token=secret-reset-token")
	tab.WaitText("Set a new password")
	tab.Open(env.URL + "/confirm?token=secret-confirm-token")
	tab.WaitText("This link no longer works")
	tab.Open(env.URL + "/forgot-password?from=mail")
	tab.WaitText("Forgot your password?")
	// The last page opened, without a query: once it is kept, the pages
	// before it have been dealt with.
	tab.Open(env.URL + "/register")
	if !browsertest.Eval[bool](tab, `(async () => {
	  for (let i = 0; i < 100; i++) {
	    if ((await `+cacheKeysJS+`).includes(location.origin + "/register")) return true;
	    await new Promise((r) => setTimeout(r, 100));
	  }
	  return false;
	})()`) {
		t.Fatal("the service worker did not keep /register under its path")
	}

	keys := browsertest.Eval[[]string](tab, cacheKeysJS)
	for _, k := range keys {
		u, err := url.Parse(k)
		if err != nil {
			t.Fatalf("cache key %q: %v", k, err)
		}
		if strings.Contains(k, "secret-") || u.Query().Has("token") {
			t.Errorf("Cache Storage keeps a page with its token: %s", k)
		}
		if u.RawQuery != "" && !strings.HasPrefix(u.Path, "/api/") && !strings.HasPrefix(u.Path, "/web/") {
			t.Errorf("a page is kept under its query: %s", k)
		}
	}
	if slices.Contains(keys, env.URL+"/reset-password") || slices.Contains(keys, env.URL+"/confirm") {
		t.Errorf("a page opened with a token is kept under its path: %v", keys)
	}
}
