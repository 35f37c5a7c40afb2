package help

import (
	"context"
	"errors"
	"fmt"
	"net/netip"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// Errors of a vote the help centre does not take.
var (
	// ErrNoVisitor is returned when a vote or read comes without a visitor.
	ErrNoVisitor = errors.New("help: visitor missing")
	// ErrNotRead is returned for a vote on an article the visitor has not
	// read: a vote needs a read first, so a script cannot vote from fresh
	// sessions without loading the article in each.
	ErrNotRead = errors.New("help: vote on an article not read")
)

// The visitor is an opaque string the caller derives, for example an HMAC of
// the session id, and so is the network (an HMAC of VoteNetwork): nothing
// personal is stored for votes and reads.

// Vote records whether visitor, on network, found slug helpful. A visitor
// votes only on an article it has read (CountRead), and has one vote per
// article: voting again changes it. The counters count networks, not
// visitors: many fresh sessions from one network count once per answer. It
// returns the counts after the vote; the article's rows are locked while
// the vote is counted, so counts stay exact under concurrent votes.
func (s *Service) Vote(ctx context.Context, slug, visitor, network string, helpful bool) (api.HelpVoteResponse, error) {
	if visitor == "" {
		return api.HelpVoteResponse{}, ErrNoVisitor
	}
	d, err := s.lookup(slug, English)
	if err != nil {
		return api.HelpVoteResponse{}, err
	}
	out := api.HelpVoteResponse{MyVote: helpful}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.LockHelpArticle(ctx, tx, d.Slug); err != nil {
			return err
		}
		read, err := store.HasHelpRead(ctx, tx, d.Slug, visitor)
		if err != nil {
			return err
		}
		if !read {
			return ErrNotRead
		}
		if err := store.PutHelpVote(ctx, tx, &store.HelpVote{Slug: d.Slug, Visitor: visitor, Helpful: helpful, Network: network}); err != nil {
			return err
		}
		if err := store.RecountHelpVotes(ctx, tx, d.Slug); err != nil {
			return err
		}
		row, err := store.GetHelpArticle(ctx, tx, d.Slug, d.Lang)
		if err != nil {
			return err
		}
		out.HelpfulYes, out.HelpfulNo = row.HelpfulYes, row.HelpfulNo
		return nil
	})
	if errors.Is(err, ErrNotRead) {
		return api.HelpVoteResponse{}, err
	}
	if err != nil {
		return api.HelpVoteResponse{}, fmt.Errorf("help: vote on %s: %w", slug, err)
	}
	return out, nil
}

// VoteNetwork is the network a vote counts for: the /24 of an IPv4
// address, the /64 of an IPv6 one (a household's or an office's, and what
// one customer of a provider gets). An address it cannot read is its own
// network.
func VoteNetwork(ip string) string {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	addr = addr.Unmap()
	bits := 64
	if addr.Is4() {
		bits = 24
	}
	p, err := addr.Prefix(bits)
	if err != nil {
		return ip
	}
	return p.String()
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
