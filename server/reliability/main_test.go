// Package reliability holds the tests that start real portal processes:
// several processes on one PostgreSQL behind a load balancer, and the
// faults a deployment meets — PostgreSQL restarted, Mailgun failing, a
// process killed with SIGKILL, SQLite under concurrent load. The portal
// binary is built once for all of them (server/internal/proctest).
package reliability

import (
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }
