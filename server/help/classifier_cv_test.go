package help

import (
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

// heldOut is what the classifier makes of example questions it was not
// trained on.
type heldOut struct {
	inScope, outside int // questions asked
	right            int // in scope, first article right
	sure, sureWrong  int // in scope, first article at least minModelConfidence (and wrong)
	outsideSure      int // outside, an article at least minModelConfidence
}

// crossValidate trains lang's classifier folds times, each time on the
// titles and all example and outside questions but a fold of them, and
// asks it the fold: how it does on wordings it has not seen, measured
// without the evaluation set.
func (s *Service) crossValidate(lang string, folds int) heldOut {
	var classes []string
	var fixed []sample
	var texts []string
	var labels []int
	for _, d := range s.byLang[lang] {
		k := len(classes)
		classes = append(classes, d.id())
		fixed = append(fixed, sample{x: s.features(lang, d.Title), class: k})
		for _, q := range d.Questions {
			texts, labels = append(texts, q), append(labels, k)
		}
	}
	outside := len(classes)
	classes = append(classes, outsideClass)
	for _, q := range s.classQuestions(lang, outsideClass) {
		texts, labels = append(texts, q), append(labels, outside)
	}
	classes = append(classes, contactClass)
	for _, q := range s.classQuestions(lang, contactClass) {
		texts, labels = append(texts, q), append(labels, outside+1)
	}
	feats := make([]map[string]float64, len(texts))
	for i, q := range texts {
		feats[i] = s.features(lang, q)
	}
	var h heldOut
	for f := range folds {
		samples := append([]sample(nil), fixed...)
		for i := range texts {
			if i%folds != f {
				samples = append(samples, sample{x: feats[i], class: labels[i]})
			}
		}
		c := train(classes, samples)
		for i := f; i < len(texts); i += folds {
			p := c.predict(feats[i])
			first := 0 // the likeliest article
			for k := range outside {
				if p[k] > p[first] {
					first = k
				}
			}
			sure := p[first] >= minModelConfidence
			if labels[i] >= outside { // outside the help centre, or asking for a person
				h.outside++
				if sure {
					h.outsideSure++
				}
				continue
			}
			h.inScope++
			if first == labels[i] {
				h.right++
			}
			if sure {
				h.sure++
				if first != labels[i] {
					h.sureWrong++
				}
			}
		}
	}
	return h
}

// The classifier carries to example questions it was not trained on (five
// folds): it picks the right article for most of them, and when it is as
// sure as minModelConfidence, which makes an answer, it is seldom wrong
// and seldom sure of an article for a question outside the help centre.
func TestClassifierGeneralizesToHeldOutExamples(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, lang := range languages {
		h := s.crossValidate(lang, 5)
		share := func(n, of int) float64 { return float64(n) / float64(of) }
		t.Logf("%s: %d held-out example questions, first article right %.3f; sure %.3f (wrong %.3f); of %d outside, sure of an article %.3f",
			lang, h.inScope, share(h.right, h.inScope), share(h.sure, h.inScope), share(h.sureWrong, h.inScope), h.outside, share(h.outsideSure, h.outside))
		if r := share(h.right, h.inScope); r < 0.7 {
			t.Errorf("%s: held-out accuracy %.3f, want at least 0.7", lang, r)
		}
		if w := share(h.sureWrong, h.inScope); w > 0.12 {
			t.Errorf("%s: sure and wrong for %.3f of held-out questions, want at most 0.12", lang, w)
		}
		if o := share(h.outsideSure, h.outside); o > 0.1 {
			t.Errorf("%s: sure of an article for %.3f of held-out outside questions, want at most 0.1", lang, o)
		}
	}
}
