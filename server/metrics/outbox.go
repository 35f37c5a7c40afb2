package metrics

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
)

// outboxCollector reads the outbox at each scrape: a gauge kept in memory
// would be one process's view, but every process of a deployment shares
// the one outbox.
type outboxCollector struct {
	db                    *bun.DB
	waiting, oldest, dead *prometheus.Desc
}

func newOutboxCollector(db *bun.DB) *outboxCollector {
	return &outboxCollector{
		db:      db,
		waiting: prometheus.NewDesc("miniid_outbox_waiting", "Messages in the outbox not yet delivered (nor given up), by channel.", []string{"channel"}, nil),
		oldest:  prometheus.NewDesc("miniid_outbox_oldest_waiting_seconds", "Age of the oldest message still waiting for delivery, by channel (0 when none waits).", []string{"channel"}, nil),
		dead:    prometheus.NewDesc("miniid_outbox_dead", "Dead letters: messages given up after their last try and not yet removed, by channel.", []string{"channel"}, nil),
	}
}

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.waiting
	ch <- c.oldest
	ch <- c.dead
}

func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	stats, err := store.ReadOutboxStats(ctx, c.db)
	if err != nil {
		// A scrape without these series shows the gap; the reason is logged.
		slog.Warn("metrics: outbox unreadable", "err", err)
		return
	}
	seen := map[string]bool{}
	for _, s := range stats {
		seen[s.Channel] = true
		age := 0.0
		if s.Oldest != nil {
			age = max(time.Since(*s.Oldest).Seconds(), 0)
		}
		ch <- prometheus.MustNewConstMetric(c.waiting, prometheus.GaugeValue, float64(s.Waiting), s.Channel)
		ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, age, s.Channel)
		ch <- prometheus.MustNewConstMetric(c.dead, prometheus.GaugeValue, float64(s.Dead), s.Channel)
	}
	// Both channels always appear, so an alert on them has a series to read.
	for _, channel := range []string{"email", "sms"} {
		if !seen[channel] {
			ch <- prometheus.MustNewConstMetric(c.waiting, prometheus.GaugeValue, 0, channel)
			ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, 0, channel)
			ch <- prometheus.MustNewConstMetric(c.dead, prometheus.GaugeValue, 0, channel)
		}
	}
}
