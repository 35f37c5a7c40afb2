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
	parallel   hashRate // bare argon2id on GOMAXPROCS goroutines, saturated rounds only
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
	gomaxprocs int
	workers    int
	saturated  []loginRound
	lowLoad    []loginRound
	renewals   int64
}

// scaling is how far the cores scale for bare argon2id in round x: the
// verifications/s on GOMAXPROCS goroutines ÷ (GOMAXPROCS × one core's).
func (r loginResult) scaling(x loginRound) float64 {
	return x.parallel.perSec / (float64(r.gomaxprocs) * x.hash.perSec)
}

// cpuScaling is scaling in CPU time, which other work on the machine does
// not move: CPU s per verification on one core ÷ on GOMAXPROCS goroutines
// (below 1 when parallel hashes slow each other: shared caches, memory
// bandwidth).
func (x loginRound) cpuScaling() float64 {
	if x.parallel.n == 0 || x.hash.n == 0 || x.parallel.cpu <= 0 {
		return 0
	}
	return (x.hash.cpu / float64(x.hash.n)) / (x.parallel.cpu / float64(x.parallel.n))
}

// cpuCoreEfficiency is login_core_efficiency in CPU time: the
// CPU-normalized login_hash_ratio ÷ cpuScaling.
func (x loginRound) cpuCoreEfficiency() float64 {
	if s := x.cpuScaling(); s > 0 {
		return x.efficiency() / s
	}
	return 0
}

// coreEfficiency is one round's login_core_efficiency: its
// login_hash_ratio ÷ its scaling.
func (r loginResult) coreEfficiency(x loginRound) float64 { return r.hashRatio(x) / r.scaling(x) }

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
	p.printf("saturated logins: %d in flight; 3 s warm-up, then %d rounds of [argon2id on one core 2 s, on %d goroutines 2 s, logins 4 s]", r.workers, satRounds, r.gomaxprocs)
	pool.attack("login warm-up", r.workers, 3*time.Second).run(ctx, p)
	stopProf := prof.cpu(ctx, srv, "login-saturated", satRounds*6*time.Second)
	for i := range satRounds {
		// The cores' own scaling is measured in each round too, next to
		// the logins, so that a busy spell of the shared machine falls on
		// both sides of login_core_efficiency.
		par, err := measureHashParallel(ctx, r.gomaxprocs, 2*time.Second)
		if err != nil {
			stopProf()
			return r, err
		}
		x, err := loginRoundRun(ctx, srv, pool, fmt.Sprintf("saturated logins %d/%d", i+1, satRounds), r.workers, 2*time.Second, 4*time.Second, p)
		if err != nil {
			stopProf()
			return r, err
		}
		x.parallel = par
		r.saturated = append(r.saturated, x)
		p.printf("  round %d: %.2f argon2id/s on one core, %.2f on %d goroutines; %s; portal on %.2f cores → ratio %.2f (CPU-normalized %.2f), core efficiency %.2f (CPU-normalized %.2f)",
			i+1, x.hash.perSec, x.parallel.perSec, r.gomaxprocs, describe(x.logins), x.cores(), r.hashRatio(x), x.efficiency(), r.coreEfficiency(x), x.cpuCoreEfficiency())
	}
	stopProf()
	prof.heap(ctx, srv, "login-saturated")

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
