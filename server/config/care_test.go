package config

import (
	"strings"
	"testing"
)

func TestCareVariables(t *testing.T) {
	sid := "AC" + strings.Repeat("0a", 16)
	mailgun := map[string]string{"MAILGUN_DOMAIN": "mg.example.com", "MAILGUN_API_KEY": "k", "BASE_URL": "https://id.example.com"}
	with := func(base map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range base {
			out[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
		check   func(t *testing.T, c Config)
	}{
		{name: "nothing set", env: map[string]string{}, check: func(t *testing.T, c Config) {
			if c.Care.MetricsAddr != "" || c.Care.Twilio() || !c.SMSAvailable() {
				t.Fatalf("defaults: %+v, SMS available %v", c.Care, c.SMSAvailable())
			}
		}},
		{name: "metrics", env: map[string]string{"METRICS_ADDR": ":9090"}, check: func(t *testing.T, c Config) {
			if c.Care.MetricsAddr != ":9090" {
				t.Fatalf("METRICS_ADDR %q", c.Care.MetricsAddr)
			}
		}},
		{name: "metrics without port", env: map[string]string{"METRICS_ADDR": "localhost"}, wantErr: "METRICS_ADDR"},
		{name: "twilio half", env: map[string]string{"TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "t"}, wantErr: "TWILIO_FROM must all be set"},
		{name: "twilio bad sid", env: map[string]string{"TWILIO_ACCOUNT_SID": "nope", "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM": "+4915112345678"}, wantErr: "TWILIO_ACCOUNT_SID"},
		{name: "twilio bad from", env: map[string]string{"TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM": "0151 123"}, wantErr: "TWILIO_FROM"},
		{name: "production without sms", env: mailgun, check: func(t *testing.T, c Config) {
			if c.SMSAvailable() {
				t.Fatal("a production portal without Twilio says it can send SMS")
			}
		}},
		{name: "twilio token with symbols", env: map[string]string{"TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "to-ken", "TWILIO_FROM": "+4915112345678"}, wantErr: "TWILIO_AUTH_TOKEN"},
		{name: "production with twilio", env: with(mailgun, "TWILIO_ACCOUNT_SID", sid, "TWILIO_AUTH_TOKEN", "t", "TWILIO_FROM", "+4915112345678"), check: func(t *testing.T, c Config) {
			if !c.SMSAvailable() {
				t.Fatal("Twilio configured, SMS not available")
			}
		}},
		{name: "webhook key without mailgun", env: map[string]string{"MAILGUN_WEBHOOK_SIGNING_KEY": "k"}, wantErr: "MAILGUN_WEBHOOK_SIGNING_KEY"},
		{name: "webhook key", env: with(mailgun, "MAILGUN_WEBHOOK_SIGNING_KEY", "k")},
		{name: "terms version", env: map[string]string{"TERMS_VERSION": "2026-12", "PRIVACY_VERSION": "3"}, check: func(t *testing.T, c Config) {
			if c.Care.TermsVersion != "2026-12" || c.Care.PrivacyVersion != "3" {
				t.Fatalf("versions: %+v", c.Care)
			}
		}},
		{name: "bad terms version", env: map[string]string{"TERMS_VERSION": "new terms!"}, wantErr: "TERMS_VERSION"},
		{name: "document addresses by default", env: map[string]string{}, check: func(t *testing.T, c Config) {
			if c.Care.TermsURL != "" || c.Care.PrivacyURL != DefaultPrivacyURL {
				t.Fatalf("defaults: terms %q, privacy %q", c.Care.TermsURL, c.Care.PrivacyURL)
			}
		}},
		{name: "document addresses", env: map[string]string{"TERMS_URL": " https://www.mini.com/id-terms ", "PRIVACY_URL": "/legal/privacy"}, check: func(t *testing.T, c Config) {
			if c.Care.TermsURL != "https://www.mini.com/id-terms" || c.Care.PrivacyURL != "/legal/privacy" {
				t.Fatalf("terms %q, privacy %q", c.Care.TermsURL, c.Care.PrivacyURL)
			}
		}},
		{name: "terms address as a script", env: map[string]string{"TERMS_URL": "javascript:alert(1)"}, wantErr: "TERMS_URL"},
		{name: "terms address on another host without a scheme", env: map[string]string{"TERMS_URL": "//evil.example/terms"}, wantErr: "TERMS_URL"},
		{name: "privacy address with credentials", env: map[string]string{"PRIVACY_URL": "https://user:pw@example.com/p"}, wantErr: "PRIVACY_URL"},
		{name: "privacy address relative", env: map[string]string{"PRIVACY_URL": "privacy.html"}, wantErr: "PRIVACY_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FromEnv(env(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}
