// Package proctest runs real portal processes for tests that a portal in
// the test's own process cannot stand in for: several processes on one
// database, a process killed with SIGKILL, a database or a mail provider
// that goes away under load. It builds the binary once per test binary (as
// `make build` does), starts processes with an environment, puts a
// round-robin load balancer in front of them, a fault-injecting proxy in
// front of mailgun-go's mock server, and gives tests a browser-like client
// that returns errors instead of failing, so that it can be used from many
// goroutines during a fault.
package proctest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// Binary returns the portal binary, building ./server once for all tests of
// the test binary (removed by testenv.Main when they are done).
func Binary(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "miniid-proc-")
		if built.err != nil {
			return
		}
		testenv.AtExit(func() { os.RemoveAll(built.dir) })
		root, err := moduleRoot()
		if err != nil {
			built.err = err
			return
		}
		built.bin = filepath.Join(built.dir, "miniid")
		built.err = goBuild(root, built.bin)
	})
	if built.err != nil {
		t.Fatalf("build the portal: %v", built.err)
	}
	return built.bin
}

// goBuild builds the portal of the module at root into out with the flags
// of `make build`.
func goBuild(root, out string) error {
	cmd := exec.Command(goTool(), "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./server")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build in %s: %w\n%s", root, err, b)
	}
	return nil
}

// goTool is the go command: $GO (as the Makefile sets it) or go on PATH.
func goTool() string {
	if g := os.Getenv("GO"); g != "" {
		return g
	}
	return "go"
}

// moduleRoot is the directory of the repository's go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command(goTool(), "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("no go.mod found from %s", mustGetwd())
	}
	return filepath.Dir(mod), nil
}

func mustGetwd() string {
	d, _ := os.Getwd()
	return d
}
