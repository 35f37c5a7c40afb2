package config

import (
	"strings"
	"testing"
	"time"
)

// The outbox's schedule has production defaults, can be scaled down (the
// fault tests run a provider outage in seconds), and refuses nonsense with
// a message naming the variable.
func TestOutboxSchedule(t *testing.T) {
	c, err := FromEnv(env(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Outbox{MaxAttempts: 20, RetryFirst: 2 * time.Second, RetryMax: 10 * time.Minute, ClaimLease: 2 * time.Minute}); c.Outbox != want {
		t.Fatalf("defaults: %+v, want %+v", c.Outbox, want)
	}
	c, err = FromEnv(env(map[string]string{"MAIL_MAX_ATTEMPTS": "6", "MAIL_RETRY_FIRST": "100ms", "MAIL_RETRY_MAX": "3s", "CLAIM_LEASE": "4s"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Outbox{MaxAttempts: 6, RetryFirst: 100 * time.Millisecond, RetryMax: 3 * time.Second, ClaimLease: 4 * time.Second}); c.Outbox != want {
		t.Fatalf("scaled: %+v, want %+v", c.Outbox, want)
	}
	for name, bad := range map[string]map[string]string{
		"MAIL_MAX_ATTEMPTS": {"MAIL_MAX_ATTEMPTS": "0"},
		"MAIL_RETRY_FIRST":  {"MAIL_RETRY_FIRST": "soon"},
		"CLAIM_LEASE":       {"CLAIM_LEASE": "1s"},
		"MAIL_RETRY_MAX":    {"MAIL_RETRY_FIRST": "1m", "MAIL_RETRY_MAX": "30s"},
	} {
		if _, err := FromEnv(env(bad)); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%v: error %v, want one naming %s", bad, err, name)
		}
	}
}
