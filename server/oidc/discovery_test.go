package oidc_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

// The discovery document says what the provider does, and no more: the
// code flow with S256 PKCE, answers in the query (form_post's page would
// need inline script), refresh tokens, RP-initiated logout.
func TestDiscovery(t *testing.T) {
	env, _ := start(t, testenv.SQLite(t))
	r := env.Client().Get("/.well-known/openid-configuration")
	var d map[string]any
	if err := json.Unmarshal(r.Body, &d); err != nil || r.Status != 200 {
		t.Fatalf("discovery: %d %s", r.Status, r.Body)
	}
	list := func(k string) []string {
		var out []string
		for _, v := range d[k].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	want := map[string]string{
		"issuer": env.URL, "authorization_endpoint": env.URL + "/oidc/authorize", "token_endpoint": env.URL + "/oidc/token",
		"userinfo_endpoint": env.URL + "/oidc/userinfo", "jwks_uri": env.URL + "/oidc/keys",
		"end_session_endpoint": env.URL + "/oidc/end_session", "revocation_endpoint": env.URL + "/oidc/revoke",
	}
	for k, v := range want {
		if d[k] != v {
			t.Errorf("%s = %v, want %s", k, d[k], v)
		}
	}
	for k, v := range map[string][]string{
		"response_types_supported":              {"code"},
		"response_modes_supported":              {"query"},
		"code_challenge_methods_supported":      {"S256"},
		"grant_types_supported":                 {"authorization_code", "refresh_token"},
		"id_token_signing_alg_values_supported": {"RS256"},
		"subject_types_supported":               {"public"},
	} {
		if got := list(k); !slices.Equal(got, v) {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	for _, s := range []string{"openid", "email", "profile", "phone", "address", "offline_access"} {
		if !slices.Contains(list("scopes_supported"), s) {
			t.Errorf("scope %s is not offered", s)
		}
	}
	for _, k := range []string{"introspection_endpoint", "device_authorization_endpoint", "check_session_iframe"} {
		if _, ok := d[k]; ok {
			t.Errorf("%s is offered", k)
		}
	}
	if d["request_uri_parameter_supported"] != false || d["request_parameter_supported"] != nil && d["request_parameter_supported"] != false {
		t.Errorf("request objects offered: %v %v", d["request_uri_parameter_supported"], d["request_parameter_supported"])
	}
	// Apps in the browser call the token endpoint from their own origin.
	req, _ := http.NewRequest(http.MethodOptions, env.URL+"/oidc/token", nil)
	req.Header.Set("Origin", "https://app.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Access-Control-Allow-Origin") != "*" || res.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Fatalf("CORS preflight of the token endpoint: %v", res.Header)
	}
}
