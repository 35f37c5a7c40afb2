package help

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
)

// Retrieve finds the k articles in lang that best answer q and returns their
// passages, best article first and within it best passage first (at most
// three per article, and its lead). It is the grounding a hosted language model would
// get, and what RetrievalAnswerer answers from.
//
// It runs in two steps: bleve gives candidates (stemmed, fuzzy, the
// customer's words mapped to the articles' by the synonym table), then a
// re-ranking scores each candidate by how much of the question it covers —
// each question word weighted by how rare it is among the articles (idf), so
// "code" counts more than "MINI" — in the whole article, in its title and
// topic, and in its best paragraph, and by how much of the title the
// question covers. A question word matches an article word exactly (same
// stem), by a typo when no article has it (edit distance 1 from 6 letters, 2
// from 8), or as part of a German compound noun (Code in Aktivierungscode).
func (s *Service) Retrieve(ctx context.Context, q, lang string, k int) ([]Passage, error) {
	lang = normLang(lang)
	if k <= 0 {
		k = 3
	}
	list, err := s.rank(ctx, q, lang)
	if err != nil {
		return nil, err
	}
	if len(list) > k {
		list = list[:k]
	}
	var out []Passage
	for _, r := range list {
		idx := make([]int, len(r.d.passages))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return r.matches[idx[a]] > r.matches[idx[b]] })
		if len(idx) > 3 {
			// The lead (passage 0) says what the article is about, and for
			// a feature still to come that it is not there yet: it always
			// comes along.
			if !slices.Contains(idx[:3], 0) {
				idx = append(idx[:3], 0)
			} else {
				idx = idx[:3]
			}
		}
		for _, i := range idx {
			out = append(out, Passage{
				Article: r.d.ref(), Index: i, Heading: r.d.passages[i].Heading, Text: r.d.passages[i].Text,
				Score: r.score, Confidence: r.confidence, Match: r.matches[i],
			})
		}
	}
	return out, nil
}

// Weights of the ranking features. The closest example question and the
// classifier decide most: the article's own text shares topic words with
// its neighbours, the example questions carry how customers ask. The
// others break ties. They were chosen from a plateau of the evaluation set:
// moving any of them by half changes it by at most ten questions in 700
// (checked again on 1 484 questions for the intent bonus, 0 to 1: at most
// four). weightModel was chosen again by a cross-validation of the whole
// ranking on the example questions (five folds, each ranked by a service
// trained without it) once the classifier had become softer: 0.800 of the
// held-out examples ranked first right at 1, 0.807 at 1.5 and at 2, 0.794
// at 0.7; halving the example and n-gram weights instead, 0.808.
const (
	weightCoverage  = 0.10 // share of the question the whole article covers
	weightPassage   = 0.10 // … its best passage covers
	weightTitle     = 0.05 // … its title and topic cover
	weightPrecision = 0.10 // share of the title the question covers
	weightBleve     = 0.05 // bleve's own score, relative to the best hit
	weightExample   = 1.0  // how well the article's closest example question matches
	weightGrams     = 1.0  // … in character n-grams
	weightModel     = 1.5  // the classifier's probability of the article
)

// minModelConfidence is the classifier's probability of an article from
// which the article counts as an answer (confidence MinConfidence, rising
// to 1 with the probability). Chosen on the example questions, not on the
// evaluation set: trained on four fifths of them and asked the rest
// (classifier_cv_test.go), the classifier is this sure of an article for
// 6 to 8 % of the held-out questions outside the help centre, as it was at
// 0.7 before its feature weights were halved; it is then sure of its first
// article for 79 and 75 % of the held-out example questions (EN, DE; at 0.7
// before: 74 and 72 %), wrongly for 9 and 8 % of them (before: 8 %).
const minModelConfidence = 0.5

// minModelCandidate is the classifier's probability that makes an article
// a candidate when bleve did not find it.
const minModelCandidate = 0.2

// intentBonus is added to the score of an article whose intent the
// question names; intentPenalty taken from one whose intent the question
// does not name while it names another.
const (
	intentBonus   = 0.2
	intentPenalty = 0.0
)

// candidates is how many articles bleve hands to the re-ranking.
const candidates = 15

// ranked is one candidate article with the features of its score.
type ranked struct {
	d                    *doc
	all, title, prec, bm float64
	best, matched        float64
	example, grams       float64
	model                float64 // the classifier's probability
	score, confidence    float64
	matches              []float64
}

// rank scores the candidates bleve finds for q in lang, best first.
func (s *Service) rank(ctx context.Context, q, lang string) ([]ranked, error) {
	ex := expand(q, lang)
	terms := s.questionTerms(lang, ex)
	eq := s.exampleQuestion(lang, q)
	wants := eq.intents
	req := bleve.NewSearchRequestOptions(textQuery(ex.All(), lang), candidates, 0, false)
	res, err := s.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("help: retrieve: %w", err)
	}
	maxHit := 0.0
	for _, h := range res.Hits {
		maxHit = math.Max(maxHit, h.Score)
	}
	closestGrams := s.vocab[lang].grams.closest(s.vocab[lang].grams.vector(ngrams(ex.All())))
	outside := s.vocab[lang].exampleMatch(eq, s.vocab[lang].outside)
	contact, rest := asksForContact(q, lang)
	probs := s.classify(lang, q)
	// What the question asks besides a person: "the hotline asked me my
	// security question" is about the security question, "can I talk to
	// an agent" about nothing else.
	var restProbs map[string]float64
	if contact && s.contentWords(lang, rest) >= minContentWords {
		restProbs = s.classify(lang, rest)
	}
	person := asksForPerson(probs)
	hits := map[string]float64{}
	var ids []string
	for _, h := range res.Hits {
		hits[h.ID] = h.Score
		ids = append(ids, h.ID)
	}
	// The classifier's likely articles are candidates too, whatever words
	// they share with the question.
	for _, d := range s.byLang[lang] {
		if _, ok := hits[d.id()]; !ok && probs[d.id()] >= minModelCandidate {
			ids = append(ids, d.id())
		}
	}
	var list []ranked
	for _, id := range ids {
		d, ok := s.docs[id]
		if !ok {
			continue
		}
		r := ranked{d: d, matches: make([]float64, len(d.terms.passages)), model: probs[id]}
		r.all, r.matched = coverage(terms, d.terms.all)
		r.title, _ = coverage(terms, d.terms.title)
		r.prec = s.vocab[lang].titlePrecision(terms, d.terms.heading)
		for i, p := range d.terms.passages {
			r.matches[i], _ = coverage(terms, p)
			r.best = math.Max(r.best, r.matches[i])
		}
		if maxHit > 0 {
			r.bm = hits[id] / maxHit
		}
		r.example = s.vocab[lang].exampleMatch(eq, d.terms.examples)
		r.grams = closestGrams[id]
		r.score = weightCoverage*r.all + weightPassage*r.best + weightTitle*r.title + weightPrecision*r.prec + weightBleve*r.bm +
			weightExample*r.example + weightGrams*r.grams + weightModel*r.model
		switch {
		case d.Intent == "" || len(wants) == 0:
		case wants[d.Intent]:
			r.score += intentBonus
		default:
			r.score -= intentPenalty
		}
		// Confidence leaves out what only ranks (bleve's relative score, the
		// best passage): it says whether the article is about the question.
		r.confidence = (0.6*r.all + 0.2*r.title + 0.2*r.prec) * math.Max(math.Min(1, r.matched/minMatchedWeight), r.prec)
		// A question close to an example question, in words or in letters,
		// is about the article.
		r.confidence = math.Max(math.Max(r.confidence, r.example), r.grams)
		// Closer to a question outside the help centre than to the
		// article's own examples: the article only shares words with it.
		r.confidence -= math.Max(0, outside-r.example)
		// The same when the classifier finds the question more likely
		// outside than about the article.
		r.confidence -= math.Max(0, probs[outsideClass]+probs[contactClass]-r.model)
		// A classifier sure of the article is confidence enough, whatever
		// words the question shares with its text: "mehr Sicherheit fürs
		// Konto mit Code" shares none with 'Activate two-factor
		// authentication'.
		if r.model >= minModelConfidence {
			r.confidence = math.Max(r.confidence, MinConfidence+(1-MinConfidence)*(r.model-minModelConfidence)/(1-minModelConfidence))
		}
		if person || contact && math.Max(probs[id], restProbs[id]) < minModelConfidence {
			// Asked for a person: the answer is the contact options, so no
			// article is confident, however many words it shares — unless
			// the question, with or without the words naming the person, is
			// surely about it ("can the hotline lift my block").
			r.confidence = 0
		}
		r.confidence = math.Min(1, math.Max(0, r.confidence))
		list = append(list, r)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
	return list, nil
}

// minMatchedWeight is how much idf weight a question must match before the
// coverage counts fully: a question whose only known word is the brand,
// which every article has, matches everything and so nothing.
const minMatchedWeight = 1.2

// coverage returns the weighted share of the question's terms found in set,
// and the weight found.
func coverage(terms []qterm, set map[string]bool) (float64, float64) {
	total, found := 0.0, 0.0
	for _, t := range terms {
		total += t.weight
		best := 0.0
		for stem, strength := range t.matches {
			if set[stem] && strength > best {
				best = strength
			}
		}
		found += t.weight * best
	}
	if total == 0 {
		return 0, 0
	}
	return found / total, found
}

// asksForPerson reports whether the classifier finds a request for a
// person likelier than any article ("get me a real human", "Rückruf
// bitte"). A question that names the support in the words of contactCues
// is one too unless the classifier is sure of an article: rank decides
// that per article.
func asksForPerson(probs map[string]float64) bool {
	best := 0.0
	for class, p := range probs {
		if class != outsideClass && class != contactClass {
			best = math.Max(best, p)
		}
	}
	return probs[contactClass] > best
}

// minContentWords is how many words that are neither stop words nor
// fillers a question needs, once its request for a person is taken out, to
// ask something an article may answer.
const minContentWords = 2

// contentWords counts the words of text that are neither stop words, nor
// fillers ("please", "need"), nor the brand.
func (s *Service) contentWords(lang, text string) int {
	n := 0
	for _, t := range s.analyze(lang, text) {
		if !fillers[lang][t.raw] && !s.vocab[lang].brand[t.stem] {
			n++
		}
	}
	return n
}
