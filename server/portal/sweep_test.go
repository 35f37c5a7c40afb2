package portal_test

import (
	"context"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/portal"
	"github.com/minicorp/miniid/server/store"
)

// The portal sweeps with the retention periods of its configuration.
func TestPortalSweepsWithTheConfiguredRetention(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		p := start(t, db, map[string]string{"BASE_URL": "http://localhost:8080", "RETENTION_SECURITY_EVENTS": "2d"}, portal.Options{})
		u := &store.User{Email: "sweep@example.com", Version: 1, CreatedAt: clk.Now(), UpdatedAt: clk.Now()}
		if err := store.CreateUser(ctx, p.DB(), u, "x"); err != nil {
			t.Fatal(err)
		}
		for _, age := range []time.Duration{3 * 24 * time.Hour, 24 * time.Hour} {
			if err := store.AddEvent(ctx, p.DB(), &store.SecurityEvent{UserID: u.ID, Kind: "login", CreatedAt: clk.Now().Add(-age)}); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := p.Sweeper().Round(ctx)
		if err != nil || !rep.Ran {
			t.Fatalf("round: %+v %v", rep, err)
		}
		if rep.Removed["security_events"] != 1 {
			t.Fatalf("removed %v: want the event older than RETENTION_SECURITY_EVENTS=2d, not the younger one", rep.Removed)
		}
	})
}
