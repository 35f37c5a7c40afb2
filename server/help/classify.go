package help

import (
	"math"
	"strings"
)

// Weights of the classifier's feature groups. Each group is scaled to unit
// length, so a long question does not outweigh a short one. Their overall
// size works as the classifier's regularization: at half of what they were
// (1, 0.8, 0.5, 0.8, 1), its first article is right for 0.804 and 0.800 of
// held-out example questions (five folds, EN and DE) instead of 0.789 and
// 0.787, and it is less sure of itself (minModelConfidence went down with
// it); at a third, 0.799 and 0.790. Their ratios matter less: moving one
// group by half changed the held-out share by at most 0.005.
const (
	groupWords   = 0.5  // stems of the question, in the articles' words
	groupIntents = 0.4  // what it wants done: activate, deactivate, missing …
	groupPairs   = 0.25 // neighbouring stems as typed: "new code", "log out"
	groupGrams   = 0.4  // letter groups, for typos and German compounds
	groupNegated = 0.5  // words after a negation: "don't want … code", "ohne … Passwort"
)

// features turns a text of lang into the classifier's features: its words
// (with the customer's words mapped to the articles' by the synonym table,
// the brand left out, everyday words kept: the classifier learns what
// "doesn't work" says), the intents it names, pairs of neighbouring words,
// letter groups, and the words a negation governs.
func (s *Service) features(lang, text string) map[string]float64 {
	in, rest := withoutIntents(text, lang)
	all := expand(rest, lang).All()
	all += " " + strings.Join(phrasal(all, lang), " ")
	brand := s.vocab[lang].brand
	var words, intents, pairs, grams []string
	for _, t := range s.analyze(lang, all) {
		if !brand[t.stem] {
			words = append(words, "w:"+t.stem)
		}
	}
	for i := range in {
		intents = append(intents, "i:"+i)
	}
	var seq []string
	for _, t := range s.analyze(lang, rest) {
		if !brand[t.stem] {
			seq = append(seq, t.stem)
		}
	}
	for i := 0; i+1 < len(seq); i++ {
		pairs = append(pairs, "b:"+seq[i]+"_"+seq[i+1])
	}
	for g := range ngrams(all) {
		grams = append(grams, "g:"+g)
	}
	negs := s.negated(lang, text)
	x := map[string]float64{}
	for _, g := range []struct {
		feats  []string
		weight float64
	}{{words, groupWords}, {intents, groupIntents}, {pairs, groupPairs}, {grams, groupGrams}, {negs, groupNegated}} {
		counts := map[string]float64{}
		for _, f := range g.feats {
			counts[f]++
		}
		norm := 0.0
		for _, c := range counts {
			norm += c * c
		}
		for f, c := range counts {
			x[f] += g.weight * c / math.Sqrt(norm)
		}
	}
	return x
}

// Classes of the classifier besides the articles: the questions outside
// the help centre, and the requests for a person. Both get the contact
// options; they are apart because a request for a person often shares its
// words with an article ("phone number", "e-mail address") and the
// classifier learns it better on its own.
const (
	outsideClass = "outside"
	contactClass = "contact"
)

// trainClassifier fits lang's classifier on the articles' titles and
// example questions, on the questions outside the help centre and on the
// requests for a person. It
// never sees the evaluation set. (The articles' own sentences made it
// worse: they teach the words every article shares.)
func (s *Service) trainClassifier(lang string) *classifier {
	var classes []string
	var samples []sample
	add := func(text string, class int) {
		if x := s.features(lang, text); len(x) > 0 {
			samples = append(samples, sample{x: x, class: class})
		}
	}
	for _, d := range s.byLang[lang] {
		k := len(classes)
		classes = append(classes, d.id())
		add(d.Title, k)
		for _, q := range d.Questions {
			add(q, k)
		}
	}
	for _, class := range []string{outsideClass, contactClass} {
		k := len(classes)
		classes = append(classes, class)
		for _, q := range s.classQuestions(lang, class) {
			add(q, k)
		}
	}
	return train(classes, samples)
}

// trainClassifiers fits the classifier of every language (see
// trainClassifier); buildCorpus calls it once per brand and process.
func (s *Service) trainClassifiers() map[string]*classifier {
	m := map[string]*classifier{}
	for _, lang := range languages {
		m[lang] = s.trainClassifier(lang)
	}
	return m
}

// classify returns the probability of each of lang's articles (by id), of
// the question being outside the help centre (outsideClass) and of its
// asking for a person (contactClass).
func (s *Service) classify(lang, q string) map[string]float64 {
	c := s.models[lang]
	p := c.predict(s.features(lang, q))
	out := make(map[string]float64, len(p))
	for i, cl := range c.classes {
		out[cl] = p[i]
	}
	return out
}

// classQuestions returns the questions of lang that teach the classifier
// class outsideClass or contactClass, with the service's brand in place of
// {brand}, as the articles' own example questions have it.
func (s *Service) classQuestions(lang, class string) []string {
	qs := outsideQuestions[lang]
	if class == contactClass {
		qs = contactQuestions[lang]
	}
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = strings.ReplaceAll(q, "{brand}", s.brand)
	}
	return out
}

// negated returns a feature for each of the (up to three) words that follow
// a negation or "without": the analyzers drop "not", "kein" and "ohne" as
// stop words, so "I don't want a code" would otherwise read like "I want a
// code".
func (s *Service) negated(lang, text string) []string {
	var out []string
	words := strings.FieldsFunc(fold(text), isSeparator)
	for i, w := range words {
		if !negations[lang][w] && !without[lang][w] {
			continue
		}
		n := 0
		for _, next := range words[i+1:] {
			ts := s.analyze(lang, next)
			if len(ts) == 0 {
				continue // a stop word
			}
			out = append(out, "n:"+ts[0].stem)
			if n++; n == 3 {
				break
			}
		}
	}
	return out
}

var without = map[string]map[string]bool{English: {"without": true}, German: {"ohne": true}}
