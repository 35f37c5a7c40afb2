package portal

import (
	"context"
	"runtime/debug"
	"time"
)

// Memory that a quiet portal gives back. Every argon2id verification
// allocates a fresh 19 MiB block array (golang.org/x/crypto/argon2 takes no
// buffer from its caller, golang/go#36634), and the start-up builds search
// indexes and then drops their scaffolding. The collector frees that
// garbage only at its next cycle, which an idle process does not reach for
// up to two minutes, and the scavenger returns freed pages to the system
// only slowly: a portal that served a burst of logins kept it all in RSS
// (123 MiB after 100 logins, 78 MiB after its start, on 2026-12-01). It is
// given back once the start-up is done, and again whenever hashing has
// stopped for a second — never while logins keep coming, where the
// collector's own pacing (and the soft memory limit) are in charge.

// idleCheck is how often the portal looks whether hashing has stopped.
const idleCheck = time.Second

// releaseMemory returns the start-up's garbage to the system, then watches
// the password hasher's counters and returns memory after each burst of
// hashing, until ctx ends.
func (p *Portal) releaseMemory(ctx context.Context) {
	debug.FreeOSMemory()
	h := p.auth.Hasher()
	last := h.Checks() + h.Hashes()
	busy := false
	t := time.NewTicker(idleCheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n := h.Checks() + h.Hashes()
		switch {
		case n != last:
			last, busy = n, true
		case busy:
			// A whole interval without a hash: the burst is over.
			debug.FreeOSMemory()
			busy = false
		}
	}
}
