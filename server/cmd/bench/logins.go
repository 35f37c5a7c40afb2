package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// loginRound is one login run and the argon2id baseline measured just
// before it, so that a slow spell of the shared machine falls on both
// halves of a round; the figure is the median of the rounds. Other work
// still slows the portal's GOMAXPROCS threads more than the one-thread
// baseline, so each round also records the cores the portal got.
type loginRound struct {
	hash       hashRate
	logins     *vegeta.Metrics
	portalCPU  float64 // CPU seconds the portal process used during the logins
	portalWall time.Duration
}

// cores is how many cores the portal process got during the logins: below
// GOMAXPROCS when other work on the machine took the rest.
func (x loginRound) cores() float64 {
	if x.portalWall <= 0 {
		return 0
	}
	return x.portalCPU / x.portalWall.Seconds()
}

// efficiency is CPU per verification ÷ CPU per login: login_hash_ratio
// with the CPU each side actually got in place of wall time, which other
// work on a shared machine does not move (but which cannot see cores the
// portal leaves idle, hence the figure is the wall-time ratio).
func (x loginRound) efficiency() float64 {
	if x.portalCPU <= 0 || x.hash.cpu <= 0 {
		return 0
	}
	ok := float64(x.logins.Requests) * x.logins.Success
	return (ok / x.portalCPU) / (float64(x.hash.n) / x.hash.cpu)
}

// loginResult is what the login runs measured.
type loginResult struct {
	gomaxprocs   int
	workers      int
	saturated    []loginRound
	lowLoad      []loginRound
	hashParallel float64 // verifications/s on GOMAXPROCS goroutines (diagnostic)
	renewals     int64
}

// hashRatio is one round's login_hash_ratio.
func (r loginResult) hashRatio(x loginRound) float64 {
	return x.logins.Throughput / (float64(r.gomaxprocs) * x.hash.perSec)
}

func p50Ratio(x loginRound) float64 {
	return float64(x.logins.Latencies.P50) / float64(x.hash.median)
}

// ratio is login_hash_ratio: the median of the saturated rounds.
func (r loginResult) ratio() float64 {
	return median(r.saturated, r.hashRatio)
}

// p50Ratio is login_p50_ratio: the median of the low-load rounds.
func (r loginResult) p50Ratio() float64 { return median(r.lowLoad, p50Ratio) }

// mean of f over rounds, for the table's "from" column.
func mean(rounds []loginRound, f func(loginRound) float64) float64 {
	sum := 0.0
	for _, x := range rounds {
		sum += f(x)
	}
	return sum / float64(len(rounds))
}

func median(rounds []loginRound, f func(loginRound) float64) float64 {
	var v []float64
	for _, x := range rounds {
		v = append(v, f(x))
	}
	return percentile(v, 0.5)
}

// measureLogins measures, in rounds, saturated password logins against
// single-core argon2id verifications, then logins one at a time against one
// verification's median.
func measureLogins(ctx context.Context, srv *server, pool *loginPool, prof *profiler, p *progress) (loginResult, error) {
	r := loginResult{gomaxprocs: srv.gomaxprocs, workers: max(8, 4*srv.gomaxprocs)}
	const satRounds, lowRounds = 5, 4
	p.printf("saturated logins: %d in flight; 3 s warm-up, then %d rounds of [argon2id on one core 2 s, logins 4 s]", r.workers, satRounds)
	pool.attack("login warm-up", r.workers, 3*time.Second).run(ctx, p)
	stopProf := prof.cpu(ctx, srv, "login-saturated", satRounds*6*time.Second)
	for i := range satRounds {
		x, err := loginRoundRun(ctx, srv, pool, fmt.Sprintf("saturated logins %d/%d", i+1, satRounds), r.workers, 2*time.Second, 4*time.Second, p)
		if err != nil {
			stopProf()
			return r, err
		}
		r.saturated = append(r.saturated, x)
		p.printf("  round %d: %.2f argon2id/s on one core; %s; portal on %.2f cores → ratio %.2f (CPU-normalized %.2f)",
			i+1, x.hash.perSec, describe(x.logins), x.cores(), r.hashRatio(x), x.efficiency())
	}
	stopProf()
	prof.heap(ctx, srv, "login-saturated")

	p.printf("argon2id on %d goroutines at once, 5 s (how far the cores scale)", r.gomaxprocs)
	var err error
	if r.hashParallel, err = measureHashParallel(ctx, r.gomaxprocs, 5*time.Second); err != nil {
		return r, err
	}
	p.printf("  %.2f verifications/s", r.hashParallel)

	p.printf("logins at low load: %d rounds of [argon2id on one core 1.5 s, logins one at a time 3 s]", lowRounds)
	for i := range lowRounds {
		x, err := loginRoundRun(ctx, srv, pool, fmt.Sprintf("logins one at a time %d/%d", i+1, lowRounds), 1, 1500*time.Millisecond, 3*time.Second, p)
		if err != nil {
			return r, err
		}
		r.lowLoad = append(r.lowLoad, x)
		p.printf("  round %d: argon2id median %s; %s → ratio %.2f", i+1, ms(x.hash.median), describe(x.logins), p50Ratio(x))
	}
	r.renewals = pool.renewals.Load()
	return r, nil
}

// loginRoundRun measures the baseline for hashFor, then logs in for d.
func loginRoundRun(ctx context.Context, srv *server, pool *loginPool, name string, workers int, hashFor, d time.Duration, p *progress) (loginRound, error) {
	var x loginRound
	var err error
	if x.hash, err = measureHash(ctx, hashFor); err != nil {
		return x, err
	}
	cpu0, _ := cpuSeconds(srv.pid)
	start := time.Now()
	x.logins = pool.attack(name, workers, d).run(ctx, p)
	x.portalWall = time.Since(start)
	cpu1, _ := cpuSeconds(srv.pid)
	x.portalCPU = cpu1 - cpu0
	if f := failures(x.logins); f != "" {
		return x, fmt.Errorf("%s: %s", name, f)
	}
	return x, ctx.Err()
}

// roundsList shows one value per round.
func roundsList(rounds []loginRound, f func(loginRound) float64) string {
	var s []string
	for _, x := range rounds {
		s = append(s, fmt.Sprintf("%.2f", f(x)))
	}
	return strings.Join(s, " ")
}
