package help

import (
	"context"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// ErrNoVisitor is returned when a vote or read comes without a visitor.
var ErrNoVisitor = errors.New("help: visitor missing")

// The visitor is an opaque string the caller derives, for example an HMAC of
// the session id: nothing personal is stored for votes and reads.

// Vote records whether visitor found slug helpful. A visitor has one vote
// per article: voting again the same way changes nothing, voting the other
// way moves the vote between the counters. It returns the counts after the
// vote. The vote and the counters change in one transaction, so the counts
// stay exact under concurrent votes.
func (s *Service) Vote(ctx context.Context, slug, visitor string, helpful bool) (api.HelpVoteResponse, error) {
	if visitor == "" {
		return api.HelpVoteResponse{}, ErrNoVisitor
	}
	d, err := s.lookup(slug, English)
	if err != nil {
		return api.HelpVoteResponse{}, err
	}
	out := api.HelpVoteResponse{MyVote: helpful}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		v := &store.HelpVote{Slug: d.Slug, Visitor: visitor, Helpful: helpful}
		yes, no := int64(0), int64(0)
		inserted, err := store.InsertHelpVote(ctx, tx, v)
		if err != nil {
			return err
		}
		if inserted {
			yes, no = one(helpful), one(!helpful)
		} else {
			changed, err := store.ChangeHelpVote(ctx, tx, v)
			if err != nil {
				return err
			}
			if changed {
				yes, no = one(helpful)-one(!helpful), one(!helpful)-one(helpful)
			}
		}
		if yes != 0 || no != 0 {
			if err := store.AddHelpVoteCounts(ctx, tx, d.Slug, yes, no); err != nil {
				return err
			}
		}
		row, err := store.GetHelpArticle(ctx, tx, d.Slug, d.Lang)
		if err != nil {
			return err
		}
		out.HelpfulYes, out.HelpfulNo = row.HelpfulYes, row.HelpfulNo
		return nil
	})
	if err != nil {
		return api.HelpVoteResponse{}, fmt.Errorf("help: vote on %s: %w", slug, err)
	}
	return out, nil
}

func one(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// CountRead counts that visitor read slug, once per visitor, article and
// day (UTC, from the clock). It reports whether this read was counted.
func (s *Service) CountRead(ctx context.Context, slug, visitor string) (bool, error) {
	if visitor == "" {
		return false, ErrNoVisitor
	}
	d, err := s.lookup(slug, English)
	if err != nil {
		return false, err
	}
	day := s.clk.Now().UTC().Format("2006-01-02")
	counted := false
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		counted, err = store.InsertHelpRead(ctx, tx, &store.HelpRead{Slug: d.Slug, Visitor: visitor, Day: day})
		if err != nil || !counted {
			return err
		}
		return store.AddHelpRead(ctx, tx, d.Slug)
	})
	if err != nil {
		return false, fmt.Errorf("help: count read of %s: %w", slug, err)
	}
	return counted, nil
}
