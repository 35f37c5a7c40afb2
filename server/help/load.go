package help

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
)

// Load parses the embedded articles, puts brand (Brand when empty) in place
// of {brand}, and brings the help_articles table in line with them in one
// transaction: new articles are inserted, changed ones (by checksum)
// updated, removed ones deleted together with their votes and reads.
// Counters are kept, so loading at every start is idempotent. A broken
// article fails here (and in the tests), before anything is written.
func Load(ctx context.Context, db bun.IDB, brand string) error {
	return load(ctx, db, Articles(), brand)
}

func load(ctx context.Context, db bun.IDB, fsys fs.FS, brand string) error {
	if brand == "" {
		brand = Brand
	}
	arts, err := Parse(fsys)
	if err != nil {
		return err
	}
	err = db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		existing, err := store.ListHelpArticles(ctx, tx, "")
		if err != nil {
			return err
		}
		type key struct{ slug, lang string }
		rows := map[key]store.HelpArticle{}
		bySlug := map[string]store.HelpArticle{}
		for _, r := range existing {
			rows[key{r.Slug, r.Lang}] = r
			bySlug[r.Slug] = r
		}
		keep := map[key]bool{}
		slugs := map[string]bool{}
		for _, a := range arts {
			a = a.WithBrand(brand)
			row := store.HelpArticle{
				Slug: a.Slug, Lang: a.Lang, Topic: a.Topic, Title: a.Title, Body: a.Body,
				Related: strings.Join(a.Related, ","), Checksum: a.Checksum(),
			}
			// A new translation of a known slug starts with the slug's counters.
			if old, ok := bySlug[a.Slug]; ok {
				row.Reads, row.HelpfulYes, row.HelpfulNo = old.Reads, old.HelpfulYes, old.HelpfulNo
			}
			k := key{a.Slug, a.Lang}
			keep[k], slugs[a.Slug] = true, true
			if old, ok := rows[k]; ok && old.Checksum == row.Checksum {
				continue
			}
			if err := store.UpsertHelpArticle(ctx, tx, &row); err != nil {
				return err
			}
		}
		for k := range rows {
			if keep[k] {
				continue
			}
			if err := store.DeleteHelpArticle(ctx, tx, k.slug, k.lang); err != nil {
				return err
			}
			if !slugs[k.slug] {
				if err := store.DeleteHelpActivity(ctx, tx, k.slug); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("help: load articles: %w", err)
	}
	return nil
}
