package config

import (
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
	}{
		{name: "defaults", env: map[string]string{}},
		{name: "bad port", env: map[string]string{"PORT": "eighty"}, wantErr: "PORT"},
		{name: "bad base url", env: map[string]string{"BASE_URL": "localhost:8080"}, wantErr: "BASE_URL"},
		{name: "base url with path", env: map[string]string{"BASE_URL": "https://x.example/id"}, wantErr: "BASE_URL"},
		{name: "bad database url", env: map[string]string{"DATABASE_URL": "mysql://x"}, wantErr: "DATABASE_URL"},
		{name: "half mailgun domain", env: map[string]string{"MAILGUN_DOMAIN": "mg.example.com"}, wantErr: "MAILGUN_DOMAIN and MAILGUN_API_KEY must both be set"},
		{name: "half mailgun key", env: map[string]string{"MAILGUN_API_KEY": "key"}, wantErr: "MAILGUN_DOMAIN and MAILGUN_API_KEY must both be set"},
		{name: "api base alone", env: map[string]string{"MAILGUN_API_BASE": "https://api.eu.mailgun.net"}, wantErr: "MAILGUN_API_BASE"},
		{name: "mailgun eu", env: map[string]string{"MAILGUN_DOMAIN": "mg.example.com", "MAILGUN_API_KEY": "k", "MAILGUN_API_BASE": "https://api.eu.mailgun.net", "BASE_URL": "https://id.example.com"}},
		{name: "bad dev mailbox", env: map[string]string{"DEV_MAILBOX": "sure"}, wantErr: "DEV_MAILBOX"},
		{name: "short secret", env: map[string]string{"SECRET_KEY": "abcd"}, wantErr: "SECRET_KEY"},
		{name: "bad proxy", env: map[string]string{"TRUSTED_PROXIES": "10.0.0.0/8, nope"}, wantErr: "TRUSTED_PROXIES"},
		{name: "good proxies", env: map[string]string{"TRUSTED_PROXIES": "10.0.0.0/8 127.0.0.1 ::1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FromEnv(env(tt.env))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one naming %q", err, tt.wantErr)
			}
			_ = c
		})
	}
}

func TestDefaultsAndSecret(t *testing.T) {
	dir := t.TempDir()
	c, err := FromEnv(env(map[string]string{"DATA_DIR": dir}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 8080 || c.BaseURL.String() != "http://localhost:8080" || c.Brand != "MINI" || !c.DevMode() || c.Secure() {
		t.Fatalf("defaults wrong: %+v", c)
	}
	if err := c.LoadOrCreateSecret(); err != nil || len(c.SecretKeys) != 1 || len(c.SecretKeys[0]) != 32 {
		t.Fatalf("secret: %v %d", err, len(c.SecretKeys))
	}
	c2, _ := FromEnv(env(map[string]string{"DATA_DIR": dir}))
	if err := c2.LoadOrCreateSecret(); err != nil || string(c2.SecretKeys[0]) != string(c.SecretKeys[0]) {
		t.Fatal("secret not kept across starts")
	}
}

func TestSecretKeyRing(t *testing.T) {
	newest, older := strings.Repeat("ab", 32), strings.Repeat("cd", 40)
	c, err := FromEnv(env(map[string]string{"SECRET_KEY": newest + ", " + older}))
	if err != nil || len(c.SecretKeys) != 2 || c.SecretKeys[0][0] != 0xab || c.SecretKeys[1][0] != 0xcd {
		t.Fatalf("ring: %v %v", err, c.SecretKeys)
	}
	for _, bad := range []string{newest + ",", newest + ",abcd", "xyz"} {
		if _, err := FromEnv(env(map[string]string{"SECRET_KEY": bad})); err == nil || !strings.Contains(err.Error(), "SECRET_KEY") {
			t.Errorf("SECRET_KEY=%q: %v", bad, err)
		}
	}
}

// The dev mailbox shows every mail, reset links included, to anyone who can
// reach the portal: it is on by default only where nobody else can, at an
// http loopback BASE_URL, and a public portal without a mail provider does
// not start.
func TestDevMailboxIsExplicit(t *testing.T) {
	tests := []struct {
		name    string
		base    string
		dev     string // DEV_MAILBOX
		mailgun bool
		want    bool   // dev mailbox on
		wantErr string // every variable the one line must name
	}{
		{name: "localhost", base: "http://localhost:8080", want: true},
		{name: "default base url", base: "", want: true},
		{name: "127.0.0.1", base: "http://127.0.0.1:41234", want: true},
		{name: "elsewhere in 127/8", base: "http://127.8.9.10", want: true},
		{name: "ipv6 loopback", base: "http://[::1]:8080", want: true},
		{name: "LOCALHOST in capitals", base: "http://LOCALHOST:8080", want: true},
		{name: "public https", base: "https://id.example.com", wantErr: "BASE_URL MAILGUN_DOMAIN MAILGUN_API_KEY DEV_MAILBOX=1"},
		{name: "https on loopback", base: "https://localhost:8443", wantErr: "BASE_URL MAILGUN_DOMAIN MAILGUN_API_KEY DEV_MAILBOX=1"},
		{name: "private address", base: "http://192.168.1.20:8080", wantErr: "BASE_URL MAILGUN_DOMAIN MAILGUN_API_KEY DEV_MAILBOX=1"},
		{name: "all interfaces", base: "http://0.0.0.0:8080", wantErr: "BASE_URL MAILGUN_DOMAIN MAILGUN_API_KEY DEV_MAILBOX=1"},
		{name: "a name that only starts like localhost", base: "http://localhost.example.com", wantErr: "BASE_URL MAILGUN_DOMAIN MAILGUN_API_KEY DEV_MAILBOX=1"},
		{name: "explicitly on for a public demo", base: "https://demo.example.com", dev: "1", want: true},
		{name: "explicitly off without a provider", base: "http://localhost:8080", dev: "0", wantErr: "MAILGUN_DOMAIN MAILGUN_API_KEY DEV_MAILBOX"},
		{name: "mailgun in production", base: "https://id.example.com", mailgun: true, want: false},
		{name: "mailgun on a laptop", base: "http://localhost:8080", mailgun: true, want: false},
		{name: "mailgun and the dev mailbox at once", base: "http://localhost:8080", dev: "1", mailgun: true, wantErr: "DEV_MAILBOX MAILGUN_DOMAIN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := map[string]string{"BASE_URL": tt.base, "DEV_MAILBOX": tt.dev}
			if tt.mailgun {
				e["MAILGUN_DOMAIN"], e["MAILGUN_API_KEY"] = "mg.example.com", "key-test"
			}
			c, err := FromEnv(env(e))
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("started with dev mailbox %v, want a refusal", c.DevMode())
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("more than one line: %q", err)
				}
				for _, name := range strings.Fields(tt.wantErr) {
					if !strings.Contains(err.Error(), name) {
						t.Errorf("error %q does not name %s", err, name)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if c.DevMode() != tt.want {
				t.Fatalf("dev mailbox %v, want %v", c.DevMode(), tt.want)
			}
		})
	}
}

func TestRetention(t *testing.T) {
	c, err := FromEnv(env(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Retention != DefaultRetention() || c.Retention.Codes != 24*time.Hour || c.Retention.SecurityEvents != 365*24*time.Hour || c.Retention.SweepInterval != 5*time.Minute {
		t.Fatalf("defaults: %+v", c.Retention)
	}
	c, err = FromEnv(env(map[string]string{"RETENTION_OUTBOX": "30d", "RETENTION_CODES": "36h", "SWEEP_INTERVAL": "90s"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Retention.Outbox != 30*24*time.Hour || c.Retention.Codes != 36*time.Hour || c.Retention.SweepInterval != 90*time.Second {
		t.Fatalf("set: %+v", c.Retention)
	}
	for _, tt := range []struct{ name, value, want string }{
		{"RETENTION_TOKENS", "soon", "RETENTION_TOKENS must be a period like 90m, 36h or 30d"},
		{"RETENTION_OUTBOX", "-1d", "RETENTION_OUTBOX must be a period"},
		{"RETENTION_CODES", "30m", "RETENTION_CODES must be at least 1h"},
		{"RETENTION_LOGIN_FAILURES", "0", "RETENTION_LOGIN_FAILURES must be at least 1h"},
		{"RETENTION_SECURITY_EVENTS", "12h", "RETENTION_SECURITY_EVENTS must be at least 1d"},
		{"SWEEP_INTERVAL", "1s", "SWEEP_INTERVAL must be at least 1m"},
	} {
		if _, err := FromEnv(env(map[string]string{tt.name: tt.value})); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s=%s: error %v, want %q", tt.name, tt.value, err, tt.want)
		}
	}
}

// The provider's periods have defaults, bounds, and the rotation outlasts
// the ID tokens.
func TestOIDCPeriods(t *testing.T) {
	pairs := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return env(m)
	}
	c, err := FromEnv(pairs())
	if err != nil || c.OIDC != DefaultOIDC() || c.OIDC.AccessTokenTTL != 10*time.Minute || c.OIDC.RefreshTokenTTL != 30*24*time.Hour {
		t.Fatalf("defaults: %+v %v", c.OIDC, err)
	}
	for _, bad := range [][]string{
		{"OIDC_ACCESS_TOKEN_LIFETIME", "2d"},
		{"OIDC_ID_TOKEN_LIFETIME", "1s"},
		{"OIDC_REFRESH_TOKEN_LIFETIME", "soon"},
		{"OIDC_KEY_ROTATION", "5m", "OIDC_ID_TOKEN_LIFETIME", "10m"},
	} {
		if _, err := FromEnv(pairs(bad...)); err == nil || !strings.Contains(err.Error(), "OIDC_") {
			t.Errorf("%v: %v", bad, err)
		}
	}
	c, err = FromEnv(pairs("OIDC_CLIENTS", " /etc/miniid/clients.json ", "OIDC_KEY_ROTATION", "90d"))
	if err != nil || c.OIDC.ClientsFile != "/etc/miniid/clients.json" || c.OIDC.KeyRotation != 90*24*time.Hour {
		t.Fatalf("set: %+v %v", c.OIDC, err)
	}
}
