package main

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress writes what the benchmark is doing to stderr, stamped with the
// time since it began, so a person watching knows it is alive.
type progress struct {
	w     io.Writer
	start time.Time
	mu    sync.Mutex
}

func (p *progress) printf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	el := time.Since(p.start).Round(time.Second)
	fmt.Fprintf(p.w, "bench %02d:%02d  %s\n", int(el.Minutes()), int(el.Seconds())%60, fmt.Sprintf(format, args...))
}

// every prints line() every d until the returned func is called.
func (p *progress) every(d time.Duration, line func() string) (stop func()) {
	done := make(chan struct{})
	var once sync.Once
	go func() {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p.printf("  … %s", line())
			}
		}
	}()
	return func() { once.Do(func() { close(done) }) }
}
