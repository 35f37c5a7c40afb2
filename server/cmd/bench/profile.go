package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// profiler fetches pprof profiles from the portal process (it serves
// net/http/pprof when started with BENCH_PPROF=1). A nil profiler does
// nothing, so the runs read the same with and without -profile.
type profiler struct {
	dir   string
	p     *progress
	files []string
}

// cpu starts a CPU profile of the next d; the returned func waits for it.
func (pr *profiler) cpu(ctx context.Context, srv *server, name string, d time.Duration) (wait func()) {
	if pr == nil {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		url := fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", srv.base, int(d.Seconds()))
		pr.fetch(ctx, url, name+"-cpu.pprof")
	}()
	return func() { <-done }
}

// heap saves the portal's heap profile (in-use and allocated since start).
func (pr *profiler) heap(ctx context.Context, srv *server, name string) {
	if pr == nil {
		return
	}
	pr.fetch(ctx, srv.base+"/debug/pprof/heap", name+"-heap.pprof")
}

func (pr *profiler) fetch(ctx context.Context, url, file string) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		pr.p.printf("  profile %s: %v", file, err)
		return
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		pr.p.printf("  profile %s: HTTP %d", file, res.StatusCode)
		return
	}
	path := filepath.Join(pr.dir, file)
	f, err := os.Create(path)
	if err != nil {
		pr.p.printf("  profile %s: %v", file, err)
		return
	}
	defer f.Close()
	if _, err := io.Copy(f, res.Body); err != nil {
		pr.p.printf("  profile %s: %v", file, err)
		return
	}
	pr.files = append(pr.files, path)
	pr.p.printf("  wrote %s", path)
}
