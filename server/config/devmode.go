package config

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
)

// readDevMailbox decides whether the portal runs in dev mode (DEV_MAILBOX).
// The dev mailbox shows every mail, reset links and codes included, to
// anyone who can reach /dev/mailbox, so it is explicit: on by default only
// at an http loopback BASE_URL, where nobody else can reach it. A portal
// that has neither a mail provider nor the dev mailbox could never deliver
// a mail, so it does not start.
func (c *Config) readDevMailbox(v string) error {
	mailgun := c.MailgunDomain != ""
	switch v = strings.TrimSpace(v); v {
	case "":
		c.DevMailbox = !mailgun && c.BaseURL.Scheme == "http" && isLoopback(c.BaseURL.Hostname())
		if !mailgun && !c.DevMailbox {
			return fmt.Errorf("config: no mail provider for BASE_URL %s: set MAILGUN_DOMAIN and MAILGUN_API_KEY, "+
				"or DEV_MAILBOX=1 to show every mail to anyone at %s/dev/mailbox (on by default only for an http loopback BASE_URL)",
				c.BaseURL, c.BaseURL)
		}
		return nil
	}
	on, err := strconv.ParseBool(v)
	if err != nil {
		return errors.New("config: DEV_MAILBOX must be 1 (mail goes to /dev/mailbox) or 0")
	}
	switch {
	case on && mailgun:
		return errors.New("config: DEV_MAILBOX=1 and MAILGUN_DOMAIN are both set: choose the dev mailbox or Mailgun")
	case !on && !mailgun:
		return errors.New("config: DEV_MAILBOX=0 and no mail provider: set MAILGUN_DOMAIN and MAILGUN_API_KEY, or DEV_MAILBOX=1")
	}
	c.DevMailbox = on
	return nil
}

// isLoopback reports whether host names this machine only: localhost,
// 127.0.0.0/8 or ::1.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// DevMailboxIsPublic reports whether the dev mailbox is on although the
// portal may be reachable from elsewhere (DEV_MAILBOX=1 was set for it);
// the portal logs a warning then.
func (c Config) DevMailboxIsPublic() bool {
	return c.DevMailbox && (c.BaseURL.Scheme != "http" || !isLoopback(c.BaseURL.Hostname()))
}
