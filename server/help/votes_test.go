package help

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestVoteRules(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, _ := newService(t, db)
		for _, v := range []string{"ann", "bob"} {
			if _, err := s.CountRead(ctx, "two-factor-activate", v); err != nil {
				t.Fatal(err)
			}
		}
		steps := []struct {
			visitor       string
			helpful       bool
			wantYes, want int64
		}{
			{"ann", true, 1, 0},
			{"ann", true, 1, 0},  // the same vote twice counts once
			{"ann", false, 0, 1}, // changing moves the vote
			{"bob", false, 0, 2},
			{"ann", true, 1, 1},
		}
		for i, st := range steps {
			got, err := s.Vote(ctx, "two-factor-activate", st.visitor, "net-"+st.visitor, st.helpful)
			if err != nil {
				t.Fatal(err)
			}
			if got.HelpfulYes != st.wantYes || got.HelpfulNo != st.want || got.MyVote != st.helpful {
				t.Fatalf("step %d: %+v, want yes=%d no=%d", i, got, st.wantYes, st.want)
			}
		}
		// Both languages show the same counts, and each visitor their own vote.
		for _, lang := range languages {
			a, err := s.Article(ctx, "two-factor-activate", lang, "bob")
			if err != nil {
				t.Fatal(err)
			}
			if a.HelpfulYes != 1 || a.HelpfulNo != 1 || a.MyVote == nil || *a.MyVote {
				t.Fatalf("%s: %+v", lang, a)
			}
		}
		if a, _ := s.Article(ctx, "two-factor-activate", English, "carl"); a.MyVote != nil {
			t.Fatalf("carl never voted, my_vote %v", *a.MyVote)
		}
		if _, err := s.Vote(ctx, "no-such-article", "ann", "net-ann", true); !errors.Is(err, ErrNotFound) {
			t.Fatalf("vote on unknown slug: %v", err)
		}
		if _, err := s.Vote(ctx, "log-in", "", "net-ann", true); !errors.Is(err, ErrNoVisitor) {
			t.Fatalf("vote without visitor: %v", err)
		}
	})
}

func TestConcurrentVotesCountExactly(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, _ := newService(t, db)
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		// 20 visitors from networks of their own: 12 yes, 8 no; plus one
		// visitor sending 20 votes at once.
		for i := range 20 {
			if _, err := s.CountRead(ctx, "privacy", fmt.Sprintf("visitor-%d", i)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.CountRead(ctx, "passkeys", "same-visitor"); err != nil {
			t.Fatal(err)
		}
		for i := range 20 {
			wg.Add(2)
			go func() {
				defer wg.Done()
				_, err := s.Vote(ctx, "privacy", fmt.Sprintf("visitor-%d", i), fmt.Sprintf("net-%d", i), i < 12)
				errs <- err
			}()
			go func() {
				defer wg.Done()
				_, err := s.Vote(ctx, "passkeys", "same-visitor", "net-x", true)
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		a, _ := s.Article(ctx, "privacy", German, "")
		if a.HelpfulYes != 12 || a.HelpfulNo != 8 {
			t.Fatalf("privacy: yes=%d no=%d, want 12 and 8", a.HelpfulYes, a.HelpfulNo)
		}
		p, _ := s.Article(ctx, "passkeys", English, "")
		if p.HelpfulYes != 1 || p.HelpfulNo != 0 {
			t.Fatalf("passkeys: yes=%d no=%d, want 1 and 0", p.HelpfulYes, p.HelpfulNo)
		}
	})
}

func TestReadsCountOncePerVisitorAndDay(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, clk := newService(t, db) // the clock starts at 23:30 UTC
		read := func(visitor string, want bool) {
			t.Helper()
			got, err := s.CountRead(ctx, "phone-id", visitor)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("CountRead(%s) = %v, want %v", visitor, got, want)
			}
		}
		read("ann", true)
		read("ann", false)
		read("bob", true)
		clk.Advance(20 * time.Minute) // 23:50: still the same day
		read("ann", false)
		clk.Advance(20 * time.Minute) // 00:10 UTC: a new day
		read("ann", true)
		read("ann", false)
		a, _ := s.Article(ctx, "phone-id", German, "")
		mr, _ := s.MostRead(ctx, English, 1)
		if len(mr) != 1 || mr[0].Slug != "phone-id" || mr[0].Reads != 3 {
			t.Fatalf("most read %+v (article %+v)", mr, a)
		}
		if _, err := s.CountRead(ctx, "phone-id", ""); !errors.Is(err, ErrNoVisitor) {
			t.Fatalf("read without visitor: %v", err)
		}
	})
}

func TestRelatedAreOrderedByReads(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, _ := newService(t, db)
		// two-factor-activate relates to two-factor-login, two-factor-no-code,
		// two-factor-deactivate. Give them 1, 3 and 0 reads.
		reads := map[string]int{"two-factor-login": 1, "two-factor-no-code": 3}
		for slug, n := range reads {
			for i := range n {
				if _, err := s.CountRead(ctx, slug, fmt.Sprint("v", i)); err != nil {
					t.Fatal(err)
				}
			}
		}
		got, err := s.Related(ctx, "two-factor-activate", English)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"two-factor-no-code", "two-factor-login", "two-factor-deactivate"}
		for i, w := range want {
			if got[i].Slug != w {
				t.Fatalf("related %v, want %v", got, want)
			}
		}
		if got[0].Reads != 3 || got[0].FirstLine == "" || got[0].Title != "The activation code doesn't arrive" {
			t.Fatalf("summary %+v", got[0])
		}
		// Ties are ordered by title.
		got, _ = s.Related(ctx, "what-is-mini-id", German)
		if got[0].Title > got[1].Title || got[1].Title > got[2].Title {
			t.Fatalf("unread related not by title: %v", got)
		}
	})
}

// A vote needs a read of the article by the same visitor first.
func TestVotesNeedARead(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, _ := newService(t, db)
		if _, err := s.Vote(ctx, "log-in", "fresh", "net-a", true); !errors.Is(err, ErrNotRead) {
			t.Fatalf("vote without a read: %v, want ErrNotRead", err)
		}
		// A read of another article, or by another visitor, does not count.
		for _, r := range [][2]string{{"privacy", "fresh"}, {"log-in", "other"}} {
			if _, err := s.CountRead(ctx, r[0], r[1]); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Vote(ctx, "log-in", "fresh", "net-a", true); !errors.Is(err, ErrNotRead) {
			t.Fatalf("vote after someone else's read: %v, want ErrNotRead", err)
		}
		if a, _ := s.Article(ctx, "log-in", English, ""); a.HelpfulYes != 0 {
			t.Fatalf("a refused vote counted: %+v", a)
		}
		if _, err := s.CountRead(ctx, "log-in", "fresh"); err != nil {
			t.Fatal(err)
		}
		got, err := s.Vote(ctx, "log-in", "fresh", "net-a", true)
		if err != nil || got.HelpfulYes != 1 {
			t.Fatalf("vote after reading: %+v, %v", got, err)
		}
	})
}

// Many visitors of one network count once per answer; a network whose
// visitors disagree counts once on each side.
func TestVotesCountOncePerNetwork(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, _ := newService(t, db)
		vote := func(visitor, network string, helpful bool) api.HelpVoteResponse {
			t.Helper()
			if _, err := s.CountRead(ctx, "phone-id", visitor); err != nil {
				t.Fatal(err)
			}
			got, err := s.Vote(ctx, "phone-id", visitor, network, helpful)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		for i := range 25 {
			vote(fmt.Sprint("stuffer-", i), "net-a", true)
		}
		if got := vote("bob", "net-b", true); got.HelpfulYes != 2 || got.HelpfulNo != 0 {
			t.Fatalf("25 visitors of net-a and one of net-b: %+v, want yes=2", got)
		}
		if got := vote("carl", "net-a", false); got.HelpfulYes != 2 || got.HelpfulNo != 1 {
			t.Fatalf("net-a also says no: %+v, want yes=2 no=1", got)
		}
		// A visitor who moves to another network takes its vote along.
		if got := vote("bob", "net-c", true); got.HelpfulYes != 2 || got.HelpfulNo != 1 {
			t.Fatalf("bob moved to net-c: %+v, want yes=2 no=1", got)
		}
	})
}

func TestVoteNetwork(t *testing.T) {
	tests := []struct{ ip, want string }{
		{"203.0.113.7", "203.0.113.0/24"},
		{"203.0.113.250", "203.0.113.0/24"},
		{"::ffff:203.0.113.9", "203.0.113.0/24"},
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
		{"2001:db8:1:2::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:3::1", "2001:db8:1:3::/64"},
		{"not an address", "not an address"},
	}
	for _, tc := range tests {
		if got := VoteNetwork(tc.ip); got != tc.want {
			t.Errorf("VoteNetwork(%q) = %q, want %q", tc.ip, got, tc.want)
		}
	}
}
