package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Outbox is how the mail worker retries and how long work claimed by a
// process stays reserved for it. The defaults ride out about two hours of
// mail provider outage; tests of such an outage (server/reliability) run
// the same schedule scaled down to seconds.
type Outbox struct {
	MaxAttempts int           // MAIL_MAX_ATTEMPTS: tries before a mail is given up (a dead letter); 20
	RetryFirst  time.Duration // MAIL_RETRY_FIRST: wait after the first failure, doubled after each; 2s
	RetryMax    time.Duration // MAIL_RETRY_MAX: the most the doubled wait grows to; 10m
	// ClaimLease (CLAIM_LEASE) is how long an outbox row or a job stays
	// reserved for the process that claimed it: if that process dies, the
	// work is taken up again this long after; 2m. A send is cut off at half
	// of it, so that it cannot outlive its lease and go out twice.
	ClaimLease time.Duration
}

// read fills o from the environment.
func (o *Outbox) read(getenv func(string) string) error {
	o.MaxAttempts = 20
	if s := strings.TrimSpace(getenv("MAIL_MAX_ATTEMPTS")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 100 {
			return fmt.Errorf("config: MAIL_MAX_ATTEMPTS must be a whole number from 1 to 100, not %q", s)
		}
		o.MaxAttempts = n
	}
	for _, v := range []struct {
		name     string
		def, min time.Duration
		dst      *time.Duration
	}{
		{"MAIL_RETRY_FIRST", 2 * time.Second, 10 * time.Millisecond, &o.RetryFirst},
		{"MAIL_RETRY_MAX", 10 * time.Minute, 10 * time.Millisecond, &o.RetryMax},
		{"CLAIM_LEASE", 2 * time.Minute, 2 * time.Second, &o.ClaimLease},
	} {
		*v.dst = v.def
		s := strings.TrimSpace(getenv(v.name))
		if s == "" {
			continue
		}
		d, ok := parsePeriod(s)
		if !ok || d < v.min {
			return fmt.Errorf("config: %s must be a period of at least %s, like 2s, 90m or 1d, not %q", v.name, v.min, s)
		}
		*v.dst = d
	}
	if o.RetryMax < o.RetryFirst {
		return fmt.Errorf("config: MAIL_RETRY_MAX (%s) must not be shorter than MAIL_RETRY_FIRST (%s)", o.RetryMax, o.RetryFirst)
	}
	return nil
}
