package help

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

func TestLoadIsIdempotentAndKeepsCounters(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		s, _ := newService(t, db)
		rows, err := store.ListHelpArticles(ctx, db.Bun, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2*len(allSlugs) {
			t.Fatalf("%d rows, want %d", len(rows), 2*len(allSlugs))
		}
		if _, err := s.CountRead(ctx, "log-in", "v1"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Vote(ctx, "log-in", "v1", "n1", true); err != nil {
			t.Fatal(err)
		}
		before, _ := store.GetHelpArticle(ctx, db.Bun, "log-in", German)

		for range 2 {
			if err := Load(ctx, db.Bun, Brand); err != nil {
				t.Fatal(err)
			}
		}
		after, err := store.GetHelpArticle(ctx, db.Bun, "log-in", German)
		if err != nil {
			t.Fatal(err)
		}
		if *after != *before || after.Reads != 1 || after.HelpfulYes != 1 {
			t.Fatalf("after reloading: %+v\nbefore: %+v", after, before)
		}
		if n, _ := db.Bun.NewSelect().Model((*store.HelpArticle)(nil)).Count(ctx); n != int64(2*len(allSlugs)) {
			t.Fatalf("%d rows after reloading", n)
		}
		if !strings.Contains(after.Title, "MINI ID") || strings.Contains(after.Body, "{brand}") {
			t.Fatalf("brand not substituted: %q", after.Title)
		}
	})
}

func TestLoadUpdatesChangedAndDeletesRemovedArticles(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		m := goodFS()
		if err := load(ctx, db.Bun, m, "MINI"); err != nil {
			t.Fatal(err)
		}
		// Counters and votes on both articles.
		for _, slug := range []string{"a", "b"} {
			if err := store.PutHelpVote(ctx, db.Bun, &store.HelpVote{Slug: slug, Visitor: "v", Helpful: true, Network: "n"}); err != nil {
				t.Fatal(err)
			}
			if err := store.RecountHelpVotes(ctx, db.Bun, slug); err != nil {
				t.Fatal(err)
			}
			if err := store.AddHelpRead(ctx, db.Bun, slug); err != nil {
				t.Fatal(err)
			}
		}
		old, _ := store.GetHelpArticle(ctx, db.Bun, "a", English)

		// Change a's English text, remove b, add c, switch the brand.
		m["en/a.md"] = &fstest.MapFile{Data: []byte(article("a", "en", "Account/{brand} ID", "c", "New body of a."))}
		m["de/a.md"] = &fstest.MapFile{Data: []byte(article("a", "de", "Account/{brand} ID", "c", "Text von a."))}
		delete(m, "en/b.md")
		delete(m, "de/b.md")
		m["en/c.md"] = &fstest.MapFile{Data: []byte(article("c", "en", "Account", "a", "Body of c."))}
		m["de/c.md"] = &fstest.MapFile{Data: []byte(article("c", "de", "Account", "a", "Text von c."))}
		if err := load(ctx, db.Bun, m, "BMW"); err != nil {
			t.Fatal(err)
		}
		a, err := store.GetHelpArticle(ctx, db.Bun, "a", English)
		if err != nil {
			t.Fatal(err)
		}
		if a.Body != "New body of a." || a.Topic != "Account/BMW ID" || a.Related != "c" || a.Checksum == old.Checksum {
			t.Errorf("a not updated: %+v", a)
		}
		if a.Reads != 1 || a.HelpfulYes != 1 {
			t.Errorf("a lost its counters: %+v", a)
		}
		if _, err := store.GetHelpArticle(ctx, db.Bun, "b", English); err != store.ErrNotFound {
			t.Errorf("b still there: %v", err)
		}
		if _, err := store.GetHelpVote(ctx, db.Bun, "b", "v"); err != store.ErrNotFound {
			t.Errorf("b's vote still there: %v", err)
		}
		if _, err := store.GetHelpVote(ctx, db.Bun, "a", "v"); err != nil {
			t.Errorf("a's vote gone: %v", err)
		}
		if _, err := store.GetHelpArticle(ctx, db.Bun, "c", German); err != nil {
			t.Errorf("c not inserted: %v", err)
		}
	})
}

func TestLoadRefusesABrokenSet(t *testing.T) {
	db := testenv.SQLite(t)
	m := goodFS()
	delete(m, "de/a.md")
	err := load(context.Background(), db.Bun, m, Brand)
	if err == nil || !strings.Contains(err.Error(), `article "a" has no de translation`) {
		t.Fatalf("load: %v", err)
	}
	if n, _ := db.Bun.NewSelect().Model((*store.HelpArticle)(nil)).Count(context.Background()); n != 0 {
		t.Fatalf("%d rows written from a broken set", n)
	}
}
