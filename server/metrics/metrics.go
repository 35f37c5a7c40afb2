// Package metrics counts what an operator of the portal watches: requests
// and their latency by route and status, refusals, logins by method and
// outcome, codes and mails sent, the outbox, the argon2 queue, the database
// pool and the Go runtime. They are served as Prometheus text on a listener
// of their own (METRICS_ADDR), never on the public port.
//
// It is github.com/prometheus/client_golang, the reference client: its
// registry, histograms and text exposition are not ours to get wrong. Each
// portal has its own registry, so several portals in one test process do
// not collide.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/uptrace/bun"
)

// Metrics holds one portal's collectors. A nil *Metrics counts nothing, so
// code that is handed none needs no checks.
type Metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	refusals    *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
	logins      *prometheus.CounterVec
	mails       *prometheus.CounterVec
	codes       *prometheus.CounterVec
	deliveries  *prometheus.CounterVec
	hashWait    prometheus.Histogram
}

// New makes the collectors and registers them, with the outbox read from
// db at each scrape, db's connection pool, and the Go runtime and process.
func New(db *bun.DB) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "miniid_http_requests_total", Help: "HTTP requests answered, by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "miniid_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern and status.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "status"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "miniid_http_refusals_total", Help: "Refused requests (4xx), by route pattern, status and error code; all of them, also those the sampled log leaves out.",
		}, []string{"route", "status", "code"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "miniid_rate_limited_total", Help: "Requests refused with 429, by route pattern and budget (ip: the per-address budget; account: an account's code and mail limits).",
		}, []string{"route", "budget"}),
		logins: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "miniid_logins_total", Help: "Sign-in steps, by the method proven and the outcome (success, second_factor, failure, blocked, not_confirmed, rate_limited, error).",
		}, []string{"method", "outcome"}),
		mails: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "miniid_mails_enqueued_total", Help: "Mails and text messages written to the outbox, by kind and channel (a transaction that rolls back afterwards counts too).",
		}, []string{"kind", "channel"}),
		codes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "miniid_codes_sent_total", Help: "One-time codes sent, by kind of mail or text message.",
		}, []string{"kind"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "miniid_outbox_deliveries_total", Help: "Delivery attempts of the outbox worker, by channel and result (sent, failed: retried later, rejected: given up at once).",
		}, []string{"channel", "result"}),
		hashWait: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "miniid_argon2_queue_wait_seconds", Help: "Time a password hash or check waited for one of the argon2id slots (one per core).",
			Buckets: []float64{.0005, .001, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.refusals, m.rateLimited, m.logins, m.mails, m.codes, m.deliveries, m.hashWait)
	m.reg.MustRegister(newOutboxCollector(db))
	m.reg.MustRegister(collectors.NewDBStatsCollector(db.DB, db.Dialect().Name().String()))
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics as Prometheus text (or OpenMetrics, when the
// scraper asks for it).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, Timeout: 10 * time.Second})
}

// Login counts a sign-in step.
func (m *Metrics) Login(method, outcome string) {
	if m != nil {
		m.logins.WithLabelValues(method, outcome).Inc()
	}
}

// Enqueued counts a message written to the outbox; code says it carries a
// one-time code.
func (m *Metrics) Enqueued(kind, channel string, code bool) {
	if m == nil {
		return
	}
	m.mails.WithLabelValues(kind, channel).Inc()
	if code {
		m.codes.WithLabelValues(kind).Inc()
	}
}

// HashWait records how long a hash waited for its slot.
func (m *Metrics) HashWait(d time.Duration) {
	if m != nil {
		m.hashWait.Observe(d.Seconds())
	}
}
