package portal

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/minicorp/miniid/server/store"
)

// probes registers /healthz and /readyz on the public port. /healthz says
// the process is alive and answers (a restart helps only when it does not);
// /readyz says it can serve: the database answers and shutdown has not
// begun (a load balancer sends requests only where it says so).
func (p *Portal) probes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if p.draining.Load() {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if err := store.Ping(ctx, p.db); err != nil {
			p.log.Error("readyz: database unreachable", "err", err)
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
}

// serveMetrics serves /metrics on METRICS_ADDR until ctx ends; it returns
// a channel closed once the listener stopped (at once when metrics are off).
func (p *Portal) serveMetrics(ctx context.Context) (<-chan struct{}, error) {
	done := make(chan struct{})
	if p.cfg.Care.MetricsAddr == "" {
		close(done)
		return done, nil
	}
	ln, err := net.Listen("tcp", p.cfg.Care.MetricsAddr)
	if err != nil {
		close(done)
		return done, fmt.Errorf("listen on METRICS_ADDR %s: %w", p.cfg.Care.MetricsAddr, err)
	}
	go func() {
		defer close(done)
		if err := p.ServeMetrics(ctx, ln); err != nil {
			p.log.Error("metrics: listener stopped", "err", err)
		}
	}()
	return done, nil
}

// ServeMetrics serves /metrics (Prometheus text) on ln until ctx ends.
// It is a listener of its own, never the public port: the metrics name
// routes and counts an outsider has no business reading.
func (p *Portal) ServeMetrics(ctx context.Context, ln net.Listener) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", p.metrics.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
	}()
	p.log.Info("metrics listening", "addr", ln.Addr().String())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// MetricsHandler is the metrics' handler (tests scrape it directly).
func (p *Portal) MetricsHandler() http.Handler { return p.metrics.Handler() }
