package config

import (
	"errors"
	"net"
	"net/url"
	"regexp"
	"strings"
)

// Care is the configuration of customer care and self-service (issue 17):
// metrics, the SMS provider, Mailgun's delivery webhook and the versions of
// the documents customers accept.
type Care struct {
	// MetricsAddr is METRICS_ADDR: where /metrics listens (":9090",
	// "127.0.0.1:9090"); empty turns metrics off.
	MetricsAddr string
	// TwilioAccountSID, TwilioAuthToken and TwilioFrom are TWILIO_ACCOUNT_SID,
	// TWILIO_AUTH_TOKEN and TWILIO_FROM: all three or none.
	TwilioAccountSID, TwilioAuthToken, TwilioFrom string
	// MailgunWebhookKey is MAILGUN_WEBHOOK_SIGNING_KEY: with it, Mailgun's
	// bounce and complaint events are accepted at /webhooks/mailgun.
	MailgunWebhookKey string
	// TermsVersion and PrivacyVersion are TERMS_VERSION and PRIVACY_VERSION:
	// a customer who has not accepted the current version is asked to at
	// the next login. Empty means the document is not versioned.
	TermsVersion, PrivacyVersion string
	// TermsURL and PrivacyURL are TERMS_URL and PRIVACY_URL: where the
	// registration's checkboxes (and the request to accept a new version)
	// link to, a path on the portal or an http(s) address. The privacy
	// notice defaults to the help centre's article; the terms have no
	// default (the operator's legal text): without one, no link is shown.
	TermsURL, PrivacyURL string
}

// Twilio reports whether an SMS provider is configured.
func (c Care) Twilio() bool { return c.TwilioAccountSID != "" }

var (
	twilioSID     = regexp.MustCompile(`^AC[0-9a-fA-F]{32}$`)
	e164          = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	alnum         = regexp.MustCompile(`^[A-Za-z0-9]+$`)
	documentLabel = regexp.MustCompile(`^[A-Za-z0-9._-]{1,40}$`)
)

// read fills c from the environment.
func (c *Care) read(getenv func(string) string, mailgun bool) error {
	c.MetricsAddr = strings.TrimSpace(getenv("METRICS_ADDR"))
	if c.MetricsAddr != "" {
		if _, port, err := net.SplitHostPort(c.MetricsAddr); err != nil || port == "" {
			return errors.New("config: METRICS_ADDR must be host:port or :port, like :9090 or 127.0.0.1:9090")
		}
	}
	c.TwilioAccountSID = strings.TrimSpace(getenv("TWILIO_ACCOUNT_SID"))
	c.TwilioAuthToken = strings.TrimSpace(getenv("TWILIO_AUTH_TOKEN"))
	c.TwilioFrom = strings.TrimSpace(getenv("TWILIO_FROM"))
	set := 0
	for _, v := range []string{c.TwilioAccountSID, c.TwilioAuthToken, c.TwilioFrom} {
		if v != "" {
			set++
		}
	}
	switch {
	case set != 0 && set != 3:
		return errors.New("config: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must all be set (or none: no SMS, so no Phone ID outside dev mode)")
	case set == 3 && !twilioSID.MatchString(c.TwilioAccountSID):
		return errors.New("config: TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits, as Twilio's console shows it")
	case set == 3 && !alnum.MatchString(c.TwilioAuthToken):
		return errors.New("config: TWILIO_AUTH_TOKEN must be letters and digits only, as Twilio's console shows it")
	case set == 3 && !e164.MatchString(c.TwilioFrom):
		return errors.New("config: TWILIO_FROM must be the sending number in E.164 form, like +4915112345678")
	}
	c.MailgunWebhookKey = strings.TrimSpace(getenv("MAILGUN_WEBHOOK_SIGNING_KEY"))
	if c.MailgunWebhookKey != "" && !mailgun {
		return errors.New("config: MAILGUN_WEBHOOK_SIGNING_KEY is set but MAILGUN_DOMAIN and MAILGUN_API_KEY are not")
	}
	c.TermsVersion = strings.TrimSpace(getenv("TERMS_VERSION"))
	c.PrivacyVersion = strings.TrimSpace(getenv("PRIVACY_VERSION"))
	for name, v := range map[string]string{"TERMS_VERSION": c.TermsVersion, "PRIVACY_VERSION": c.PrivacyVersion} {
		if v != "" && !documentLabel.MatchString(v) {
			return errors.New("config: " + name + " must be a short label of letters, digits, dots, dashes or underscores, like 2026-12")
		}
	}
	c.TermsURL = strings.TrimSpace(getenv("TERMS_URL"))
	c.PrivacyURL = orDefault(strings.TrimSpace(getenv("PRIVACY_URL")), DefaultPrivacyURL)
	for name, v := range map[string]string{"TERMS_URL": c.TermsURL, "PRIVACY_URL": c.PrivacyURL} {
		if v != "" && !documentURL(v) {
			return errors.New("config: " + name + " must be a path on the portal (like /help/privacy) or an http(s) address (like https://www.mini.com/terms)")
		}
	}
	return nil
}

// DefaultPrivacyURL is the help centre's article on privacy.
const DefaultPrivacyURL = "/help/privacy"

// documentURL reports whether v is a path on the portal or an absolute
// http(s) address: what a link to a legal document may be.
func documentURL(v string) bool {
	if strings.HasPrefix(v, "/") {
		return !strings.HasPrefix(v, "//") && !strings.ContainsAny(v, " \t\n\\")
	}
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}

// SMSAvailable reports whether the portal can deliver a text message: to
// the dev mailbox in dev mode, else through Twilio. Without it the portal
// does not offer Phone ID.
func (c Config) SMSAvailable() bool { return c.DevMode() || c.Care.Twilio() }

// Documents maps each versioned document ("terms", "privacy") to its
// current version; a document without a version is not asked for.
func (c Care) Documents() map[string]string {
	out := map[string]string{}
	if c.TermsVersion != "" {
		out["terms"] = c.TermsVersion
	}
	if c.PrivacyVersion != "" {
		out["privacy"] = c.PrivacyVersion
	}
	return out
}
