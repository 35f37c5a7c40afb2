package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/minicorp/miniid/shared/api"
)

// meRound is GET /api/v1/me and the trivial handler, one after the other.
type meRound struct{ me, trivial *vegeta.Metrics }

func (x meRound) ratio() float64 { return x.me.Throughput / x.trivial.Throughput }

// meResult compares GET /api/v1/me with the trivial handler.
type meResult struct {
	rounds []meRound
	me     vegeta.Metrics // every /me request of all rounds (for p99)
	conns  int
}

// ratio is me_vs_trivial_ratio: the median of the rounds.
func (r meResult) ratio() float64 {
	var v []float64
	for _, x := range r.rounds {
		v = append(v, x.ratio())
	}
	return percentile(v, 0.5)
}

func (r meResult) list(f func(meRound) float64) string {
	var s []string
	for _, x := range r.rounds {
		s = append(s, fmt.Sprintf("%.0f", f(x)))
	}
	return strings.Join(s, " ")
}

// measureMe loads GET /api/v1/me with 32 connections as fast as it
// answers, and the benchmark's trivial JSON handler in the same server
// (benchserver's GET /bench/trivial) with the same connections and request
// headers, alternating in 4 rounds of 2.5 s each, so that each gets 10 s
// and a burst of other work on the machine hits both.
func measureMe(ctx context.Context, srv *server, accounts []*account, prof *profiler, p *progress) (meResult, error) {
	r := meResult{conns: 32}
	c := newClient(srv.base)
	var me, trivial []vegeta.Target
	for _, a := range accounts[:min(r.conns, len(accounts))] {
		if err := ensureLoggedIn(ctx, c, a); err != nil {
			return r, err
		}
		h := http.Header{"Cookie": {a.cookies()}}
		me = append(me, vegeta.Target{Method: "GET", URL: srv.base + api.PathMe, Header: h})
		trivial = append(trivial, vegeta.Target{Method: "GET", URL: srv.base + "/bench/trivial", Header: h})
	}
	run := func(name string, tg []vegeta.Target, d time.Duration, also *vegeta.Metrics) (*vegeta.Metrics, error) {
		m := attack{name: name, targeter: vegeta.NewStaticTargeter(tg...), workers: r.conns, duration: d, also: also}.run(ctx, p)
		if f := failures(m); f != "" {
			return m, fmt.Errorf("%s: %s", name, f)
		}
		return m, ctx.Err()
	}
	const rounds = 4
	p.printf("GET %s vs GET /bench/trivial: %d connections; 2 s warm-up each, then %d rounds of 2.5 s each", api.PathMe, r.conns, rounds)
	if _, err := run("me warm-up", me, 2*time.Second, nil); err != nil {
		return r, err
	}
	if _, err := run("trivial warm-up", trivial, 2*time.Second, nil); err != nil {
		return r, err
	}
	stopProf := prof.cpu(ctx, srv, "me", rounds*5*time.Second)
	defer stopProf()
	for i := range rounds {
		var x meRound
		var err error
		if x.me, err = run(fmt.Sprintf("GET /api/v1/me %d/%d", i+1, rounds), me, 2500*time.Millisecond, &r.me); err != nil {
			return r, err
		}
		if x.trivial, err = run(fmt.Sprintf("GET /bench/trivial %d/%d", i+1, rounds), trivial, 2500*time.Millisecond, nil); err != nil {
			return r, err
		}
		r.rounds = append(r.rounds, x)
		p.printf("  round %d: /me %.0f/s (p99 %s), trivial %.0f/s (p99 %s) → ratio %.2f", i+1,
			x.me.Throughput, ms(x.me.Latencies.P99), x.trivial.Throughput, ms(x.trivial.Latencies.P99), x.ratio())
	}
	stopProf()
	prof.heap(ctx, srv, "me")
	r.me.Close()
	return r, nil
}

// ensureLoggedIn makes a's session a full one, logging in again if a
// failed login left it anonymous.
func ensureLoggedIn(ctx context.Context, c *client, a *account) error {
	if status, _, err := c.call(ctx, a, http.MethodGet, api.PathMe, nil); err == nil && status == http.StatusOK {
		return nil
	}
	if err := c.newSession(ctx, a); err != nil {
		return err
	}
	status, body, err := c.call(ctx, a, http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: a.email, Password: benchPassword})
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("log %s in: %d %s", a.email, status, body)
	}
	return nil
}
