package help

import (
	"math"
	"strings"
)

// example is one of an article's example questions as the retrieval
// compares it with a question: the intents it names, and the stems of its
// other words. Taking the intent words out lets "update my password" meet
// "How do I change my password?": both want a change, and of a password.
type example struct {
	intents map[string]bool
	stems   map[string]bool
	// weight is the sum of the stems' exampleIDF and the intents' weight,
	// set once the vocabulary is complete.
	weight float64
}

// withoutIntents returns the intents text names in lang, and text without
// the words that named them.
func withoutIntents(text, lang string) (map[string]bool, string) {
	words := strings.FieldsFunc(text, isSeparator)
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = fold(w)
	}
	in, used := detectIntents(folded, lang)
	var rest []string
	for i, w := range words {
		if !used[i] {
			rest = append(rest, w)
		}
	}
	return in, strings.Join(rest, " ")
}

// exampleOf analyses an example question of lang like a question, and
// records its words in v.
func (s *Service) exampleOf(v *vocabulary, lang, q string) example {
	in, rest := withoutIntents(q, lang)
	ex := example{intents: in, stems: map[string]bool{}}
	text := expand(rest, lang).All()
	text += " " + strings.Join(phrasal(text, lang), " ")
	for _, t := range s.analyze(lang, text) {
		if fillers[lang][t.raw] {
			continue
		}
		ex.stems[t.stem] = true
		v.forms[t.raw] = t.stem
		if t.noun {
			v.nouns[t.raw] = true
		}
	}
	return ex
}

// exampleQuestion is a question prepared for matching example questions.
type exampleQuestion struct {
	intents map[string]bool
	terms   []qterm
}

// exampleQuestion prepares q in lang for exampleMatch.
func (s *Service) exampleQuestion(lang, q string) exampleQuestion {
	in, rest := withoutIntents(q, lang)
	return exampleQuestion{intents: in, terms: s.questionTerms(lang, expand(rest, lang))}
}

// Weights of the example match: an intent the question names counts like a
// rare word; a word weighs by how few example questions have it, at most
// maxExampleWeight (a word no example has would otherwise outweigh the
// rest of the question).
const (
	intentWeight     = 2.0
	maxExampleWeight = 3.0
	brandWeight      = 0.2
)

// exampleIDF weighs a stem by how few example questions of the language
// have it.
func (v *vocabulary) exampleIDF(stem string) float64 {
	if w, ok := v.exampleIDFs[stem]; ok {
		return w
	}
	if v.brand[stem] {
		return brandWeight
	}
	n := float64(v.examples)
	return math.Min(maxExampleWeight, math.Log((n+1)/(float64(v.exampleDF[stem])+0.5)))
}

// weighExamples keeps the weight of every stem of the example questions and
// of each example question, once the vocabulary is complete: exampleMatch
// needs them for every question.
func (v *vocabulary) weighExamples(lists ...[]example) {
	v.exampleIDFs = map[string]float64{}
	for stem := range v.exampleDF {
		v.exampleIDFs[stem] = v.exampleIDF(stem)
	}
	for _, list := range lists {
		for i := range list {
			ex := &list[i]
			ex.weight = intentWeight * float64(len(ex.intents))
			for stem := range ex.stems {
				ex.weight += v.exampleIDF(stem)
			}
		}
	}
}

// exampleMatch is how well q matches the closest of an article's example
// questions (0..1): the harmonic mean of the share of the question the
// example covers and the share of the example the question covers.
func (v *vocabulary) exampleMatch(q exampleQuestion, examples []example) float64 {
	// A question word weighs by its rarest matching stem, the same for
	// every example. A word no article knows weighs like the rarest word:
	// a question about "oil" or a "dealer" is about none of them.
	weights := make([]float64, len(q.terms))
	unknown := false
	for i, t := range q.terms {
		w := maxExampleWeight
		if len(t.matches) > 0 {
			w = 0
			for stem, strength := range t.matches {
				w = math.Max(w, strength*v.exampleIDF(stem))
			}
		} else {
			unknown = true
		}
		weights[i] = w
	}
	best := 0.0
	for _, ex := range examples {
		qTotal, qFound := 0.0, 0.0
		matched := map[string]float64{}
		for i, t := range q.terms {
			found := 0.0
			for stem, strength := range t.matches {
				if ex.stems[stem] {
					found = math.Max(found, strength)
					matched[stem] = math.Max(matched[stem], strength)
				}
			}
			qTotal += weights[i]
			qFound += weights[i] * found
		}
		if qFound == 0 && unknown {
			// Only the intent in common, and the topic a word no article
			// has ("change" the oil, "change" the salutation): the
			// question is about something else.
			continue
		}
		eTotal, eFound := ex.weight, 0.0
		for stem, strength := range matched {
			eFound += v.exampleIDF(stem) * strength
		}
		for in := range q.intents {
			qTotal += intentWeight
			if ex.intents[in] {
				qFound += intentWeight
				eFound += intentWeight
			}
		}
		if qTotal == 0 || eTotal == 0 {
			continue
		}
		recall, precision := qFound/qTotal, eFound/eTotal
		if recall+precision > 0 {
			// F-beta with beta 2: what the question says must be in the
			// example more than the other way round.
			best = math.Max(best, 5*recall*precision/(4*precision+recall))
		}
	}
	return best
}
