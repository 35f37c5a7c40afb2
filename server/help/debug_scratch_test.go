package help

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestDebugScratch(t *testing.T) {
	qs := os.Getenv("DEBUGQ")
	if qs == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	for _, q := range strings.Split(qs, "|") {
		lang, sure := DetectLang(q)
		ex := expand(q, lang)
		fmt.Printf("\n## %q lang=%s sure=%v\n   expanded=%q groups=%v replaced=%q\n", q, lang, sure, ex.Text, ex.Groups, ex.Replaced)
		for _, qt := range s.questionTerms(lang, ex) {
			var ms []string
			for k, v := range qt.matches {
				ms = append(ms, fmt.Sprintf("%s:%.1f(df%d)", k, v, s.vocab[lang].df[k]))
			}
			sort.Strings(ms)
			fmt.Printf("   term %-14s w=%.2f %v\n", qt.stem, qt.weight, ms)
		}
		list, _ := s.rank(context.Background(), q, lang)
		for i, r := range list {
			if i == 6 {
				break
			}
			fmt.Printf("   %-28s score=%.3f conf=%.3f all=%.2f title=%.2f prec=%.2f best=%.2f bm=%.2f matched=%.2f\n", r.d.Slug, r.score, r.confidence, r.all, r.title, r.prec, r.best, r.bm, r.matched)
		}
	}
}

func TestDebugTable(t *testing.T) {
	if os.Getenv("DEBUGT") == "" {
		t.Skip()
	}
	s, _ := newService(t, testenv.SQLite(t))
	row := func(q, want string) {
		lang, sure := DetectLang(q)
		langs := []string{lang}
		if !sure {
			langs = languages
		}
		var best []Passage
		for _, l := range langs {
			ps, _ := s.Retrieve(context.Background(), q, l, 3)
			if len(ps) > 0 && (len(best) == 0 || ps[0].Confidence > best[0].Confidence) {
				best = ps
			}
		}
		top, conf := "-", 0.0
		if len(best) > 0 {
			top, conf = best[0].Article.Slug, best[0].Confidence
		}
		mark := "  "
		if top != want {
			mark = "XX"
		}
		fmt.Printf("%s %.3f %-26s %-26s %s\n", mark, conf, top, want, q)
	}
	for _, tc := range accuracyTable {
		row(tc.q, tc.slug)
	}
	for _, q := range unanswerable {
		row(q, "(none)")
	}
}
