package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Retention is how long the sweeper (server/sweep) keeps rows that have
// outlived their use, and how often it looks. Each period counts from the
// moment the row stopped being needed, as its comment says.
type Retention struct {
	SweepInterval  time.Duration // SWEEP_INTERVAL: time between rounds (of all processes together)
	LoginFailures  time.Duration // RETENTION_LOGIN_FAILURES: after the last wrong password, once no block is in force
	Codes          time.Duration // RETENTION_CODES: after a code expired
	Tokens         time.Duration // RETENTION_TOKENS: after a link token expired
	Outbox         time.Duration // RETENTION_OUTBOX: after a mail was written, once it was sent or given up (dev mailbox too)
	DeadMail       time.Duration // RETENTION_DEAD_MAIL: after a mail was given up, its bodies are blanked
	SecurityEvents time.Duration // RETENTION_SECURITY_EVENTS: after an event was recorded
	HelpReads      time.Duration // RETENTION_HELP_READS: after the day of a help article read mark
}

// retentionVar is one variable of Retention: its name, default, least value
// and where the value goes.
type retentionVar struct {
	name     string
	def, min time.Duration
	dst      *time.Duration
}

// vars lists the variables of r. The least values keep what the limits
// read: the resend limits count the codes of the last hour, the
// wrong-password count its recent failures.
func (r *Retention) vars() []retentionVar {
	const day = 24 * time.Hour
	return []retentionVar{
		{"SWEEP_INTERVAL", 5 * time.Minute, time.Minute, &r.SweepInterval},
		{"RETENTION_LOGIN_FAILURES", day, time.Hour, &r.LoginFailures},
		{"RETENTION_CODES", day, time.Hour, &r.Codes},
		{"RETENTION_TOKENS", day, time.Hour, &r.Tokens},
		{"RETENTION_OUTBOX", 7 * day, time.Hour, &r.Outbox},
		{"RETENTION_DEAD_MAIL", day, time.Hour, &r.DeadMail},
		{"RETENTION_SECURITY_EVENTS", 365 * day, day, &r.SecurityEvents},
		{"RETENTION_HELP_READS", 7 * day, day, &r.HelpReads},
	}
}

// DefaultRetention is the Retention of an environment that sets none of its
// variables.
func DefaultRetention() Retention {
	var r Retention
	for _, v := range r.vars() {
		*v.dst = v.def
	}
	return r
}

// read fills r from the environment.
func (r *Retention) read(getenv func(string) string) error {
	for _, v := range r.vars() {
		d, err := readPeriod(getenv, v.name, v.def, v.min, 0)
		if err != nil {
			return err
		}
		*v.dst = d
	}
	return nil
}

// readPeriod reads the period variable name: def when it is unset, else at
// least min and, when max is not 0, at most max.
func readPeriod(getenv func(string) string, name string, def, min, max time.Duration) (time.Duration, error) {
	s := strings.TrimSpace(getenv(name))
	if s == "" {
		return def, nil
	}
	d, ok := parsePeriod(s)
	switch {
	case !ok:
		return 0, fmt.Errorf("config: %s must be a period like 90m, 36h or 30d, not %q", name, s)
	case max > 0 && (d < min || d > max):
		return 0, fmt.Errorf("config: %s must be from %s to %s", name, formatPeriod(min), formatPeriod(max))
	case d < min:
		return 0, fmt.Errorf("config: %s must be at least %s", name, formatPeriod(min))
	}
	return d, nil
}

// parsePeriod reads Go's durations ("90m", "36h") and whole days ("30d"),
// which Go's syntax lacks and retention periods need.
func parsePeriod(s string) (time.Duration, bool) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 || n > 100*365 {
			return 0, false
		}
		return time.Duration(n) * 24 * time.Hour, true
	}
	d, err := time.ParseDuration(s)
	return d, err == nil && d >= 0
}

// formatPeriod writes d the way parsePeriod reads it, in days when whole.
func formatPeriod(d time.Duration) string {
	if d >= 24*time.Hour && d%(24*time.Hour) == 0 {
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	return strings.TrimSuffix(strings.TrimSuffix(d.String(), "0s"), "0m")
}
