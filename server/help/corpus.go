package help

import (
	"fmt"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
)

// corpus is what the help centre builds from the embedded articles for a
// brand: the rendered articles, their search index, the retrieval's
// vocabulary and the classifiers. Nothing changes it once built, so every
// Service of a process shares it: a portal pays for it once (about 4 s of
// CPU with 7 044 example questions, 0.9 s of it besides the training), not
// once per Service — the tests start hundreds.
type corpus struct {
	docs   map[string]*doc // by doc.id()
	byLang map[string][]*doc
	index  bleve.Index // in memory, for the life of the process
	vocab  map[string]*vocabulary
	models map[string]*classifier // by language
}

// corpora keeps the built corpus by brand.
var corpora struct {
	sync.Mutex
	byBrand map[string]*corpus
}

// corpusFor returns brand's corpus, building it on first use.
func corpusFor(brand string) (*corpus, error) {
	corpora.Lock()
	defer corpora.Unlock()
	if c, ok := corpora.byBrand[brand]; ok {
		return c, nil
	}
	c, err := buildCorpus(brand)
	if err != nil {
		return nil, err
	}
	if corpora.byBrand == nil {
		corpora.byBrand = map[string]*corpus{}
	}
	corpora.byBrand[brand] = c
	return c, nil
}

// buildCorpus parses and renders the embedded articles with brand in place
// of {brand}, indexes them, builds the vocabulary and trains the
// classifiers.
func buildCorpus(brand string) (*corpus, error) {
	arts, err := Parse(Articles())
	if err != nil {
		return nil, err
	}
	s := &Service{docs: map[string]*doc{}, byLang: map[string][]*doc{}, brand: brand}
	var all []*doc
	for _, a := range arts {
		a = a.WithBrand(brand)
		html, ps, err := render(a.Body)
		if err != nil {
			return nil, fmt.Errorf("help: %s/%s: %w", a.Lang, a.Slug, err)
		}
		d := &doc{Article: a, html: html, passages: ps, firstLine: firstLine(ps)}
		texts := make([]string, len(ps))
		for i, p := range ps {
			texts[i] = p.Text
		}
		d.plain = strings.Join(texts, "\n\n")
		for _, b := range Breadcrumb(a.Topic, a.Lang) {
			d.topicNames = append(d.topicNames, b.Name)
		}
		s.docs[d.id()] = d
		s.byLang[d.Lang] = append(s.byLang[d.Lang], d)
		all = append(all, d)
	}
	if s.index, err = newIndex(all); err != nil {
		return nil, err
	}
	s.vocab = map[string]*vocabulary{}
	for _, lang := range languages {
		s.vocab[lang] = s.buildVocabulary(lang)
	}
	s.models = s.trainClassifiers()
	return &corpus{docs: s.docs, byLang: s.byLang, index: s.index, vocab: s.vocab, models: s.models}, nil
}
