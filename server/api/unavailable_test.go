package api_test

import (
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// When PostgreSQL ends the portal's connections (a restart, a failover),
// requests that meet a dead connection answer 503 with Retry-After and a
// message, never 500; the pool reconnects on its own and the next requests
// succeed, with the session intact. (server/reliability restarts a real
// PostgreSQL under load; this is the same answer, cheaply.)
func TestALostDatabaseConnectionAnswers503AndHeals(t *testing.T) {
	db := testenv.Postgres(t)
	env := portaltest.Start(t, db)
	c := env.Register("outage@example.com")
	if r := c.Get(api.PathMe); r.Status != 200 {
		t.Fatalf("before: %d %s", r.Status, r.Body)
	}
	db.CutConnections(t)
	unavailable := 0
	for i := 0; ; i++ {
		r := c.Get(api.PathMe)
		if r.Status == 200 {
			break
		}
		e := r.Error(t)
		if r.Status != 503 || r.Header.Get("Retry-After") == "" || e.Code != api.CodeTemporarilyUnavailable || e.RetryAfter < 1 || e.Message == "" {
			t.Fatalf("a request on a dead connection: %d Retry-After %q %s", r.Status, r.Header.Get("Retry-After"), r.Body)
		}
		unavailable++
		if i > 64 {
			t.Fatal("the pool did not reconnect: every request fails")
		}
	}
	if unavailable == 0 {
		t.Fatal("no request met a dead connection: the test did not end any")
	}
	if strings.Contains(env.Log.String(), "level=ERROR") {
		t.Fatalf("an outage was logged as an error of the portal:\n%s", env.Log.String())
	}
	t.Logf("%d requests answered 503 before the pool had reconnected", unavailable)
}
