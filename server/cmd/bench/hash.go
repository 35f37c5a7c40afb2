package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/minicorp/miniid/server/auth"
)

// hashRate is a run of argon2id verifications.
type hashRate struct {
	n      int
	perSec float64
	median time.Duration
	cpu    float64 // CPU seconds this process used meanwhile
	wall   time.Duration
}

// measureHash verifies the benchmark password against its OWASP hash in a
// loop on one goroutine, with the portal's own Hasher limited to one slot:
// the work one core does per login, and nothing else. GOMAXPROCS is 1
// meanwhile, so that the garbage collection of each verification's 19 MiB
// is done by that core too, as it is in a saturated portal, and not by an
// idle second core for free.
func measureHash(ctx context.Context, d time.Duration) (hashRate, error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	h := auth.NewHasher(auth.OWASP, rand.Reader, 1)
	enc, err := h.Hash(ctx, benchPassword)
	if err != nil {
		return hashRate{}, err
	}
	var times []time.Duration
	cpu0, _ := cpuSeconds(0)
	start := time.Now()
	for time.Since(start) < d || len(times) < 10 {
		t := time.Now()
		ok, _, err := h.Verify(ctx, benchPassword, enc)
		if err != nil {
			return hashRate{}, err
		}
		if !ok {
			return hashRate{}, fmt.Errorf("argon2id baseline: the password does not verify")
		}
		times = append(times, time.Since(t))
	}
	total := time.Since(start)
	cpu1, _ := cpuSeconds(0)
	slices.Sort(times)
	return hashRate{n: len(times), perSec: float64(len(times)) / total.Seconds(), median: times[len(times)/2], cpu: cpu1 - cpu0, wall: total}, nil
}

// measureHashParallel is the same loop on n goroutines with n slots: how
// far the machine's cores scale for argon2id alone (shared caches and
// memory bandwidth, or hyperthreads), which bounds login_hash_ratio.
func measureHashParallel(ctx context.Context, n int, d time.Duration) (hashRate, error) {
	h := auth.NewHasher(auth.OWASP, rand.Reader, n)
	enc, err := h.Hash(ctx, benchPassword)
	if err != nil {
		return hashRate{}, err
	}
	var count atomic.Int64
	var wg sync.WaitGroup
	cpu0, _ := cpuSeconds(0)
	start := time.Now()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Since(start) < d {
				if _, _, err := h.Verify(ctx, benchPassword, enc); err != nil {
					return
				}
				count.Add(1)
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	cpu1, _ := cpuSeconds(0)
	return hashRate{n: int(count.Load()), perSec: float64(count.Load()) / wall.Seconds(), cpu: cpu1 - cpu0, wall: wall}, nil
}
