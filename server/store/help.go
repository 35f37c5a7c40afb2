package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/uptrace/bun"
)

// The help centre keeps its counters per slug: a read or a vote counts for the
// article whatever language it was read in, and every language row of a slug
// carries the same reads, helpful_yes and helpful_no.

// ListHelpArticles returns the help articles in lang (every language when
// lang is empty), ordered by slug and language.
func ListHelpArticles(ctx context.Context, db bun.IDB, lang string) ([]HelpArticle, error) {
	var rows []HelpArticle
	q := db.NewSelect().Model(&rows).Order("slug", "lang")
	if lang != "" {
		q = q.Where("lang = ?", lang)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: list help articles: %w", err)
	}
	return rows, nil
}

// GetHelpArticle returns one article in one language, or ErrNotFound.
func GetHelpArticle(ctx context.Context, db bun.IDB, slug, lang string) (*HelpArticle, error) {
	a := new(HelpArticle)
	err := db.NewSelect().Model(a).Where("slug = ? AND lang = ?", slug, lang).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: get help article %s/%s: %w", lang, slug, err)
	}
	return a, nil
}

// UpsertHelpArticle inserts an article or, when its checksum changed, replaces
// its content. The counters of an existing row are never touched, so loading
// the same articles again changes nothing and is safe from several processes.
func UpsertHelpArticle(ctx context.Context, db bun.IDB, a *HelpArticle) error {
	_, err := db.NewInsert().Model(a).
		On("CONFLICT (slug, lang) DO UPDATE").
		Set("topic = EXCLUDED.topic").
		Set("title = EXCLUDED.title").
		Set("body = EXCLUDED.body").
		Set("related = EXCLUDED.related").
		Set("checksum = EXCLUDED.checksum").
		Where("?TableAlias.checksum <> EXCLUDED.checksum").
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: upsert help article %s/%s: %w", a.Lang, a.Slug, err)
	}
	return nil
}

// DeleteHelpArticle removes one language of an article.
func DeleteHelpArticle(ctx context.Context, db bun.IDB, slug, lang string) error {
	_, err := db.NewDelete().Model((*HelpArticle)(nil)).Where("slug = ? AND lang = ?", slug, lang).Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: delete help article %s/%s: %w", lang, slug, err)
	}
	return nil
}

// DeleteHelpActivity removes the votes and reads of a slug that no longer
// exists.
func DeleteHelpActivity(ctx context.Context, db bun.IDB, slug string) error {
	if _, err := db.NewDelete().Model((*HelpVote)(nil)).Where("slug = ?", slug).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete help votes of %s: %w", slug, err)
	}
	if _, err := db.NewDelete().Model((*HelpRead)(nil)).Where("slug = ?", slug).Exec(ctx); err != nil {
		return fmt.Errorf("store: delete help reads of %s: %w", slug, err)
	}
	return nil
}

// GetHelpVote returns a visitor's vote on a slug, or ErrNotFound.
func GetHelpVote(ctx context.Context, db bun.IDB, slug, visitor string) (*HelpVote, error) {
	v := new(HelpVote)
	err := db.NewSelect().Model(v).Where("slug = ? AND visitor = ?", slug, visitor).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: get help vote: %w", err)
	}
	return v, nil
}

// InsertHelpVote records a visitor's first vote on a slug. It reports false,
// changing nothing, when the visitor has voted on it before.
func InsertHelpVote(ctx context.Context, db bun.IDB, v *HelpVote) (bool, error) {
	res, err := db.NewInsert().Model(v).On("CONFLICT (slug, visitor) DO NOTHING").Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: insert help vote: %w", err)
	}
	return helpRowsAffected(res, "insert help vote")
}

// ChangeHelpVote sets an existing vote to v.Helpful. It reports false when
// there is no vote or it already had that value.
func ChangeHelpVote(ctx context.Context, db bun.IDB, v *HelpVote) (bool, error) {
	res, err := db.NewUpdate().Model((*HelpVote)(nil)).
		Set("helpful = ?", v.Helpful).
		Where("slug = ? AND visitor = ? AND helpful <> ?", v.Slug, v.Visitor, v.Helpful).
		Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: change help vote: %w", err)
	}
	return helpRowsAffected(res, "change help vote")
}

// AddHelpVoteCounts adds yes and no (either may be negative) to the helpful
// counters of every language row of slug.
func AddHelpVoteCounts(ctx context.Context, db bun.IDB, slug string, yes, no int64) error {
	for _, lang := range helpLangs {
		_, err := db.NewUpdate().Model((*HelpArticle)(nil)).
			Set("helpful_yes = helpful_yes + ?", yes).
			Set("helpful_no = helpful_no + ?", no).
			Where("slug = ? AND lang = ?", slug, lang).
			Exec(ctx)
		if err != nil {
			return fmt.Errorf("store: count help vote on %s: %w", slug, err)
		}
	}
	return nil
}

// helpLangs are the languages of the article rows, in the one order every
// counter update locks them: one UPDATE over both rows let PostgreSQL lock
// them in either order, and two parallel votes deadlocked.
var helpLangs = []string{"de", "en"}

// InsertHelpRead marks that a visitor read a slug on a day. It reports false
// when that was already marked.
func InsertHelpRead(ctx context.Context, db bun.IDB, r *HelpRead) (bool, error) {
	res, err := db.NewInsert().Model(r).On("CONFLICT (slug, visitor, day) DO NOTHING").Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: insert help read: %w", err)
	}
	return helpRowsAffected(res, "insert help read")
}

// AddHelpRead adds one read to every language row of slug.
func AddHelpRead(ctx context.Context, db bun.IDB, slug string) error {
	for _, lang := range helpLangs {
		_, err := db.NewUpdate().Model((*HelpArticle)(nil)).
			Set("reads = reads + 1").
			Where("slug = ? AND lang = ?", slug, lang).
			Exec(ctx)
		if err != nil {
			return fmt.Errorf("store: count help read on %s: %w", slug, err)
		}
	}
	return nil
}

// DeleteHelpReadsBefore removes read marks older than day (YYYY-MM-DD); the
// counters keep their totals. The sweeper (server/sweep) calls it.
func DeleteHelpReadsBefore(ctx context.Context, db bun.IDB, day string) (int64, error) {
	return deleteInBatches(ctx, db, "help_reads", "slug, visitor, day", "day < ?", day)
}

func helpRowsAffected(res sql.Result, what string) (bool, error) {
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: %s: %w", what, err)
	}
	return n > 0, nil
}
