package oidc_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	oidcprov "github.com/minicorp/miniid/server/oidc"
	"github.com/minicorp/miniid/shared/api"
)

// A malformed OIDC_CLIENTS file is refused with one line that names the
// app and the problem.
func TestClientsFileChecks(t *testing.T) {
	secret := `"secret":"` + strings.Repeat("s", 32) + `"`
	for _, tc := range []struct{ name, json, want string }{
		{"not JSON", `[{`, "JSON array of apps"},
		{"an object", `{"id":"a"}`, "JSON array of apps"},
		{"an unknown field", `[{"id":"a","name":"A","redirect_uris":["https://a.example/cb"],` + secret + `,"grant_types":["implicit"]}]`, "unknown field"},
		{"no id", `[{"name":"A","redirect_uris":["https://a.example/cb"],` + secret + `}]`, `"id" must be set`},
		{"no name", `[{"id":"a","redirect_uris":["https://a.example/cb"],` + secret + `}]`, `"name" must be set`},
		{"no redirect", `[{"id":"a","name":"A",` + secret + `}]`, `"redirect_uris" must list`},
		{"http on a public host", `[{"id":"a","name":"A","redirect_uris":["http://a.example/cb"],` + secret + `}]`, "not loopback"},
		{"a fragment", `[{"id":"a","name":"A","redirect_uris":["https://a.example/cb#x"],` + secret + `}]`, "fragment"},
		{"a relative address", `[{"id":"a","name":"A","redirect_uris":["/cb"],` + secret + `}]`, "absolute"},
		{"a custom scheme for a confidential app", `[{"id":"a","name":"A","redirect_uris":["com.example.app:/cb"],` + secret + `}]`, "must be https"},
		{"a short secret", `[{"id":"a","name":"A","redirect_uris":["https://a.example/cb"],"secret":"short"}]`, "at least 32"},
		{"a public app with a secret", `[{"id":"a","name":"A","redirect_uris":["https://a.example/cb"],"public":true,` + secret + `}]`, "public app has no"},
		{"a bad post-logout address", `[{"id":"a","name":"A","redirect_uris":["https://a.example/cb"],"post_logout_redirect_uris":["ftp://x"],` + secret + `}]`, "post_logout_redirect_uris"},
		{"an id twice", `[{"id":"a","name":"A","redirect_uris":["https://a.example/cb"],` + secret + `},{"id":"a","name":"B","redirect_uris":["https://b.example/cb"],` + secret + `}]`, "listed twice"},
	} {
		_, err := oidcprov.ParseClients([]byte(tc.json), 10*time.Minute)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: got %v, want one line with %q", tc.name, err, tc.want)
		}
	}
	ok := `[{"id":"web","name":"Web","redirect_uris":["https://a.example/cb","http://localhost:8081/cb"],` + secret + `},
	        {"id":"phone","name":"Phone","redirect_uris":["com.example.app:/cb","http://127.0.0.1/cb"],"public":true,"first_party":true}]`
	cs, err := oidcprov.ParseClients([]byte(ok), 10*time.Minute)
	if err != nil || cs.Get("web") == nil || !cs.Get("phone").Public() || !cs.Get("phone").FirstParty() {
		t.Fatalf("a good file: %v", err)
	}
	if !cs.Get("web").CheckSecret(strings.Repeat("s", 32)) || cs.Get("web").CheckSecret(strings.Repeat("s", 31)) || cs.Get("phone").CheckSecret("") {
		t.Fatal("secret check")
	}
}

// The app shows the sign-in error page on the provider's browser
// addresses; its list must be the provider's.
func TestProviderPagesAreTheProvidersAddresses(t *testing.T) {
	want := []string{oidcprov.AuthorizePath, oidcprov.ContinuePath, oidcprov.EndSessionPath}
	if !slices.Equal(api.ProviderPages, want) {
		t.Fatalf("shared/api ProviderPages %v, the provider serves %v", api.ProviderPages, want)
	}
}
