package main

import (
	"fmt"
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
		if r.hashParallel > 0 {
			b.rep.note("argon2id on %d goroutines and nothing else: %.1f/s = %.2f × %d × one core — the cores' own scaling, an upper bound of login_hash_ratio on this machine",
				r.gomaxprocs, r.hashParallel, r.hashParallel/(float64(r.gomaxprocs)*mean(r.saturated, hps)), r.gomaxprocs)
		}
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
		how: fmt.Sprintf("median of %d: headless Chromium, new profile, navigation start → wasm running, login form enabled", len(r.cold))})
	b.rep.add(figure{name: "warm_load_ms", value: warm.Ready, decimal: 0, unit: "ms", limit: 400,
		how: fmt.Sprintf("median of %d: the same, second visit, service worker in control", len(r.warm))})
	b.rep.note("cold loads (ms): %s; the median one: %s (%s)", readyList(r.cold), cold, r.chromium)
	b.rep.note("warm loads (ms): %s; the median one: %s", readyList(r.warm), warm)
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
