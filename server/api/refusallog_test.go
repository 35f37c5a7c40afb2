package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/api"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	shared "github.com/minicorp/miniid/shared/api"
)

// A flood of refused requests (here 401s from a script without a session)
// must not fill the logs: refusals are logged at INFO, not WARN, the first
// few of each second and then one in many, each sampled line saying how
// many it stands for.
func TestAFloodOfRefusalsIsSampledAtInfo(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	defer api.SampleRefusalsBy(env.Clock.Now)()
	perSecond, every := api.RefusalLimits()
	flood := perSecond + 2*every + 5
	c := env.Client()
	for i := 0; i < flood; i++ {
		if r := c.Get(shared.PathMe); r.Status != 401 {
			t.Fatalf("request %d: %d", i, r.Status)
		}
	}
	var lines []string
	for _, l := range strings.Split(env.Log.String(), "\n") {
		if strings.Contains(l, "request refused") && strings.Contains(l, "path="+shared.PathMe) {
			lines = append(lines, l)
		}
	}
	if want := perSecond + 2; len(lines) != want {
		t.Fatalf("%d refusals in one second gave %d log lines, want %d", flood, len(lines), want)
	}
	for _, l := range lines {
		if !strings.Contains(l, "level=INFO") {
			t.Fatalf("a refusal is not logged at INFO: %s", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "left_out="+itoa(every-1)) {
		t.Errorf("a sampled line does not say how many it stands for: %s", last)
	}

	// The next second logs again.
	env.Clock.Advance(time.Second)
	c.Get(shared.PathMe)
	if n := strings.Count(env.Log.String(), "path="+shared.PathMe); n != len(lines)+1 {
		t.Errorf("after a second: %d lines, want %d", n, len(lines)+1)
	}
}
