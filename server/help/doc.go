// Package help is the help centre: the FAQ articles (Markdown embedded in the
// binary, in English and German), their topic tree, counters of reads and
// votes, a full-text search, and the AI assistant that answers short questions
// from the articles: it ranks them by their example questions and by a
// classifier learned from those at start (classifier.go, classify.go), and
// is measured on the evaluation set in testdata/eval.tsv (eval.go).
//
// Articles are validated by Parse and copied into the database by Load at
// start, so the counters live next to them; the Service answers from the
// parsed articles in memory and reads the counters from the database. Search
// runs on a bleve in-memory index with the English and German analyzers
// (stemming, stop words) and fuzzy matching; Markdown is rendered by goldmark
// with raw HTML left off, so an article can never inject markup.
package help

import (
	"embed"
	"io/fs"
)

//go:embed articles
var embedded embed.FS

// Brand is the brand name the articles' {brand} placeholder becomes when the
// configuration names none.
const Brand = "MINI"

// Languages the articles are written in.
const (
	English = "en"
	German  = "de"
)

var languages = []string{English, German}

// Articles returns the embedded article files: en/*.md and de/*.md.
func Articles() fs.FS {
	sub, err := fs.Sub(embedded, "articles")
	if err != nil {
		panic("help: embedded articles: " + err.Error())
	}
	return sub
}
