package main

import (
	"fmt"
	"slices"
	"strings"
)

// The figures of issue 8, each from a run of this process.

func (b *bench) addWasm(r wasmResult) {
	b.rep.add(figure{name: "wasm_brotli_ratio", value: r.ratio(), decimal: 2, limit: 1.2,
		how: fmt.Sprintf("app.wasm %s ÷ minimal go-app client %s (brotli q11)", kb(r.appBr), kb(r.minBr))})
	b.rep.note("wasm: app.wasm %s raw → %s brotli; minimal go-app v10 client %s raw → %s brotli",
		kb(r.appRaw), kb(r.appBr), kb(r.minRaw), kb(r.minBr))
}

func (b *bench) addLogins(r loginResult) {
	thr := func(x loginRound) float64 { return x.logins.Throughput }
	hps := func(x loginRound) float64 { return x.hash.perSec }
	if len(r.saturated) > 0 {
		b.rep.add(figure{name: "login_hash_ratio", value: r.ratio(), decimal: 2, atLeast: true, limit: 0.9,
			how: fmt.Sprintf("median of %d rounds: logins/s ÷ (%d × argon2id/s on one core); mean %.1f ÷ (%d × %.1f); portal got %.2f cores, CPU-normalized %.2f",
				len(r.saturated), r.gomaxprocs, mean(r.saturated, thr), r.gomaxprocs, mean(r.saturated, hps),
				mean(r.saturated, loginRound.cores), median(r.saturated, loginRound.efficiency))})
		b.rep.note("saturated logins, %d in flight, %d rounds of 4 s: logins/s %s", r.workers, len(r.saturated), roundsList(r.saturated, thr))
		b.rep.note("  argon2id/s on one core before each round (auth.NewHasher(auth.OWASP, rand, 1)): %s", roundsList(r.saturated, hps))
		b.rep.note("  ratio per round: %s; p99 latency per round (ms): %s", roundsList(r.saturated, r.hashRatio),
			roundsList(r.saturated, func(x loginRound) float64 { return float64(x.logins.Latencies.P99) / 1e6 }))
		b.rep.note("  cores the portal process got per round (of %d): %s; other work on the machine took the rest", r.gomaxprocs,
			roundsList(r.saturated, loginRound.cores))
		b.rep.note("  CPU-normalized ratio per round (CPU s per verification ÷ CPU s per login): %s, median %.2f",
			roundsList(r.saturated, loginRound.efficiency), median(r.saturated, loginRound.efficiency))
		b.rep.add(figure{name: "login_core_efficiency", value: median(r.saturated, r.coreEfficiency), decimal: 2, atLeast: true, limit: 0.9,
			how: fmt.Sprintf("median of %d rounds: login_hash_ratio ÷ the cores' own argon2id scaling in the same round (bare argon2id on %d goroutines ÷ (%d × one core)); CPU-normalized %.2f",
				len(r.saturated), r.gomaxprocs, r.gomaxprocs, median(r.saturated, loginRound.cpuCoreEfficiency))})
		b.rep.note("  argon2id/s on %d goroutines and nothing else, per round: %s — the cores' own scaling per round %s (in CPU time %s), an upper bound of login_hash_ratio on this machine",
			r.gomaxprocs, roundsList(r.saturated, func(x loginRound) float64 { return x.parallel.perSec }), roundsList(r.saturated, r.scaling), roundsList(r.saturated, loginRound.cpuScaling))
		b.rep.note("  core efficiency per round: %s; CPU-normalized (CPU-normalized ratio ÷ CPU scaling): %s",
			roundsList(r.saturated, r.coreEfficiency), roundsList(r.saturated, loginRound.cpuCoreEfficiency))
	}
	if len(r.lowLoad) > 0 {
		p50 := func(x loginRound) float64 { return float64(x.logins.Latencies.P50) / 1e6 }
		med := func(x loginRound) float64 { return float64(x.hash.median) / 1e6 }
		b.rep.add(figure{name: "login_p50_ratio", value: r.p50Ratio(), decimal: 2, limit: 1.3,
			how: fmt.Sprintf("median of %d rounds: p50 of logins one at a time ÷ argon2id median; mean %.1f ms ÷ %.1f ms",
				len(r.lowLoad), mean(r.lowLoad, p50), mean(r.lowLoad, med))})
		b.rep.note("logins one at a time, %d rounds of 3 s: p50 (ms) %s; argon2id median (ms) %s", len(r.lowLoad), roundsList(r.lowLoad, p50), roundsList(r.lowLoad, med))
	}
	if r.renewals > 0 {
		b.rep.note("logins that failed and needed a new session: %d", r.renewals)
	}
}

func (b *bench) addStorm(r stormResult) {
	b.rep.add(figure{name: "login_storm_peak_rss_mb", value: r.peakMiB(), decimal: 1, unit: "MiB", limit: 150,
		how: fmt.Sprintf("%s of the portal process, %d clients logging in for 20 s", r.sampledBy, r.clients)})
	b.rep.note("login storm, %d in flight, 20 s: %s; portal got %.2f cores; RSS idle before %.1f MiB, sampled every 50 ms (%d samples), VmHWM reset: %v",
		r.clients, describe(r.metrics), r.cores, float64(r.idleKiB)/1024, r.samples, r.hwmReset)
}

func (b *bench) addMe(r meResult) {
	meRate := func(x meRound) float64 { return x.me.Throughput }
	trivRate := func(x meRound) float64 { return x.trivial.Throughput }
	b.rep.add(figure{name: "me_vs_trivial_ratio", value: r.ratio(), decimal: 2, atLeast: true, limit: 0.3,
		how: fmt.Sprintf("median of %d rounds: GET /api/v1/me req/s ÷ GET /bench/trivial req/s, %d connections", len(r.rounds), r.conns)})
	b.rep.add(figure{name: "me_p99_ms", value: float64(r.me.Latencies.P99) / 1e6, decimal: 2, unit: "ms", limit: 10,
		how: fmt.Sprintf("p99 of all %d /me requests of those rounds (p50 %s); load generator on the same cores", r.me.Requests, ms(r.me.Latencies.P50))})
	b.rep.note("GET /api/v1/me, %d connections, req/s per round: %s", r.conns, r.list(meRate))
	b.rep.note("GET /bench/trivial (a JSON handler beside the portal's, same server), same load, req/s per round: %s", r.list(trivRate))
}

func (b *bench) addMail(r mailResult) {
	b.rep.add(figure{name: "mail_p99_ms", value: r.p99(), decimal: 1, unit: "ms", limit: 1000,
		how: fmt.Sprintf("%d activation-code mails: outbox created_at → accepted by mailgun-go's mock", len(r.latencies))})
	b.rep.note("code mails: %d requests at 10/s (%s); delivery p50 %.1f ms, p99 %.1f ms, max %.1f ms",
		r.requests.Requests, describe(r.requests), r.p50(), r.p99(), percentile(r.latencies, 1))
}

func (b *bench) addBrowser(r browserResult) {
	cold, warm := medianVisit(r.cold), medianVisit(r.warm)
	b.rep.add(figure{name: "cold_load_ms", value: cold.Ready, decimal: 0, unit: "ms", limit: 1200,
		how: fmt.Sprintf("median of %d: headless Chromium, new profile, loopback: navigation start → identifier and password fields accept typing", len(r.cold))})
	b.rep.add(figure{name: "warm_load_ms", value: warm.Ready, decimal: 0, unit: "ms", limit: 400,
		how: fmt.Sprintf("median of %d: the same, second visit, service worker in control", len(r.warm))})
	b.rep.add(figure{name: "warm_app_ms", value: medianBy(r.warm, appTime), decimal: 0, unit: "ms", info: true,
		how: fmt.Sprintf("median of %d: the same warm visits, navigation start → the app (wasm) has taken the page over", len(r.warm))})
	b.rep.note("cold loads (ms): %s; the median one: %s (%s)", readyList(r.cold), cold, r.chromium)
	b.rep.note("warm loads (ms): %s; the median one: %s", readyList(r.warm), warm)
}

func (b *bench) addPhone(r phoneResult) {
	cold, html := medianVisit(r.cold), medianVisit(r.html)
	b.rep.add(figure{name: "slow_phone_login_ms", value: cold.Ready, decimal: 0, unit: "ms", limit: 2500,
		how: fmt.Sprintf("median of %d: new profile, 1.6/0.75 Mbit/s, 150 ms, CPU ×4, 360 px: navigation start → identifier and password fields accept typing", len(r.cold))})
	b.rep.add(figure{name: "html_login_ms", value: html.Ready, decimal: 0, unit: "ms", info: true,
		how: fmt.Sprintf("median of %d: the same with app.wasm blocked (the server's HTML alone)", len(r.html))})
	b.rep.add(figure{name: "slow_phone_app_ms", value: medianBy(r.cold, appTime), decimal: 0, unit: "ms", info: true,
		how: "the slow phone's cold visits: navigation start → the app (wasm, 1.7 MB brotli) has taken the page over"})
	b.rep.note("slow phone, cold (ms): %s; the median one: %s", readyList(r.cold), cold)
	b.rep.note("slow phone, app.wasm blocked (ms): %s; the median one: %s", readyList(r.html), html)
}

func appTime(v visitTimes) float64 { return v.App }

// medianBy is the median of f over the visits.
func medianBy(v []visitTimes, f func(visitTimes) float64) float64 {
	xs := make([]float64, 0, len(v))
	for _, x := range v {
		xs = append(xs, f(x))
	}
	slices.Sort(xs)
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)/2]
}

// kb shows a byte count in KiB.
func kb(n int) string { return fmt.Sprintf("%.0f KiB", float64(n)/1024) }

func (b *bench) addEnumeration(r enumResult) {
	worst, v := r.worst()
	b.rep.add(figure{name: "enumeration_auc", value: v, decimal: 2, limit: 0.6,
		how: fmt.Sprintf("worst of forgot, resend, register (%s): how well one request's latency tells a known address from an unknown one, max(AUC, 1−AUC) over %d interleaved requests each", worst, enumRequests)})
	for _, n := range r.order {
		b.rep.note("enumeration, %s: AUC %.2f; p50 known %.2f ms, unknown %.2f ms", n, r.auc[n], r.p50[n][0], r.p50[n][1])
	}
}

func (b *bench) addBudget(r budgetResult) {
	b.rep.add(figure{name: "ratelimit_cost_us", value: r.costMicros(), decimal: 0, unit: "µs", info: true,
		how: fmt.Sprintf("median of %d rounds: p50 of one per-IP budget spend in the database (GET /bench/budget) − p50 of GET /bench/trivial, one request at a time", len(r.rounds))})
	var costs []string
	for _, x := range r.rounds {
		costs = append(costs, fmt.Sprintf("%d", x.cost().Microseconds()))
	}
	b.rep.note("per-IP budget spend, µs per round: %s; with 16 in flight: %.0f spends/s, p99 %s", strings.Join(costs, " "), r.parallel.Throughput, ms(r.parallel.Latencies.P99))
}

func (b *bench) addIdle(r idleResult) {
	mib := func(kib int64) float64 { return float64(kib) / 1024 }
	b.rep.add(figure{name: "idle_rss_mb", value: mib(r.restKiB), decimal: 1, unit: "MiB", limit: 48,
		how: fmt.Sprintf("VmRSS of a fresh portal process after %d logins and %s of rest", r.logins, idleRest)})
	h := func(k string) float64 { return float64(r.heap[k]) / (1 << 20) }
	b.rep.note("idle memory: RSS %.1f MiB after the start, %.1f MiB right after %d logins, %.1f MiB after %s; Go heap in use %.1f MiB, idle %.1f MiB (released %.1f MiB), stacks %.1f MiB, from the system %.1f MiB",
		mib(r.startKiB), mib(r.afterKiB), r.logins, mib(r.restKiB), idleRest, h("heap_inuse"), h("heap_idle"), h("heap_released"), h("stack_inuse"), h("sys"))
}
