package portal_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/portal"
)

// A malformed OIDC_CLIENTS file stops the start with one line that names
// the variable, the file, the app and the problem — before the database is
// touched.
func TestMalformedClientsFileStopsTheStart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "clients.json")
	os.WriteFile(path, []byte(`[{"id":"shop","name":"Shop","redirect_uris":["http://shop.example/cb"],"secret":"`+strings.Repeat("s", 32)+`"}]`), 0o600)
	env := map[string]string{"DATA_DIR": dir, "SECRET_KEY": strings.Repeat("cd", 32), "OIDC_CLIENTS": path}
	_, err := portal.New(context.Background(), func(k string) string { return env[k] }, quiet, portal.Options{Clock: clk})
	if err == nil {
		t.Fatal("the portal started with an app redirecting to http on a public host")
	}
	msg := err.Error()
	for _, want := range []string{"OIDC_CLIENTS", path, `"shop"`, "http"} {
		if !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
			t.Fatalf("the error %q does not name %s on one line", msg, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "portal.db")); err == nil {
		t.Fatal("the database was opened before the client file was checked")
	}
	env["OIDC_CLIENTS"] = filepath.Join(dir, "missing.json")
	if _, err := portal.New(context.Background(), func(k string) string { return env[k] }, quiet, portal.Options{Clock: clk}); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Fatalf("a missing file: %v", err)
	}
}
