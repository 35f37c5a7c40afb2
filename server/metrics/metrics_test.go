package metrics_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// scrape reads the portal's metrics the way Prometheus does and parses the
// text with Prometheus's own parser.
func scrape(t *testing.T, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.Header.Set("Accept", "text/plain; version=0.0.4")
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("scrape: %d", rec.Code)
	}
	return parse(t, rec.Body)
}

func parse(t *testing.T, r io.Reader) map[string]*dto.MetricFamily {
	t.Helper()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(r)
	if err != nil {
		t.Fatalf("parse the scrape: %v", err)
	}
	return fams
}

// value is the value of the series of family name whose labels include
// want; -1 when there is no such series.
func value(fams map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	f := fams[name]
	if f == nil {
		return -1
	}
	for _, m := range f.GetMetric() {
		ok := true
		for k, v := range want {
			found := false
			for _, l := range m.GetLabel() {
				if l.GetName() == k && l.GetValue() == v {
					found = true
				}
			}
			ok = ok && found
		}
		if !ok {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.GetCounter().GetValue()
		case m.Gauge != nil:
			return m.GetGauge().GetValue()
		case m.Histogram != nil:
			return float64(m.GetHistogram().GetSampleCount())
		}
	}
	return -1
}

// The scrape names what an operator watches, with values that follow what
// happened: requests by route pattern and status, refusals (every one, not
// the sampled log's), logins by method and outcome, codes and mails, the
// outbox and its dead letters, the argon2 queue, the pool and the runtime.
func TestScrapeCountsWhatHappened(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "metrics@example.com"
		env.Register(email)
		for i := 0; i < 3; i++ {
			env.Login(email, "not the password 1")
		}
		env.Login(email, portaltest.Password)
		env.Client().Get("/api/v1/help/articles/no-such-article")

		fams := scrape(t, env.Portal.MetricsHandler())
		checks := []struct {
			name   string
			labels map[string]string
			least  float64
		}{
			{"miniid_http_requests_total", map[string]string{"route": "POST /api/v1/login", "status": "401"}, 3},
			{"miniid_http_requests_total", map[string]string{"route": "POST /api/v1/login", "status": "200"}, 1},
			{"miniid_http_request_duration_seconds", map[string]string{"route": "POST /api/v1/register", "status": "202"}, 1},
			{"miniid_http_refusals_total", map[string]string{"route": "POST /api/v1/login", "status": "401", "code": api.CodeInvalidLogin}, 3},
			{"miniid_logins_total", map[string]string{"method": "password", "outcome": "failure"}, 3},
			{"miniid_logins_total", map[string]string{"method": "password", "outcome": "success"}, 1},
			{"miniid_logins_total", map[string]string{"method": "email_link", "outcome": "success"}, 1},
			{"miniid_mails_enqueued_total", map[string]string{"kind": "confirm_email", "channel": "email"}, 1},
			{"miniid_outbox_deliveries_total", map[string]string{"channel": "email", "result": "sent"}, 1},
			{"miniid_argon2_queue_wait_seconds", nil, 5},
			{"miniid_outbox_waiting", map[string]string{"channel": "email"}, 0},
			{"miniid_outbox_dead", map[string]string{"channel": "sms"}, 0},
			{"go_sql_open_connections", nil, 0},
			{"go_goroutines", nil, 1},
		}
		for _, c := range checks {
			if got := value(fams, c.name, c.labels); got < c.least {
				t.Errorf("%s%v = %v, want at least %v", c.name, c.labels, got, c.least)
			}
		}
		for _, f := range fams["miniid_http_requests_total"].GetMetric() {
			for _, l := range f.GetLabel() {
				if l.GetName() == "route" && strings.Contains(l.GetValue(), "no-such-article") {
					t.Errorf("a raw path became a label: %s", l.GetValue())
				}
			}
		}
	})
}

// Codes are counted, and the outbox's depth, age and dead letters are read
// from the database at each scrape.
func TestScrapeReadsTheOutbox(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "codes@example.com"
	c := env.Register(email)
	env.Mails(email)
	if r := c.Post(api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != 200 {
		t.Fatalf("start two-factor: %d %s", r.Status, r.Body)
	}
	fams := scrape(t, env.Portal.MetricsHandler())
	if got := value(fams, "miniid_codes_sent_total", map[string]string{"kind": "two_factor_on_code"}); got != 1 {
		t.Errorf("codes sent: %v, want 1", got)
	}
	if got := value(fams, "miniid_outbox_waiting", map[string]string{"channel": "email"}); got != 1 {
		t.Errorf("outbox waiting: %v, want 1 (the code's mail is not delivered yet)", got)
	}
	if got := value(fams, "miniid_outbox_oldest_waiting_seconds", map[string]string{"channel": "email"}); got < 0 {
		t.Errorf("oldest waiting age missing")
	}
	if _, err := env.DB.Bun.NewUpdate().Table("outbox").Set("dead_at = ?", env.Clock.Now()).Where("sent_at IS NULL").Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	fams = scrape(t, env.Portal.MetricsHandler())
	if got := value(fams, "miniid_outbox_dead", map[string]string{"channel": "email"}); got != 1 {
		t.Errorf("dead letters: %v, want 1", got)
	}
	if got := value(fams, "miniid_outbox_waiting", map[string]string{"channel": "email"}); got != 0 {
		t.Errorf("a dead letter still counts as waiting: %v", got)
	}
}

// A 429 of the per-address budget is counted with its budget.
func TestScrapeCountsRateLimits(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	limited := 0
	for i := 0; i < 8; i++ {
		if r := c.Post(api.PathForgot, api.EmailRequest{Email: "nobody@example.com"}); r.Status == 429 {
			limited++
		}
	}
	if limited == 0 {
		t.Fatal("the budget never ran out")
	}
	fams := scrape(t, env.Portal.MetricsHandler())
	if got := value(fams, "miniid_rate_limited_total", map[string]string{"route": "POST " + api.PathForgot, "budget": "ip"}); got != float64(limited) {
		t.Errorf("rate limited: %v, want %d", got, limited)
	}
}

// The metrics have a listener of their own; the public port does not serve
// them. /healthz says alive, /readyz says the database answers.
func TestMetricsListenerAndProbes(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- env.Portal.ServeMetrics(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the metrics listener did not stop")
		}
	})
	res, err := http.Get("http://" + ln.Addr().String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("metrics listener: %d", res.StatusCode)
	}
	if fams := parse(t, res.Body); fams["miniid_http_requests_total"] == nil && fams["go_goroutines"] == nil {
		t.Fatal("the metrics listener serves no metrics")
	}
	c := env.Client()
	if r := c.Get("/metrics"); strings.Contains(string(r.Body), "go_goroutines") {
		t.Fatal("the public port serves the metrics")
	}
	if r := c.Get("/healthz"); r.Status != 200 {
		t.Errorf("healthz: %d", r.Status)
	}
	if r := c.Get("/readyz"); r.Status != 200 || string(r.Body) != "ready\n" {
		t.Errorf("readyz: %d %q", r.Status, r.Body)
	}
	env.Portal.DB().DB.Close() // the portal's own pool: its database is gone
	if r := c.Get("/readyz"); r.Status != 503 {
		t.Errorf("readyz with the database gone: %d", r.Status)
	}
	if r := c.Get("/healthz"); r.Status != 200 {
		t.Errorf("healthz with the database gone (the process is alive): %d", r.Status)
	}
}
