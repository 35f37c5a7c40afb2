// Package config reads the portal's one Config from the environment and
// validates it, with messages that name the variable at fault.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Config is everything the server is told from outside.
type Config struct {
	Port           int          // PORT, default 8080
	BaseURL        *url.URL     // BASE_URL, default http://localhost:PORT
	DatabaseURL    string       // DATABASE_URL; empty means SQLite in DataDir
	DataDir        string       // DATA_DIR, default ./data
	MailgunDomain  string       // MAILGUN_DOMAIN
	MailgunAPIKey  string       // MAILGUN_API_KEY
	MailgunAPIBase string       // MAILGUN_API_BASE (e.g. https://api.eu.mailgun.net)
	MailFrom       string       // MAIL_FROM, default "<Brand> ID <no-reply@domain>"
	Brand          string       // BRAND, default "MINI"
	SecretKeys     [][]byte     // SECRET_KEY: hex keys of ≥ 32 bytes, newest first, comma-separated; else one generated into DATA_DIR/secret.key
	TrustedProxies []*net.IPNet // TRUSTED_PROXIES: CIDRs whose X-Forwarded-For is believed
	DevMailbox     bool         // DEV_MAILBOX; default on only for an http loopback BASE_URL without Mailgun
	Retention      Retention    // SWEEP_INTERVAL and RETENTION_*: what the sweeper removes when
	Outbox         Outbox       // MAIL_MAX_ATTEMPTS, MAIL_RETRY_*, CLAIM_LEASE: the mail worker's retries and leases
	OIDC           OIDC         // OIDC_*: the OpenID Connect provider's apps and token lifetimes
	Care           Care         // METRICS_ADDR, TWILIO_*, MAILGUN_WEBHOOK_SIGNING_KEY, TERMS_VERSION, PRIVACY_VERSION
}

// DevMode reports whether mail goes to the dev mailbox, which serves every
// mail at /dev/mailbox to anyone who can reach the portal.
func (c Config) DevMode() bool { return c.DevMailbox }

// Secure reports whether the portal is served over HTTPS (Secure cookies,
// __Host- prefix, HSTS).
func (c Config) Secure() bool { return c.BaseURL.Scheme == "https" }

// FromEnv reads and validates the configuration. getenv is os.Getenv in
// production and a map in tests.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{
		DataDir:        orDefault(getenv("DATA_DIR"), "./data"),
		DatabaseURL:    strings.TrimSpace(getenv("DATABASE_URL")),
		MailgunDomain:  strings.TrimSpace(getenv("MAILGUN_DOMAIN")),
		MailgunAPIKey:  strings.TrimSpace(getenv("MAILGUN_API_KEY")),
		MailgunAPIBase: strings.TrimSpace(getenv("MAILGUN_API_BASE")),
		Brand:          orDefault(strings.TrimSpace(getenv("BRAND")), "MINI"),
	}
	port, err := strconv.Atoi(orDefault(getenv("PORT"), "8080"))
	if err != nil || port < 1 || port > 65535 {
		return c, errors.New("config: PORT must be a number from 1 to 65535")
	}
	c.Port = port

	base := orDefault(getenv("BASE_URL"), "http://localhost:"+strconv.Itoa(port))
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" {
		return c, errors.New("config: BASE_URL must be an absolute http(s) URL without a path, like https://id.example.com")
	}
	c.BaseURL = u

	if c.DatabaseURL != "" {
		d, err := url.Parse(c.DatabaseURL)
		if err != nil || (d.Scheme != "postgres" && d.Scheme != "postgresql") || d.Host == "" {
			return c, errors.New("config: DATABASE_URL must look like postgres://user:password@host:5432/dbname")
		}
	}

	if (c.MailgunDomain == "") != (c.MailgunAPIKey == "") {
		return c, errors.New("config: MAILGUN_DOMAIN and MAILGUN_API_KEY must both be set (or neither, for the dev mailbox)")
	}
	if c.MailgunAPIBase != "" {
		if c.MailgunDomain == "" {
			return c, errors.New("config: MAILGUN_API_BASE is set but MAILGUN_DOMAIN and MAILGUN_API_KEY are not")
		}
		if b, err := url.Parse(c.MailgunAPIBase); err != nil || b.Scheme != "https" || b.Host == "" {
			return c, errors.New("config: MAILGUN_API_BASE must be an https URL, like https://api.eu.mailgun.net")
		}
	}
	c.MailFrom = strings.TrimSpace(getenv("MAIL_FROM"))
	if c.MailFrom == "" {
		domain := c.MailgunDomain
		if domain == "" {
			domain = "localhost"
		}
		c.MailFrom = c.Brand + " ID <no-reply@" + domain + ">"
	}

	if err := c.readDevMailbox(getenv("DEV_MAILBOX")); err != nil {
		return c, err
	}
	if err := c.Retention.read(getenv); err != nil {
		return c, err
	}
	if err := c.Outbox.read(getenv); err != nil {
		return c, err
	}
	if err := c.OIDC.read(getenv); err != nil {
		return c, err
	}
	if err := c.Care.read(getenv, c.MailgunDomain != ""); err != nil {
		return c, err
	}

	// SECRET_KEY is a ring: the first key signs and keys everything new, the
	// others still verify what they made until they are removed.
	for i, key := range strings.Split(getenv("SECRET_KEY"), ",") {
		key = strings.TrimSpace(key)
		if key == "" {
			if i > 0 {
				return c, errors.New("config: SECRET_KEY has an empty key in its comma-separated list")
			}
			continue
		}
		b, err := hex.DecodeString(key)
		if err != nil || len(b) < 32 {
			return c, fmt.Errorf("config: SECRET_KEY key %d must be at least 32 bytes written as hex (64 hex digits)", i+1)
		}
		c.SecretKeys = append(c.SecretKeys, b)
	}

	for _, cidr := range strings.FieldsFunc(getenv("TRUSTED_PROXIES"), func(r rune) bool { return r == ',' || r == ' ' }) {
		if !strings.Contains(cidr, "/") {
			if strings.Contains(cidr, ":") {
				cidr += "/128"
			} else {
				cidr += "/32"
			}
		}
		_, n, err := net.ParseCIDR(cidr)
		if err != nil {
			return c, fmt.Errorf("config: TRUSTED_PROXIES: %q is not an IP address or CIDR", cidr)
		}
		c.TrustedProxies = append(c.TrustedProxies, n)
	}
	return c, nil
}

// LoadOrCreateSecret fills c.SecretKeys from DATA_DIR/secret.key, creating the
// file with 32 random bytes on first start, so `make run` needs no setup.
// With several processes on one PostgreSQL, set SECRET_KEY instead.
func (c *Config) LoadOrCreateSecret() error {
	if len(c.SecretKeys) > 0 {
		return nil
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return fmt.Errorf("config: DATA_DIR %s: %w", c.DataDir, err)
	}
	path := filepath.Join(c.DataDir, "secret.key")
	if b, err := os.ReadFile(path); err == nil {
		key, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(key) < 32 {
			return fmt.Errorf("config: %s is not 32+ bytes of hex; remove it to make a new one", path)
		}
		c.SecretKeys = [][]byte{key}
		return nil
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return fmt.Errorf("config: generate secret: %w", err)
	}
	if err := os.WriteFile(path, []byte(hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		return fmt.Errorf("config: write %s: %w", path, err)
	}
	c.SecretKeys = [][]byte{key}
	return nil
}

func orDefault(v, def string) string {
	if strings.TrimSpace(v) == "" {
		return def
	}
	return v
}
