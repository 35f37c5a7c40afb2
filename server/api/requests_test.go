package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// postRoutes are every state-changing endpoint.
var postRoutes = []string{
	api.PathRegister, api.PathRegisterResend, api.PathConfirm, api.PathLogin, api.PathLoginCode,
	api.PathLoginResend, api.PathLogout, api.PathForgot, api.PathReset, api.PathStrength,
	api.PathTwoFactorStart, api.PathTwoFactorResend, api.PathTwoFactorConfirm,
	api.PathReauth, api.PathReauthConfirm, api.PathEmail, api.PathPassword, api.PathPhone, api.PathPhoneVerify,
	api.HelpVotePath("log-in"),
}

func TestBadBodiesGetTheEnvelopeNever500(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Register("bodies@example.com")
	bodies := []struct {
		name   string
		body   string
		ctype  string
		status int
	}{
		{"oversized", `{"email":"` + strings.Repeat("a", 70<<10) + `"}`, "application/json", 413},
		{"malformed", `{"email":`, "application/json", 400},
		{"unknown field", `{"emial":"x@example.com"}`, "application/json", 400},
		{"two values", `{} {}`, "application/json", 400},
		{"array", `[1,2]`, "application/json", 400},
		{"wrong type", `{"email": 5}`, "application/json", 400},
		{"form encoded", `email=x`, "application/x-www-form-urlencoded", 415},
	}
	for _, route := range postRoutes {
		if route == api.PathLogout || route == api.PathLoginResend || route == api.PathTwoFactorResend || route == api.PathReauthResend {
			continue // these take no body
		}
		for _, b := range bodies {
			env.Clock.Advance(time.Minute)
			r := c.Raw("POST", route, []byte(b.body), map[string]string{"Content-Type": b.ctype, "Origin": env.URL, api.HeaderCSRF: c.CSRF})
			if r.Status != b.status {
				t.Errorf("%s %s: %d %s, want %d", route, b.name, r.Status, r.Body, b.status)
				continue
			}
			if e := r.Error(t); e.Code == "" || e.Message == "" || strings.Contains(e.Message, "json:") {
				t.Errorf("%s %s: envelope %+v", route, b.name, e)
			}
		}
	}
}

func TestCSRF(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Register("csrf@example.com")
	body := []byte(`{"enable":true,"password":"x"}`)
	cases := []struct {
		name   string
		header map[string]string
	}{
		{"no token", map[string]string{"Content-Type": "application/json", "Origin": env.URL}},
		{"wrong token", map[string]string{"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: "forged"}},
		{"other origin", map[string]string{"Content-Type": "application/json", "Origin": "https://evil.example", api.HeaderCSRF: c.CSRF}},
		{"no origin", map[string]string{"Content-Type": "application/json", api.HeaderCSRF: c.CSRF}},
	}
	for _, tt := range cases {
		r := c.Raw("POST", api.PathTwoFactorStart, body, tt.header)
		if r.Status != 403 || r.Error(t).Code != api.CodeCSRF {
			t.Errorf("%s: %d %s", tt.name, r.Status, r.Body)
		}
	}
	// Logging out also needs the token (no forced logout from other sites).
	if r := c.Raw("POST", api.PathLogout, nil, map[string]string{"Origin": "https://evil.example"}); r.Status != 403 {
		t.Errorf("cross-site logout: %d", r.Status)
	}
	if r := c.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("still logged in: %d", r.Status)
	}
	if r := c.Post(api.PathLogout, nil); r.Status != 200 {
		t.Fatalf("logout: %d", r.Status)
	}
	if r := c.Get(api.PathMe); r.Status != 401 {
		t.Fatalf("after logout: %d", r.Status)
	}
}

func TestThrottlingAnswers429WithRetryAfter(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	var last portaltest.Response
	for i := 0; i < 12; i++ {
		last = c.Post(api.PathForgot, api.EmailRequest{Email: "someone@example.com"})
	}
	if last.Status != 429 || last.Header.Get("Retry-After") == "" || last.Error(t).RetryAfter < 1 {
		t.Fatalf("12 quick resets: %d %v %s", last.Status, last.Header.Get("Retry-After"), last.Body)
	}
	env.Clock.Advance(time.Minute)
	if r := c.Post(api.PathForgot, api.EmailRequest{Email: "someone@example.com"}); r.Status != 202 {
		t.Fatalf("after waiting: %d", r.Status)
	}
}

func TestSecurityHeadersAndNotFound(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	for _, path := range []string{"/login", api.PathSession, "/healthz", "/no/such/page", "/api/v1/nothing"} {
		r := c.Get(path)
		csp := r.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if r.Header.Get("X-Content-Type-Options") != "nosniff" || r.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", path, r.Header)
		}
	}
	if r := c.Get("/no/such/page"); r.Status != 404 || !strings.Contains(string(r.Body), "Page not found") {
		t.Errorf("unknown page: %d", r.Status)
	}
	if r := c.Get("/api/v1/nothing"); r.Status != 404 || r.Error(t).Code != api.CodeNotFound {
		t.Errorf("unknown API path: %d %s", r.Status, r.Body)
	}
	if r := c.Get("/login"); r.Status != 200 || !strings.Contains(string(r.Body), "MINI ID") || !strings.Contains(string(r.Body), "E-mail address or Phone ID") {
		t.Errorf("prerendered login: %d", r.Status)
	}
	if r := c.Get("/help/no-such-article"); r.Status != 404 {
		t.Errorf("unknown help article: %d", r.Status)
	}
	if r := c.Get("/help/log-in"); r.Status != 200 {
		t.Errorf("help article: %d", r.Status)
	}
	if r := c.Get("/web/"); r.Status != 404 {
		t.Errorf("directory listing of /web/: %d", r.Status)
	}
	if r := c.Get("/healthz"); r.Status != 200 {
		t.Errorf("healthz: %d", r.Status)
	}
	if r := c.Get("/dev/mailbox.json"); r.Status != 200 || !strings.HasPrefix(string(r.Body), "[") {
		t.Errorf("dev mailbox: %d %s", r.Status, r.Body)
	}
}

func TestHTTPSCookieAndHSTS(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t), "BASE_URL", "https://id.example.com", "DEV_MAILBOX", "1")
	r := env.Client().Get(api.PathSession)
	cookie := r.Header.Get("Set-Cookie")
	for _, want := range []string{"__Host-miniid=", "Secure", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %q", cookie, want)
		}
	}
	if strings.Contains(cookie, "Domain=") {
		t.Errorf("__Host- cookie must not have a Domain: %q", cookie)
	}
	if !strings.Contains(r.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("no HSTS behind https: %v", r.Header)
	}
}

func TestAppJSShowsAPlainLoadFailure(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	r := env.Client().Get("/app.js")
	body := string(r.Body)
	if r.Status != 200 || strings.Contains(body, "loaderLabel.innerText = err;") || !strings.Contains(body, "MINI ID could not be loaded") {
		t.Fatalf("app.js: %d, plain message missing", r.Status)
	}
	if !strings.Contains(body, "goappInitWebAssembly") {
		t.Fatal("not go-app's app.js")
	}
}
