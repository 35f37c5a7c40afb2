// Command bench is `make bench`: it starts the real portal on a fresh
// database, creates its own accounts through the API, and measures each
// figure of issue 8 as a ratio against a baseline taken in the same run
// (the machines are shared and noisy: absolute times say little). It shows
// progress on stderr and prints a table, then one name=value line per
// figure, on stdout.
//
// The portal runs as a process of its own (benchserver, built once per run
// with the flags of `make build`), so its memory is measured apart from the
// load generator's; the load comes from vegeta, the page loads from
// headless Chromium through chromedp.
//
//	go run ./server/cmd/bench [-only wasm,login,me,idle,storm,budget,mail,browser,enum,assistant] [-profile DIR] [-accounts N] [-keep]
//
// BENCH_DATABASE_URL=postgres://… runs on a new database on that server
// instead of SQLite in a temporary directory.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"github.com/minicorp/miniid/server/internal/gotool"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// groups are the parts -only can pick, in the order they run.
var groups = []string{"wasm", "login", "me", "idle", "storm", "budget", "mail", "browser", "enum", "assistant"}

func main() {
	only := flag.String("only", strings.Join(groups, ","), "comma-separated parts to run: "+strings.Join(groups, ", "))
	profileDir := flag.String("profile", "", "write CPU and heap profiles of the portal process during the saturated logins, the login storm and the /me run into `DIR`")
	accounts := flag.Int("accounts", 256, "accounts to register (the login storm needs more than its 200 clients)")
	keep := flag.Bool("keep", false, "keep the temporary directory (database, portal logs)")
	flag.Parse()

	sel := map[string]bool{}
	for _, g := range strings.Split(*only, ",") {
		g = strings.TrimSpace(g)
		if !contains(groups, g) {
			fmt.Fprintf(os.Stderr, "bench: -only: unknown part %q (parts: %s)\n", g, strings.Join(groups, ", "))
			os.Exit(2)
		}
		sel[g] = true
	}
	if sel["storm"] && *accounts <= 200 {
		fmt.Fprintln(os.Stderr, "bench: -accounts must be above 200 for the login storm")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	b := &bench{sel: sel, accountsN: *accounts, p: &progress{w: os.Stderr, start: time.Now()}}
	b.rep.machine = thisMachine()
	if err := b.setup(*profileDir); err != nil {
		fmt.Fprintln(os.Stderr, "bench: "+err.Error())
		os.Exit(1)
	}
	if err := b.run(ctx); err != nil {
		b.rep.fail("run", err)
	}
	if b.prof != nil {
		for _, f := range b.prof.files {
			b.rep.note("profile: %s (go tool pprof %s)", f, f)
		}
	}
	b.cleanup(*keep)
	b.rep.write(os.Stdout)
	if len(b.rep.failures) > 0 {
		os.Exit(1)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// bench is one run.
type bench struct {
	sel       map[string]bool
	accountsN int
	p         *progress
	rep       report
	root, tmp string
	runID     string
	prof      *profiler
	dbURL     string
	dropDB    func()
	binary    string
	secret    string
	accounts  []*account
	logs      int
}

func (b *bench) setup(profileDir string) error {
	var err error
	if b.root, err = gotool.ModuleRoot(); err != nil {
		return err
	}
	if b.tmp, err = os.MkdirTemp("", "miniid-bench-"); err != nil {
		return err
	}
	b.runID = randomHex(4)
	b.secret = randomHex(32)
	if profileDir != "" {
		if err := os.MkdirAll(profileDir, 0o755); err != nil {
			return err
		}
		b.prof = &profiler{dir: profileDir, p: b.p}
	}
	b.rep.database = "SQLite in a temporary directory (WAL, as the portal opens it)"
	b.rep.server = "portal.New in a process of its own (server/cmd/bench/benchserver, built -trimpath -ldflags='-s -w'), " +
		"TRUSTED_PROXIES=127.0.0.0/8, mail to a no-op sender (to mailgun-go's mock server for mail_p99_ms)"
	// The portal process inherits the environment: say so when it tunes
	// the runtime, since that moves the figures.
	for _, k := range []string{"GOGC", "GOMEMLIMIT", "GOMAXPROCS", "GODEBUG"} {
		if v := os.Getenv(k); v != "" {
			b.rep.server += fmt.Sprintf("; %s=%s", k, v)
		}
	}
	if b.prof != nil {
		b.rep.server += "; profiled (-profile): figures carry pprof's overhead"
	}
	return nil
}

func (b *bench) cleanup(keep bool) {
	if b.dropDB != nil {
		b.dropDB()
	}
	if keep {
		b.p.printf("kept %s", b.tmp)
		return
	}
	os.RemoveAll(b.tmp)
}

func randomHex(n int) string {
	buf := make([]byte, n)
	rand.Read(buf)
	return hex.EncodeToString(buf)
}

// start starts a portal process on the run's database.
func (b *bench) start(ctx context.Context, mailMode string) (*server, error) {
	b.logs++
	c := serverConfig{
		binary: b.binary, dataDir: filepath.Join(b.tmp, "data"), dbURL: b.dbURL, secret: b.secret,
		mailMode: mailMode, pprof: b.prof != nil,
		logPath: filepath.Join(b.tmp, fmt.Sprintf("portal-%d.log", b.logs)),
	}
	srv, err := startServer(ctx, c)
	if err != nil {
		return nil, err
	}
	b.p.printf("portal process %d serves %s (GOMAXPROCS %d, mail: %s)", srv.pid, srv.base, srv.gomaxprocs, mailMode)
	return srv, nil
}
