package main

import (
	"encoding/json"
	"net/http"
	"runtime"
	"time"

	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/portal"
	"github.com/minicorp/miniid/server/ratelimit"
)

// budgetHook serves GET /bench/budget?ip=ADDRESS: one spend of the "help"
// budget for the address through server/ratelimit on the portal's own
// database, the work the portal adds to every throttled request. 200 when
// allowed, 429 when spent, 503 when the database failed.
func budgetHook(p *portal.Portal) http.HandlerFunc {
	lim := ratelimit.New(p.DB(), keyring.New(p.Config().SecretKeys...), func() time.Time { return time.Now().UTC() })
	return func(w http.ResponseWriter, r *http.Request) {
		_, ok, err := lim.Allow(r.Context(), "help", r.URL.Query().Get("ip"))
		switch {
		case err != nil:
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
		case !ok:
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.Write([]byte(`{"ok":true}` + "\n"))
		}
	}
}

// memStats serves GET /bench/mem: the Go runtime's view of the process's
// memory, to explain its RSS.
func memStats(w http.ResponseWriter, _ *http.Request) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]uint64{
		"heap_alloc": m.HeapAlloc, "heap_inuse": m.HeapInuse, "heap_idle": m.HeapIdle,
		"heap_released": m.HeapReleased, "stack_inuse": m.StackInuse, "sys": m.Sys,
		"num_gc": uint64(m.NumGC), "total_alloc": m.TotalAlloc,
	})
}
