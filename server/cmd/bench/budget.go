package main

import (
	"context"
	"fmt"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// budgetRound is one spend of a per-IP budget against the trivial handler,
// each on one connection, one request at a time.
type budgetRound struct{ budget, trivial *vegeta.Metrics }

// cost is what a budget spend adds to a request: the difference of the
// medians.
func (x budgetRound) cost() time.Duration { return x.budget.Latencies.P50 - x.trivial.Latencies.P50 }

// budgetResult is the per-IP budget's price.
type budgetResult struct {
	rounds   []budgetRound
	parallel *vegeta.Metrics // spends with 16 in flight
}

func (r budgetResult) costMicros() float64 {
	var v []float64
	for _, x := range r.rounds {
		v = append(v, float64(x.cost().Microseconds()))
	}
	return percentile(v, 0.5)
}

// measureBudget measures what the per-IP budgets (server/ratelimit: one
// upsert in the database per throttled request, so that all processes
// share them) cost: benchserver's GET /bench/budget spends one token
// through the portal's own limiter and database, GET /bench/trivial does
// nothing; both one request at a time, alternating in rounds. Every spend
// is for an address of its own, as in a crowd, so that none is refused.
func measureBudget(ctx context.Context, srv *server, p *progress) (budgetResult, error) {
	var r budgetResult
	spend := func(t *vegeta.Target) error {
		t.Method, t.URL = "GET", srv.base+"/bench/budget?ip="+nextClientAddr()
		return nil
	}
	trivial := vegeta.NewStaticTargeter(vegeta.Target{Method: "GET", URL: srv.base + "/bench/trivial"})
	run := func(name string, tg vegeta.Targeter, workers int, d time.Duration) (*vegeta.Metrics, error) {
		m := attack{name: name, targeter: tg, workers: workers, duration: d}.run(ctx, p)
		if f := failures(m); f != "" {
			return m, fmt.Errorf("%s: %s", name, f)
		}
		return m, ctx.Err()
	}
	const rounds = 4
	p.printf("per-IP budget: GET /bench/budget (one spend) vs GET /bench/trivial, one request at a time, %d rounds of 2 s each", rounds)
	if _, err := run("budget warm-up", spend, 1, time.Second); err != nil {
		return r, err
	}
	for i := range rounds {
		var x budgetRound
		var err error
		if x.budget, err = run(fmt.Sprintf("budget spends %d/%d", i+1, rounds), spend, 1, 2*time.Second); err != nil {
			return r, err
		}
		if x.trivial, err = run(fmt.Sprintf("trivial %d/%d", i+1, rounds), trivial, 1, 2*time.Second); err != nil {
			return r, err
		}
		r.rounds = append(r.rounds, x)
		p.printf("  round %d: spend p50 %s, trivial p50 %s → %d µs per spend", i+1, ms(x.budget.Latencies.P50), ms(x.trivial.Latencies.P50), x.cost().Microseconds())
	}
	var err error
	if r.parallel, err = run("budget spends, 16 in flight", spend, 16, 3*time.Second); err != nil {
		return r, err
	}
	p.printf("  16 in flight: %.0f spends/s, p99 %s", r.parallel.Throughput, ms(r.parallel.Latencies.P99))
	return r, nil
}
