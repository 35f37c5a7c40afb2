package proctest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Process is one portal process started from a binary.
type Process struct {
	t    testing.TB
	bin  string
	env  map[string]string
	URL  string // http://127.0.0.1:PORT, the process itself (not the balancer)
	Port int

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
	log  bytes.Buffer // stderr of every start, in order
}

// Start starts bin with the environment env (PORT is chosen here) and waits
// until it serves /healthz. The process is killed when the test ends, and
// its log is shown if the test failed.
func Start(t testing.TB, bin string, env map[string]string) *Process {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	p := &Process{t: t, bin: bin, env: env, Port: port, URL: "http://127.0.0.1:" + strconv.Itoa(port)}
	t.Cleanup(func() {
		p.Kill()
		if t.Failed() {
			t.Logf("log of the portal on port %d:\n%s", p.Port, tail(p.Log(), 6000))
		}
	})
	p.Restart()
	return p
}

// Restart starts the process again (after Kill or Stop) with the same
// environment and port, and waits until it serves.
func (p *Process) Restart() {
	p.t.Helper()
	if err := p.start(); err != nil {
		p.t.Fatal(err)
	}
}

func (p *Process) start() error {
	cmd := exec.Command(p.bin)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(), "PORT=" + strconv.Itoa(p.Port)}
	for k, v := range p.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	p.mu.Lock()
	cmd.Stdout = &lockedWriter{mu: &p.mu, w: &p.log}
	cmd.Stderr = cmd.Stdout
	p.mu.Unlock()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start portal: %w", err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	p.mu.Lock()
	p.cmd, p.done = cmd, done
	p.mu.Unlock()

	// Liveness bound, not a measurement: a start that never serves fails.
	deadline := time.Now().Add(90 * time.Second)
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		select {
		case <-done:
			return fmt.Errorf("the portal exited during its start:\n%s", tail(p.Log(), 3000))
		default:
		}
		if res, err := client.Get(p.URL + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			p.Kill()
			return fmt.Errorf("the portal did not serve /healthz within 90 s:\n%s", tail(p.Log(), 3000))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Deploy replaces the process with another binary on the same port, as a
// rolling deployment does: SIGTERM (the requests in flight are finished),
// then bin starts and migrates the database before it serves.
func (p *Process) Deploy(bin string) {
	p.t.Helper()
	p.Stop()
	p.bin = bin
	p.Restart()
}

// Kill ends the process with SIGKILL, as a crash or an OOM kill does: no
// draining, no deferred work. It returns once the process is gone.
func (p *Process) Kill() { p.signal(syscall.SIGKILL) }

// Stop ends the process with SIGTERM, as a deployment does: it drains the
// requests in flight first. It returns once the process is gone.
func (p *Process) Stop() { p.signal(syscall.SIGTERM) }

func (p *Process) signal(sig syscall.Signal) {
	p.mu.Lock()
	cmd, done := p.cmd, p.done
	p.mu.Unlock()
	if cmd == nil {
		return
	}
	select {
	case <-done:
		return
	default:
	}
	cmd.Process.Signal(sig)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}

// Running reports whether the process is alive.
func (p *Process) Running() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done == nil {
		return false
	}
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Log returns what the process wrote to stdout and stderr, over all its
// starts.
func (p *Process) Log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// Panicked reports whether the log shows a panic or a goroutine dump: a
// stack reached the log, and whoever sent that request got no proper answer.
func (p *Process) Panicked() bool {
	l := p.Log()
	return strings.Contains(l, "panic:") || strings.Contains(l, "goroutine ") && strings.Contains(l, "[running]")
}

// WaitFor polls cond every 50 ms until it holds. timeout is a liveness
// bound (a cond that never holds fails the test with what, instead of
// hanging it), never a measurement.
func WaitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("still waiting after %s: %s", timeout, what)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
