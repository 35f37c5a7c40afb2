// Command benchserver is the portal process that `make bench` measures: the
// real portal (portal.New, its handler, its mail worker) on a loopback port,
// in a process of its own so that its memory is not mixed with the load
// generator's. Around the portal's handler it adds only what the benchmark
// needs: a trivial JSON handler to compare against, the mail hooks of
// mail.go, and, with BENCH_PPROF=1, net/http/pprof.
//
// It prints its base URL on stdout once it serves, and stops on SIGTERM or
// when its stdin closes (the benchmark died).
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"

	"github.com/minicorp/miniid/server/portal"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(log)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		io.Copy(io.Discard, os.Stdin)
		stop()
	}()
	if err := run(ctx, log); err != nil {
		fmt.Fprintln(os.Stderr, "benchserver: "+err.Error())
		os.Exit(1)
	}
}

func run(ctx context.Context, log *slog.Logger) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	getenv := func(k string) string {
		switch k {
		case "BASE_URL":
			return base
		case "PORT":
			return port
		}
		return os.Getenv(k)
	}
	hooks, err := newMailHooks(os.Getenv("BENCH_MAIL"))
	if err != nil {
		return err
	}
	defer hooks.close()
	p, err := portal.New(ctx, getenv, log, portal.Options{Email: hooks.sender})
	if err != nil {
		return err
	}
	defer p.Close()

	wrap := func(portalHandler http.Handler) http.Handler {
		mux := http.NewServeMux()
		mux.HandleFunc("GET /bench/trivial", trivial)
		mux.HandleFunc("GET /bench/info", info)
		mux.HandleFunc("GET /bench/mem", memStats)
		mux.HandleFunc("GET /bench/budget", budgetHook(p))
		hooks.routes(mux)
		if os.Getenv("BENCH_PPROF") == "1" {
			mux.HandleFunc("/debug/pprof/", pprof.Index)
			mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		}
		mux.Handle("/", portalHandler)
		return mux
	}
	// The listener is bound: clients may connect as soon as they read this.
	fmt.Println(base)
	return p.ServeListenerWith(ctx, ln, wrap)
}

// trivial is the baseline handler: the least a JSON answer can cost in
// this server.
func trivial(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"ok":true}` + "\n"))
}

// info tells the benchmark how this process runs.
func info(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"gomaxprocs":%d,"pid":%d,"go":%q}`+"\n", runtime.GOMAXPROCS(0), os.Getpid(), runtime.Version())
}
