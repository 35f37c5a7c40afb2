package e2e

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/static"
)

// newVersion is the app's static files with a changed stylesheet: a new
// content hash, so a new Version.
func newVersion(t *testing.T) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(static.FS, "web", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(static.FS, path)
		if err != nil {
			return err
		}
		if path == "web/app.css" {
			b = append(b, []byte("\n/* release 2 */\n")...)
		}
		out[path] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A new deployment is picked up on the next visit, and the app says an
// update is ready instead of mixing versions.
func TestNewVersionIsAnnounced(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/login")
	tab.Wait("the service worker", `navigator.serviceWorker.controller !== null`)
	tab.Open(env.URL + "/login")
	if tab.Has("A new version of the portal is ready.") {
		t.Fatal("update banner without an update")
	}
	env.Stop()
	env.Deploy(newVersion(t))
	tab.Open(env.URL + "/login")
	tab.WaitText("A new version of the portal is ready.")
	tab.Shot("update-ready")
	tab.Click("Reload")
	tab.WaitApp()
	tab.WaitText("Log in with your MINI ID")
}
