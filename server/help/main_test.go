package help

import (
	"context"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// newService loads the articles into db and starts a Service on a fake clock.
func newService(t *testing.T, db *testenv.DB) (*Service, *clock.Fake) {
	t.Helper()
	if err := Load(context.Background(), db.Bun, Brand); err != nil {
		t.Fatal(err)
	}
	clk := clock.NewFake(time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC))
	s, err := New(db.Bun, clk, Brand)
	if err != nil {
		t.Fatal(err)
	}
	return s, clk
}
