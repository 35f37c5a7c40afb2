package help

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func findTopic(list []api.HelpTopic, path string) *api.HelpTopic {
	for i := range list {
		if list[i].Path == path {
			return &list[i]
		}
		if t := findTopic(list[i].Children, path); t != nil {
			return t
		}
	}
	return nil
}

func TestTreeFilesEveryArticleUnderItsTopic(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, lang := range languages {
		tree, err := s.Tree(context.Background(), lang)
		if err != nil {
			t.Fatal(err)
		}
		count := 0
		var walk func([]api.HelpTopic)
		walk = func(list []api.HelpTopic) {
			for _, tp := range list {
				count += len(tp.Articles)
				walk(tp.Children)
			}
		}
		walk(tree)
		if count != len(allSlugs) {
			t.Errorf("%s: %d articles in the tree, want %d", lang, count, len(allSlugs))
		}
		tf := findTopic(tree, "Account/MINI ID/Login/Two-factor authentication")
		if tf == nil || len(tf.Articles) != 6 {
			t.Fatalf("%s: two-factor topic %+v", lang, tf)
		}
		wantName := map[string]string{English: "Two-factor authentication", German: "Zwei-Faktor-Authentifizierung"}[lang]
		if tf.Name != wantName {
			t.Errorf("%s: topic name %q, want %q", lang, tf.Name, wantName)
		}
		if acc := findTopic(tree, "Account"); acc == nil || acc.Name != map[string]string{English: "Account", German: "Konto"}[lang] {
			t.Errorf("%s: Account topic %+v", lang, acc)
		}
	}
}

func TestArticle(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	ctx := context.Background()
	a, err := s.Article(ctx, "two-factor-activate", "de-AT", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != German || a.Title != "Zwei-Faktor-Authentifizierung aktivieren" || a.Topic != "Account/MINI ID/Login/Two-factor authentication" {
		t.Fatalf("article %+v", a)
	}
	var crumbs []string
	for _, b := range a.Breadcrumb {
		crumbs = append(crumbs, b.Name)
	}
	if got := strings.Join(crumbs, " › "); got != "Konto › MINI ID › Anmeldung › Zwei-Faktor-Authentifizierung" {
		t.Errorf("breadcrumb %q", got)
	}
	if !strings.Contains(a.HTML, "<ol>") || !strings.Contains(a.HTML, "„Die Zwei-Faktor-Authentifizierung ist jetzt aktiviert.“") {
		t.Errorf("html %s", a.HTML)
	}
	if len(a.Related) != 3 || a.MyVote != nil {
		t.Errorf("related %v, my vote %v", a.Related, a.MyVote)
	}
	if _, err := s.Article(ctx, "nope", English, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown slug: %v", err)
	}
}

func TestBrandIsConfigurable(t *testing.T) {
	db := testenv.SQLite(t)
	if err := Load(context.Background(), db.Bun, "BMW"); err != nil {
		t.Fatal(err)
	}
	s, err := New(db.Bun, nil, "BMW")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(context.Background(), "delete-mini-id", English, "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Delete your BMW ID" || strings.Contains(a.HTML, "MINI") || !strings.Contains(a.HTML, "&quot;Delete BMW ID&quot;") {
		t.Fatalf("title %q html %s", a.Title, a.HTML)
	}
}
