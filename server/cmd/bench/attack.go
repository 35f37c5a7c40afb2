package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// attack is one vegeta run.
type attack struct {
	name     string
	targeter vegeta.Targeter
	workers  int          // requests in flight at most (and connections)
	pacer    vegeta.Pacer // nil: as fast as the workers get answers
	duration time.Duration
	onResult func(*vegeta.Result) // optional, called for every result in order
	also     *vegeta.Metrics      // optional, gets every result too (several runs in one)
}

// run attacks and returns vegeta's metrics, printing progress meanwhile.
func (a attack) run(ctx context.Context, p *progress) *vegeta.Metrics {
	atk := vegeta.NewAttacker(
		vegeta.Workers(uint64(a.workers)),
		vegeta.MaxWorkers(uint64(a.workers)),
		vegeta.Connections(a.workers),
		vegeta.MaxConnections(a.workers),
		vegeta.KeepAlive(true),
		vegeta.Timeout(60*time.Second),
		vegeta.Redirects(vegeta.NoFollow),
	)
	var m vegeta.Metrics
	var count, failed atomic.Int64
	start := time.Now()
	stop := p.every(5*time.Second, func() string {
		el := time.Since(start).Seconds()
		return fmt.Sprintf("%s: %.0f s, %d requests (%.1f/s), %d failed", a.name, el, count.Load(), float64(count.Load())/el, failed.Load())
	})
	defer stop()
	go func() {
		<-ctx.Done()
		atk.Stop()
	}()
	pacer := a.pacer
	if pacer == nil {
		pacer = vegeta.Rate{} // zero frequency: no pacing
	}
	for res := range atk.Attack(a.targeter, pacer, a.duration, a.name) {
		count.Add(1)
		if res.Code < 200 || res.Code >= 400 {
			failed.Add(1)
		}
		if a.onResult != nil {
			a.onResult(res)
		}
		res.Body = nil
		m.Add(res)
		if a.also != nil {
			a.also.Add(res)
		}
	}
	m.Close()
	return &m
}

// describe is a one-line summary of metrics for the table.
func describe(m *vegeta.Metrics) string {
	return fmt.Sprintf("%d req, %.1f ok/s, p50 %s, p99 %s, success %.1f%%",
		m.Requests, m.Throughput, ms(m.Latencies.P50), ms(m.Latencies.P99), m.Success*100)
}

// failures says what went wrong in a run, if anything did.
func failures(m *vegeta.Metrics) string {
	if m.Success >= 1 {
		return ""
	}
	s := fmt.Sprintf("%.1f%% failed, status codes %v", (1-m.Success)*100, m.StatusCodes)
	if len(m.Errors) > 0 {
		s += fmt.Sprintf(", first error %q", m.Errors[0])
	}
	return s
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

// countPacer paces like its ConstantPacer and stops after n hits.
type countPacer struct {
	vegeta.ConstantPacer
	n uint64
}

func (c countPacer) Pace(elapsed time.Duration, hits uint64) (time.Duration, bool) {
	if hits >= c.n {
		return 0, true
	}
	return c.ConstantPacer.Pace(elapsed, hits)
}
