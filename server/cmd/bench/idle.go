package main

import (
	"context"
	"fmt"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// idleResult is the memory of a portal process that started and served a
// few logins, then rests.
type idleResult struct {
	startKiB, afterKiB, restKiB int64
	logins                      int
	heap                        map[string]uint64
}

// idleRest is how long the process rests after the logins before its RSS
// is read: long enough for the collector and the scavenger (which returns
// freed memory to the system in the background) to have run.
const idleRest = 10 * time.Second

// measureIdle reads the RSS of a fresh portal process once it serves, logs
// 100 accounts in (4 at a time), and reads it again right after and after
// idleRest: idle_rss_mb, what a quiet portal keeps.
func measureIdle(ctx context.Context, srv *server, pool *loginPool, p *progress) (idleResult, error) {
	r := idleResult{logins: 100}
	r.startKiB, _, _ = memStatus(srv.pid)
	p.printf("idle memory: portal pid %d at %.1f MiB after its start; 100 logins, then %s of rest", srv.pid, float64(r.startKiB)/1024, idleRest)
	a := pool.attack("100 logins", 4, time.Hour)
	// As fast as 4 workers get answers, and 100 in all.
	a.pacer = countPacer{ConstantPacer: vegeta.ConstantPacer{Freq: 1000, Per: time.Second}, n: uint64(r.logins)}
	if f := failures(a.run(ctx, p)); f != "" {
		return r, fmt.Errorf("idle logins: %s", f)
	}
	pool.settle()
	r.afterKiB, _, _ = memStatus(srv.pid)
	select {
	case <-ctx.Done():
		return r, ctx.Err()
	case <-time.After(idleRest):
	}
	r.restKiB, _, _ = memStatus(srv.pid)
	if err := getJSON(ctx, srv.base+"/bench/mem", &r.heap); err != nil {
		return r, err
	}
	p.printf("  %.1f MiB right after the logins, %.1f MiB after %s", float64(r.afterKiB)/1024, float64(r.restKiB)/1024, idleRest)
	return r, nil
}
