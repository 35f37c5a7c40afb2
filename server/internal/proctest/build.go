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
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/minicorp/miniid/server/internal/gotool"
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
		root, err := gotool.ModuleRoot()
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

// goBuild builds the portal of the module at root into out.
func goBuild(root, out string) error {
	var log bytes.Buffer
	if err := gotool.Build(context.Background(), root, "./server", out, &log); err != nil {
		return fmt.Errorf("%w\n%s", err, log.String())
	}
	return nil
}
