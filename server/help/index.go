package help

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de" // registers the "de" analyzer
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en" // registers the "en" analyzer
	"github.com/blevesearch/bleve/v2/search/query"
)

// Fields of an indexed article; each language's text fields carry its own
// analyzer (stop words, normalisation, stemming), so the field names end in
// the language: title_en, body_de …
const (
	fieldLang  = "lang"
	fieldSlug  = "slug"
	fieldTitle = "title_"
	fieldTopic = "topic_"
	fieldBody  = "body_"
)

// newIndex builds an in-memory bleve index with one document per (slug,
// lang).
func newIndex(docs []*doc) (bleve.Index, error) {
	dm := bleve.NewDocumentStaticMapping()
	kw := bleve.NewKeywordFieldMapping()
	dm.AddFieldMappingsAt(fieldLang, kw)
	dm.AddFieldMappingsAt(fieldSlug, kw)
	for _, lang := range languages {
		for _, f := range []string{fieldTitle, fieldTopic, fieldBody} {
			tf := bleve.NewTextFieldMapping()
			tf.Analyzer = lang
			tf.Store = true
			tf.IncludeTermVectors = true
			dm.AddFieldMappingsAt(f+lang, tf)
		}
	}
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = English
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		return nil, fmt.Errorf("help: create index: %w", err)
	}
	batch := idx.NewBatch()
	for _, d := range docs {
		fields := map[string]any{
			fieldLang:           d.Lang,
			fieldSlug:           d.Slug,
			fieldTitle + d.Lang: d.Title,
			fieldTopic + d.Lang: strings.Join(d.topicNames, " "),
			fieldBody + d.Lang:  d.plain,
		}
		if err := batch.Index(d.id(), fields); err != nil {
			return nil, fmt.Errorf("help: index %s: %w", d.id(), err)
		}
	}
	if err := idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("help: index articles: %w", err)
	}
	return idx, nil
}

// textQuery matches q in one language's title, topic and body: exact terms
// weigh most, and fuzzy terms (edit distance by word length) catch typos.
func textQuery(q, lang string) query.Query {
	match := func(field string, boost float64, fuzzy bool) query.Query {
		m := bleve.NewMatchQuery(q)
		m.SetField(field + lang)
		m.SetBoost(boost)
		if fuzzy {
			m.SetAutoFuzziness(true)
			m.SetPrefix(1)
		}
		return m
	}
	text := bleve.NewDisjunctionQuery(
		match(fieldTitle, 3, false),
		match(fieldTopic, 1.5, false),
		match(fieldBody, 1, false),
		match(fieldTitle, 1, true),
		match(fieldBody, 0.4, true),
	)
	only := bleve.NewTermQuery(lang)
	only.SetField(fieldLang)
	return bleve.NewConjunctionQuery(only, text)
}
