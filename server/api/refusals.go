package api

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// A refusal (a 4xx answer) is the client's affair, not the server's: it is
// logged at INFO, and sampled, so that a flood of 401s from a script cannot
// fill the logs. Per kind of refusal (route, status and code) the first
// refusalsPerSecond of each second are logged, then one in
// refusalsSampleEvery; a logged line says how many of its kind were left out
// before it.
const (
	refusalsPerSecond   = 10
	refusalsSampleEvery = 1000
)

// refusals is the sampler fail uses. It reads the wall clock: it decides
// only what is logged, never what is answered.
var refusals = newRefusalSampler(time.Now, refusalsPerSecond, refusalsSampleEvery)

// refusalSampler counts refusals per kind and second.
type refusalSampler struct {
	mu    sync.Mutex
	now   func() time.Time
	first int
	every int
	kinds map[string]*refusalCount
}

// refusalCount is one kind's count in the current second.
type refusalCount struct {
	second  int64 // Unix second the count is for
	seen    int   // refusals of this kind in that second
	leftOut int   // not logged since the last one that was
}

func newRefusalSampler(now func() time.Time, first, every int) *refusalSampler {
	return &refusalSampler{now: now, first: first, every: every, kinds: map[string]*refusalCount{}}
}

// admit counts one refusal of kind and reports whether to log it and, if so,
// how many of its kind were left out before it. Kinds are built from route
// patterns, statuses and error codes, a fixed set, so the map stays small.
func (s *refusalSampler) admit(kind string) (bool, int) {
	sec := s.now().Unix()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.kinds[kind]
	if c == nil {
		c = &refusalCount{}
		s.kinds[kind] = c
	}
	if c.second != sec {
		c.second, c.seen = sec, 0
	}
	c.seen++
	if c.seen <= s.first || (c.seen-s.first)%s.every == 0 {
		n := c.leftOut
		c.leftOut = 0
		return true, n
	}
	c.leftOut++
	return false, 0
}

// refusalKind names the kind of a refusal by the route pattern that matched
// (never the raw path, which a client can vary without end), the status and
// the error code.
func refusalKind(r *http.Request, status int, code string) string {
	route := r.Pattern
	if route == "" {
		route = "unrouted"
	}
	return route + " " + strconv.Itoa(status) + " " + code
}
