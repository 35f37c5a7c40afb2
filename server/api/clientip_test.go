package api_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/minicorp/miniid/server/api"
	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	shared "github.com/minicorp/miniid/shared/api"
)

func cidrs(t *testing.T, list ...string) []*net.IPNet {
	t.Helper()
	var out []*net.IPNet
	for _, s := range list {
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// A client behind our proxies writes whatever X-Forwarded-For it likes; each
// proxy appends the address it saw, as a new list entry or as a header line
// of its own. Only the right-most address that no trusted proxy wrote is the
// client's.
func TestClientIPIsTheRightmostUntrustedHop(t *testing.T) {
	trusted := cidrs(t, "10.0.0.0/8", "127.0.0.1/32", "fd00::/8")
	tests := []struct {
		name  string
		peer  string
		lines []string // X-Forwarded-For header lines, in order
		want  string
	}{
		{name: "no proxy", peer: "198.51.100.9:5000", want: "198.51.100.9"},
		{name: "an untrusted peer's header is ignored", peer: "198.51.100.9:5000", lines: []string{"203.0.113.7"}, want: "198.51.100.9"},
		{name: "one proxy", peer: "10.0.0.2:80", lines: []string{"203.0.113.7"}, want: "203.0.113.7"},
		{name: "forged entries left of the real one", peer: "10.0.0.2:80", lines: []string{"6.6.6.6, 7.7.7.7, 203.0.113.7"}, want: "203.0.113.7"},
		{name: "forged first line, proxy's own line after it", peer: "10.0.0.2:80", lines: []string{"6.6.6.6", "203.0.113.7"}, want: "203.0.113.7"},
		{name: "two proxies, two lines", peer: "127.0.0.1:80", lines: []string{"6.6.6.6, 203.0.113.7", "10.0.0.2"}, want: "203.0.113.7"},
		{name: "forged trusted address on the client's own line", peer: "10.0.0.2:80", lines: []string{"10.9.9.9", "203.0.113.7"}, want: "203.0.113.7"},
		{name: "every hop trusted", peer: "10.0.0.2:80", lines: []string{"10.0.0.5, 10.0.0.3"}, want: "10.0.0.5"},
		{name: "ipv6 client", peer: "10.0.0.2:80", lines: []string{"2001:db8:1:2::7"}, want: "2001:db8:1:2::7"},
		{name: "entries with ports", peer: "10.0.0.2:80", lines: []string{"6.6.6.6", "[2001:db8::5]:4711, 10.0.0.3:443"}, want: "2001:db8::5"},
		{name: "empty entries are skipped", peer: "10.0.0.2:80", lines: []string{"6.6.6.6,,", " ", "203.0.113.7"}, want: "203.0.113.7"},
		{name: "garbage from a proxy falls back to the last hop", peer: "10.0.0.2:80", lines: []string{"203.0.113.7, unknown"}, want: "10.0.0.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			h := api.ClientIP(trusted, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got = audit.ClientIP(r.Context())
			}))
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = tt.peer
			for _, l := range tt.lines {
				req.Header.Add("X-Forwarded-For", l)
			}
			h.ServeHTTP(httptest.NewRecorder(), req)
			if got != tt.want {
				t.Fatalf("client = %q, want %q", got, tt.want)
			}
		})
	}
}

// An IPv6 customer gets a whole /64 from the provider: an attacker who
// rotates through it must still spend one budget, while the next /64 is a
// different customer.
func TestIPv6BudgetsArePerSlash64(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t), "TRUSTED_PROXIES", "127.0.0.0/8")
	c := env.Client()
	c.Session()
	forgot := func(from string) int {
		return c.Raw("POST", shared.PathForgot, []byte(`{"email":"nobody@example.com"}`), map[string]string{
			"Content-Type": "application/json", "Origin": env.URL, shared.HeaderCSRF: c.CSRF, "X-Forwarded-For": from,
		}).Status
	}
	refused := 0
	for i := 0; i < 20; i++ {
		if forgot("2001:db8:aa:bb:"+itoa(i+1)+"::1") == http.StatusTooManyRequests {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("20 requests from 20 addresses of one /64 all passed a budget of 5")
	}
	if s := forgot("2001:db8:aa:bc::1"); s != http.StatusAccepted {
		t.Fatalf("the neighbouring /64 was refused too: %d", s)
	}
	// IPv4 addresses stay apart.
	for i := 0; i < 8; i++ {
		if s := forgot("203.0.113." + itoa(i+1)); s != http.StatusAccepted {
			t.Fatalf("IPv4 address %d shares a budget with others: %d", i+1, s)
		}
	}
}
