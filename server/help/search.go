package help

import (
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/blevesearch/bleve/v2"
	htmlhl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"

	"github.com/minicorp/miniid/shared/api"
)

// MaxSearchResults caps the results of one search.
const MaxSearchResults = 50

// Search finds articles whose title, topic or body match q, best first,
// tolerating typos and word forms. Results in lang come first; when they are
// fewer than limit, matches in the other language follow (a German word typed
// on the English site still finds its article). Each result has an excerpt
// with the matched words in <mark> and everything else HTML-escaped.
func (s *Service) Search(ctx context.Context, lang, q string, limit int) ([]api.HelpSearchResult, error) {
	lang = normLang(lang)
	q = strings.TrimSpace(q)
	if q == "" {
		return []api.HelpSearchResult{}, nil
	}
	if limit <= 0 || limit > MaxSearchResults {
		limit = MaxSearchResults
	}
	out, err := s.searchIn(ctx, lang, q, limit, nil)
	if err != nil {
		return nil, err
	}
	if len(out) < limit {
		seen := map[string]bool{}
		for _, r := range out {
			seen[r.Slug] = true
		}
		more, err := s.searchIn(ctx, other(lang), q, limit-len(out), seen)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

func other(lang string) string {
	if lang == German {
		return English
	}
	return German
}

func (s *Service) searchIn(ctx context.Context, lang, q string, limit int, skip map[string]bool) ([]api.HelpSearchResult, error) {
	req := bleve.NewSearchRequestOptions(textQuery(expand(q, lang).All(), lang), limit+len(skip), 0, false)
	req.Highlight = bleve.NewHighlightWithStyle(htmlhl.Name)
	req.Highlight.AddField(fieldBody + lang)
	req.Highlight.AddField(fieldTitle + lang)
	res, err := s.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("help: search: %w", err)
	}
	out := make([]api.HelpSearchResult, 0, len(res.Hits))
	for _, h := range res.Hits {
		d, ok := s.docs[h.ID]
		if !ok || skip[d.Slug] {
			continue
		}
		frag := ""
		if f := h.Fragments[fieldBody+lang]; len(f) > 0 {
			frag = f[0]
		} else if f := h.Fragments[fieldTitle+lang]; len(f) > 0 {
			frag = f[0]
		} else {
			frag = html.EscapeString(d.firstLine)
		}
		out = append(out, api.HelpSearchResult{
			Slug: d.Slug, Lang: d.Lang, Title: d.Title, FragmentHTML: frag, Score: h.Score,
		})
		if len(out) == limit {
			break
		}
	}
	return out, nil
}
