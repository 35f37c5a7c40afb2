// Package testenv gives tests the real parts they run against: a fresh SQLite
// file, a fresh PostgreSQL database, and headless Chromium. When a part is
// missing the test is skipped loudly, and with MINIID_TEST_STRICT=1 (set by
// .ci/run) such a skip fails the test instead.
package testenv

import (
	"os"
	"sync"
	"testing"
)

// Strict reports whether a missing PostgreSQL or Chromium must fail the run.
func Strict() bool { return os.Getenv("MINIID_TEST_STRICT") == "1" }

// Skip skips t with reason, or fails it in strict mode.
func Skip(t testing.TB, reason string) {
	t.Helper()
	if Strict() {
		t.Fatalf("MINIID_TEST_STRICT=1 and %s", reason)
	}
	t.Skipf("SKIPPED (set it up to run this test): %s", reason)
}

// Main runs the package's tests and then stops whatever testenv started (a
// throwaway PostgreSQL cluster) and runs what AtExit registered. Use it as
// TestMain.
func Main(m *testing.M) {
	code := m.Run()
	atExit.Lock()
	for _, fn := range atExit.fns {
		fn()
	}
	atExit.Unlock()
	stopCluster()
	os.Exit(code)
}

var atExit struct {
	sync.Mutex
	fns []func()
}

// AtExit registers fn to run after all tests of the package, before Main
// exits: for what tests share and a test's Cleanup cannot remove, such as
// a binary built once for all of them.
func AtExit(fn func()) {
	atExit.Lock()
	defer atExit.Unlock()
	atExit.fns = append(atExit.fns, fn)
}
