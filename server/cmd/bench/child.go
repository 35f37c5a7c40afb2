package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"github.com/minicorp/miniid/server/internal/gotool"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// serverPkg is the portal process the benchmark measures (see its doc).
const serverPkg = "./server/cmd/bench/benchserver"

// buildServer compiles serverPkg with the flags of `make build`, so the
// process measured is the one that ships, plus the benchmark's hooks.
func buildServer(ctx context.Context, root, out string) error {
	return gotool.Build(ctx, root, serverPkg, out, os.Stderr)
}

// serverConfig is one start of the portal process.
type serverConfig struct {
	binary   string
	dataDir  string // SQLite file and secret key
	dbURL    string // PostgreSQL when set
	secret   string // SECRET_KEY, the same for every start, so sessions survive restarts
	mailMode string // "capture" or "mailgun" (see benchserver/mail.go)
	pprof    bool
	logPath  string // the portal's own log
}

// server is a running portal process.
type server struct {
	cmd        *exec.Cmd
	stdin      io.WriteCloser
	log        *os.File
	logPath    string
	base       string
	pid        int
	gomaxprocs int
}

// startServer starts the portal process and waits until it serves.
func startServer(ctx context.Context, c serverConfig) (*server, error) {
	logf, err := os.OpenFile(c.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(c.binary)
	cmd.Env = serverEnv(c)
	cmd.Stderr = logf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		logf.Close()
		return nil, err
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		logf.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start portal: %w", err)
	}
	s := &server{cmd: cmd, stdin: stdin, log: logf, logPath: c.logPath, pid: cmd.Process.Pid}
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			line <- sc.Text()
		}
		close(line)
		io.Copy(io.Discard, stdout)
	}()
	select {
	case base, ok := <-line:
		if !ok || !strings.HasPrefix(base, "http://") {
			s.stop()
			return nil, fmt.Errorf("the portal did not start; its log %s ends with:\n%s", c.logPath, tail(c.logPath, 15))
		}
		s.base = base
	case <-time.After(60 * time.Second):
		s.stop()
		return nil, fmt.Errorf("the portal did not start within 60 s; see %s", c.logPath)
	case <-ctx.Done():
		s.stop()
		return nil, ctx.Err()
	}
	var inf struct {
		GOMAXPROCS int `json:"gomaxprocs"`
	}
	if err := getJSON(ctx, s.base+"/bench/info", &inf); err != nil {
		s.stop()
		return nil, err
	}
	s.gomaxprocs = inf.GOMAXPROCS
	return s, nil
}

func serverEnv(c serverConfig) []string {
	drop := map[string]bool{
		"PORT": true, "BASE_URL": true, "DATABASE_URL": true, "DATA_DIR": true, "SECRET_KEY": true,
		"MAILGUN_DOMAIN": true, "MAILGUN_API_KEY": true, "MAILGUN_API_BASE": true, "MAIL_FROM": true,
		"BRAND": true, "TRUSTED_PROXIES": true, "BENCH_MAIL": true, "BENCH_PPROF": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !drop[k] {
			env = append(env, kv)
		}
	}
	env = append(env,
		"DATA_DIR="+c.dataDir,
		"SECRET_KEY="+c.secret,
		"BRAND=MINI",
		// The load generator is a trusted proxy, so each request can come
		// from an address of its own (X-Forwarded-For) and the per-IP
		// budgets do not cap the load.
		"TRUSTED_PROXIES=127.0.0.0/8",
		"BENCH_MAIL="+c.mailMode,
	)
	if c.dbURL != "" {
		env = append(env, "DATABASE_URL="+c.dbURL)
	}
	if c.pprof {
		env = append(env, "BENCH_PPROF=1")
	}
	return env
}

// stop ends the process (SIGTERM, then SIGKILL after 15 s).
func (s *server) stop() error {
	s.stdin.Close()
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		err = <-done
	}
	s.log.Close()
	return err
}

// tail returns the last n lines of a file.
func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// getJSON GETs url and decodes its JSON answer into v.
func getJSON(ctx context.Context, url string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(res.Body, 512))
		return fmt.Errorf("GET %s: %d %s", url, res.StatusCode, b)
	}
	return json.NewDecoder(res.Body).Decode(v)
}
