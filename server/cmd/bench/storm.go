package main

import (
	"context"
	"fmt"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// stormResult is the login storm's memory.
type stormResult struct {
	metrics   *vegeta.Metrics
	idleKiB   int64
	peakKiB   int64
	hwmReset  bool
	samples   int
	clients   int
	sampledBy string
	cores     float64 // cores the portal process got during the storm
}

// peakMiB is login_storm_peak_rss_mb.
func (s stormResult) peakMiB() float64 { return float64(s.peakKiB) / 1024 }

// measureStorm logs 200 clients in at once for 20 s against a fresh portal
// process and samples its RSS every 50 ms; the kernel's own peak (VmHWM),
// reset at the start, catches what falls between samples.
func measureStorm(ctx context.Context, srv *server, pool *loginPool, prof *profiler, p *progress) (stormResult, error) {
	s := stormResult{clients: 200}
	s.idleKiB, _, _ = memStatus(srv.pid)
	s.hwmReset = resetPeakRSS(srv.pid)
	p.printf("login storm: %d clients for 20 s; portal pid %d idle at %.1f MiB (peak reset: %v)", s.clients, srv.pid, float64(s.idleKiB)/1024, s.hwmReset)
	sampler := sampleRSS(srv.pid, 50*time.Millisecond)
	cpu0, _ := cpuSeconds(srv.pid)
	start := time.Now()
	stopProf := prof.cpu(ctx, srv, "login-storm", 20*time.Second)
	s.metrics = pool.attack("login storm", s.clients, 20*time.Second).run(ctx, p)
	cpu1, _ := cpuSeconds(srv.pid)
	s.cores = (cpu1 - cpu0) / time.Since(start).Seconds()
	stopProf()
	maxRSS, maxHWM := sampler.stop()
	prof.heap(ctx, srv, "login-storm")
	s.samples = sampler.samples
	s.peakKiB = maxRSS
	s.sampledBy = "VmRSS max of samples"
	if s.hwmReset && maxHWM > s.peakKiB {
		s.peakKiB = maxHWM
		s.sampledBy = "VmHWM"
	}
	p.printf("  %s; peak RSS %.1f MiB (%s, %d samples)", describe(s.metrics), s.peakMiB(), s.sampledBy, s.samples)
	if f := failures(s.metrics); f != "" {
		return s, fmt.Errorf("login storm: %s", f)
	}
	return s, nil
}
