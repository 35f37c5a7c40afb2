package help

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// ErrNotFound is returned for a slug that has no article.
var ErrNotFound = errors.New("help: no such article")

// Service answers the help centre's questions: the tree, articles, search,
// votes, reads and the assistant. Article content comes from the embedded
// files (parsed once), counters from the database. It is safe for concurrent
// use.
type Service struct {
	db       *bun.DB
	clk      clock.Clock
	docs     map[string]*doc // by doc.id()
	byLang   map[string][]*doc
	index    bleve.Index
	vocab    map[string]*vocabulary // by language
	models   map[string]*classifier // by language
	answerer Answerer
	brand    string
}

// doc is one article in one language, ready to serve.
type doc struct {
	Article
	html       string
	passages   []passage
	plain      string // passages joined, for the index
	firstLine  string
	topicNames []string
	terms      docTerms
}

func (d *doc) id() string { return d.Lang + "/" + d.Slug }

func (d *doc) ref() ArticleRef {
	return ArticleRef{Slug: d.Slug, Lang: d.Lang, Title: d.Title, FirstLine: d.firstLine}
}

// New starts a Service on the embedded articles with brand in place of
// {brand} (Brand when empty): their rendering, search index, vocabulary
// and classifiers are built on the first Service of the brand and shared
// by the next ones (see corpus). Call Load first so the articles' counters
// exist in db. A Service holds nothing to release.
func New(db *bun.DB, clk clock.Clock, brand string) (*Service, error) {
	if brand == "" {
		brand = Brand
	}
	c, err := corpusFor(brand)
	if err != nil {
		return nil, err
	}
	s := &Service{db: db, clk: clk, docs: c.docs, byLang: c.byLang, index: c.index, vocab: c.vocab, models: c.models, brand: brand}
	s.answerer = &RetrievalAnswerer{Retriever: s, Popular: s.popular, Brand: brand}
	return s, nil
}

// lookup returns the article in lang (English for an unknown language).
func (s *Service) lookup(slug, lang string) (*doc, error) {
	if d, ok := s.docs[normLang(lang)+"/"+slug]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrNotFound, slug)
}

// normLang maps a language tag to one the articles are written in.
func normLang(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), German) {
		return German
	}
	return English
}

// counters returns the stored counters of lang's articles by slug.
func (s *Service) counters(ctx context.Context, lang string) (map[string]store.HelpArticle, error) {
	rows, err := store.ListHelpArticles(ctx, s.db, lang)
	if err != nil {
		return nil, fmt.Errorf("help: counters: %w", err)
	}
	out := make(map[string]store.HelpArticle, len(rows))
	for _, r := range rows {
		out[r.Slug] = r
	}
	return out, nil
}

func summary(d *doc, reads int64) api.HelpArticleSummary {
	return api.HelpArticleSummary{Slug: d.Slug, Title: d.Title, FirstLine: d.firstLine, Reads: reads}
}

// Tree returns the topic tree in lang with every article filed under its
// topic.
func (s *Service) Tree(ctx context.Context, lang string) ([]api.HelpTopic, error) {
	lang = normLang(lang)
	c, err := s.counters(ctx, lang)
	if err != nil {
		return nil, err
	}
	items := make([]treeItem, 0, len(s.byLang[lang]))
	for _, d := range s.byLang[lang] {
		items = append(items, treeItem{topic: d.Topic, summary: summary(d, c[d.Slug].Reads)})
	}
	return buildTree(lang, items), nil
}

// Article returns one article in lang, rendered, with its counters, its
// related articles (most read first) and visitor's own vote (nil when the
// visitor is empty or has not voted). It does not count a read: call
// CountRead for that.
func (s *Service) Article(ctx context.Context, slug, lang, visitor string) (api.HelpArticle, error) {
	d, err := s.lookup(slug, lang)
	if err != nil {
		return api.HelpArticle{}, err
	}
	out := api.HelpArticle{
		Slug: d.Slug, Lang: d.Lang, Title: d.Title, Topic: d.Topic,
		Breadcrumb: Breadcrumb(d.Topic, d.Lang), HTML: d.html,
	}
	row, err := store.GetHelpArticle(ctx, s.db, d.Slug, d.Lang)
	switch {
	case err == nil:
		out.HelpfulYes, out.HelpfulNo = row.HelpfulYes, row.HelpfulNo
	case !errors.Is(err, store.ErrNotFound):
		return api.HelpArticle{}, fmt.Errorf("help: article %s: %w", slug, err)
	}
	if visitor != "" {
		v, err := store.GetHelpVote(ctx, s.db, d.Slug, visitor)
		switch {
		case err == nil:
			out.MyVote = &v.Helpful
		case !errors.Is(err, store.ErrNotFound):
			return api.HelpArticle{}, fmt.Errorf("help: article %s: %w", slug, err)
		}
	}
	if out.Related, err = s.Related(ctx, d.Slug, d.Lang); err != nil {
		return api.HelpArticle{}, err
	}
	return out, nil
}

// Related returns the related articles of slug in lang, most read first
// (ties by title), each with its first line.
func (s *Service) Related(ctx context.Context, slug, lang string) ([]api.HelpArticleSummary, error) {
	d, err := s.lookup(slug, lang)
	if err != nil {
		return nil, err
	}
	c, err := s.counters(ctx, d.Lang)
	if err != nil {
		return nil, err
	}
	out := make([]api.HelpArticleSummary, 0, len(d.Related))
	for _, r := range d.Related {
		if rd, ok := s.docs[d.Lang+"/"+r]; ok {
			out = append(out, summary(rd, c[r].Reads))
		}
	}
	sortByReads(out)
	return out, nil
}

// MostRead returns the n most read articles in lang (ties by title).
func (s *Service) MostRead(ctx context.Context, lang string, n int) ([]api.HelpArticleSummary, error) {
	lang = normLang(lang)
	c, err := s.counters(ctx, lang)
	if err != nil {
		return nil, err
	}
	out := make([]api.HelpArticleSummary, 0, len(s.byLang[lang]))
	for _, d := range s.byLang[lang] {
		out = append(out, summary(d, c[d.Slug].Reads))
	}
	sortByReads(out)
	if n >= 0 && n < len(out) {
		out = out[:n]
	}
	return out, nil
}

func sortByReads(list []api.HelpArticleSummary) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Reads != list[j].Reads {
			return list[i].Reads > list[j].Reads
		}
		return lessFold(list[i].Title, list[j].Title)
	})
}

// Has reports whether an article with slug exists (in memory, no query).
func (s *Service) Has(slug string) bool {
	_, err := s.lookup(slug, English)
	return err == nil
}
