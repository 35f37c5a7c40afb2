package help

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestVoteRules(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, _ := newService(t, db)
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
			got, err := s.Vote(ctx, "two-factor-activate", st.visitor, st.helpful)
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
		if _, err := s.Vote(ctx, "no-such-article", "ann", true); !errors.Is(err, ErrNotFound) {
			t.Fatalf("vote on unknown slug: %v", err)
		}
		if _, err := s.Vote(ctx, "log-in", "", true); !errors.Is(err, ErrNoVisitor) {
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
		// 20 visitors: 12 yes, 8 no; plus one visitor sending 20 votes at once.
		for i := range 20 {
			wg.Add(2)
			go func() {
				defer wg.Done()
				_, err := s.Vote(ctx, "privacy", fmt.Sprintf("visitor-%d", i), i < 12)
				errs <- err
			}()
			go func() {
				defer wg.Done()
				_, err := s.Vote(ctx, "passkeys", "same-visitor", true)
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
