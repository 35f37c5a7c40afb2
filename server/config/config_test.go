package config

import (
	"strings"
	"testing"
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
		{name: "mailgun eu", env: map[string]string{"MAILGUN_DOMAIN": "mg.example.com", "MAILGUN_API_KEY": "k", "MAILGUN_API_BASE": "https://api.eu.mailgun.net"}},
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
