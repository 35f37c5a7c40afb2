package api

import (
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
)

func TestRefusalSamplerLogsTheFirstOfEachSecondThenOneInEvery(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	s := newRefusalSampler(clk.Now, 3, 10)
	var logged []int // which refusals were logged, 1-based
	var leftOut []int
	for i := 1; i <= 25; i++ {
		if ok, n := s.admit("GET /api/v1/me 401 unauthorized"); ok {
			logged = append(logged, i)
			leftOut = append(leftOut, n)
		}
	}
	// 1, 2, 3 as they come; then every 10th after the first 3: 13 and 23.
	if want := []int{1, 2, 3, 13, 23}; !equal(logged, want) {
		t.Fatalf("logged %v, want %v", logged, want)
	}
	if want := []int{0, 0, 0, 9, 9}; !equal(leftOut, want) {
		t.Fatalf("left out before each %v, want %v", leftOut, want)
	}

	// Another kind of refusal has its own count.
	if ok, _ := s.admit("POST /api/v1/login 401 invalid_login"); !ok {
		t.Fatal("the first refusal of another kind was not logged")
	}

	// The next second starts afresh, and its first line tells how many of
	// the last second went unlogged (24, 25).
	clk.Advance(time.Second)
	if ok, n := s.admit("GET /api/v1/me 401 unauthorized"); !ok || n != 2 {
		t.Fatalf("first refusal of the next second: logged %v, left out %d; want true, 2", ok, n)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
