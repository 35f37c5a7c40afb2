package mail_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// start is the fake clocks' starting time.
var start = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// provider stands in for a mail provider: it fails its first failures sends
// (all of them when failures < 0) and records what it delivered.
type provider struct {
	mu        sync.Mutex
	failures  int
	calls     int
	delivered map[int64]int // outbox id → deliveries
}

func newProvider(failures int) *provider {
	return &provider{failures: failures, delivered: map[int64]int{}}
}

func (p *provider) Send(_ context.Context, m store.OutboxMail) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if p.failures < 0 || p.calls <= p.failures {
		// Providers like to echo the recipient; the worker must cut it out.
		return fmt.Errorf("provider down, could not reach %s", m.To)
	}
	p.delivered[m.ID]++
	return nil
}

func (p *provider) counts() (calls int, delivered map[int64]int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[int64]int{}
	for k, v := range p.delivered {
		out[k] = v
	}
	return p.calls, out
}

var errTest = errors.New("rolled back on purpose")
