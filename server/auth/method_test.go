package auth

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// The RFC 8176 values tokens carry for each way in (OpenID Connect reads
// them through AMRValues), and the level each reaches.
func TestAMRValuesAndLevels(t *testing.T) {
	s := &Service{}
	for _, c := range []struct {
		methods []string
		amr     []string
		level   Level
	}{
		{[]string{MethodPassword}, []string{"pwd"}, LevelOneFactor},
		{[]string{MethodPassword, MethodEmailCode}, []string{"pwd", "otp", "mfa"}, LevelTwoFactors},
		{[]string{MethodPassword, MethodTOTP}, []string{"pwd", "otp", "mfa"}, LevelTwoFactors},
		// A recovery code has no RFC 8176 value of its own.
		{[]string{MethodPassword, MethodRecoveryCode}, []string{"pwd", "mfa"}, LevelTwoFactors},
		{[]string{MethodPasskey}, []string{"swk", "user", "mfa"}, LevelPhishingResistant},
		{[]string{MethodPassword, MethodPasskey}, []string{"pwd", "swk", "user", "mfa"}, LevelPhishingResistant},
	} {
		if got := s.AMRValues(c.methods); !slices.Equal(got, c.amr) {
			t.Errorf("AMRValues(%v) = %v, want %v", c.methods, got, c.amr)
		}
		if got := s.LevelOf(c.methods); got != c.level {
			t.Errorf("LevelOf(%v) = %q, want %q", c.methods, got, c.level)
		}
	}
}

// A code is found within one step of now, and only after the last one used.
func TestTOTPStep(t *testing.T) {
	key := "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
	now := time.Date(2026, 11, 27, 10, 0, 10, 0, time.UTC)
	code := func(d time.Duration) string {
		c, err := totp.GenerateCodeCustom(key, now.Add(d), totp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	current := now.Unix() / totpPeriod
	for _, c := range []struct {
		name  string
		input string
		after int64
		want  int64
	}{
		{"now", code(0), 0, current},
		{"now, typed with spaces", code(0)[:3] + " " + code(0)[3:], 0, current},
		{"the step before", code(-30 * time.Second), 0, current - 1},
		{"the step after (a clock ahead)", code(30 * time.Second), 0, current + 1},
		{"two steps back", code(-60 * time.Second), 0, 0},
		{"three steps back", code(-90 * time.Second), 0, 0},
		{"now, used already", code(0), current, 0},
		{"the step before, after now was used", code(-30 * time.Second), current, 0},
		{"not digits", "12a456", 0, 0},
	} {
		got, err := totpStep(key, c.input, now, c.after)
		if err != nil || got != c.want {
			t.Errorf("%s: step %d (err %v), want %d", c.name, got, err, c.want)
		}
	}
}

// Passkeys need a host name: an IP address or no address is refused.
func TestRelyingParty(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://id.example.com":   true,
		"http://localhost:8080":    true,
		"http://127.0.0.1:8080":    false,
		"http://[::1]:8080":        false,
		"https://203.0.113.7/base": false,
	} {
		u, _ := url.Parse(raw)
		rp, err := newRelyingParty(u, "MINI")
		if (err == nil) != ok {
			t.Errorf("%s: err %v", raw, err)
			continue
		}
		if ok && (rp.Config.RPID != u.Hostname() || rp.Config.RPOrigins[0] != u.Scheme+"://"+u.Host) {
			t.Errorf("%s: rp %q origins %v", raw, rp.Config.RPID, rp.Config.RPOrigins)
		}
	}
}
