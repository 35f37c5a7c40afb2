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

// PutHelpVote records a visitor's vote on a slug, or changes it: one vote
// per visitor and article, from the network it was last cast from.
func PutHelpVote(ctx context.Context, db bun.IDB, v *HelpVote) error {
	_, err := db.NewInsert().Model(v).
		On("CONFLICT (slug, visitor) DO UPDATE").
		Set("helpful = EXCLUDED.helpful").
		Set("network = EXCLUDED.network").
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("store: put help vote: %w", err)
	}
	return nil
}

// LockHelpArticle locks every language row of slug, in the one order every
// counter update takes them, until the transaction ends: votes on one
// article then count one after the other.
func LockHelpArticle(ctx context.Context, db bun.IDB, slug string) error {
	for _, lang := range helpLangs {
		_, err := db.NewUpdate().Model((*HelpArticle)(nil)).
			Set("helpful_yes = helpful_yes").
			Where("slug = ? AND lang = ?", slug, lang).
			Exec(ctx)
		if err != nil {
			return fmt.Errorf("store: lock help article %s: %w", slug, err)
		}
	}
	return nil
}

// RecountHelpVotes sets the helpful counters of every language row of slug
// to the number of networks that voted yes, and no. Call it after
// LockHelpArticle in the same transaction, so that it sees every vote
// committed before.
func RecountHelpVotes(ctx context.Context, db bun.IDB, slug string) error {
	count := func(helpful bool) *bun.SelectQuery {
		return db.NewSelect().Model((*HelpVote)(nil)).ColumnExpr("COUNT(DISTINCT network)").
			Where("slug = ? AND helpful = ?", slug, helpful)
	}
	for _, lang := range helpLangs {
		_, err := db.NewUpdate().Model((*HelpArticle)(nil)).
			Set("helpful_yes = (?)", count(true)).
			Set("helpful_no = (?)", count(false)).
			Where("slug = ? AND lang = ?", slug, lang).
			Exec(ctx)
		if err != nil {
			return fmt.Errorf("store: count help votes on %s: %w", slug, err)
		}
	}
	return nil
}

// HasHelpRead reports whether visitor read slug on any day still kept.
func HasHelpRead(ctx context.Context, db bun.IDB, slug, visitor string) (bool, error) {
	ok, err := db.NewSelect().Model((*HelpRead)(nil)).Where("slug = ? AND visitor = ?", slug, visitor).Exists(ctx)
	if err != nil {
		return false, fmt.Errorf("store: has help read: %w", err)
	}
	return ok, nil
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
