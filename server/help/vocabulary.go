package help

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// vocabulary is what the re-ranking knows about one language's articles.
type vocabulary struct {
	docs  int
	df    map[string]int    // stem → number of articles that have it
	forms map[string]string // folded surface word → its stem
	nouns map[string]bool   // folded forms seen capitalised mid-sentence (German)
	// examples counts the example questions, exampleDF those with a stem.
	examples    int
	exampleDF   map[string]int
	exampleIDFs map[string]float64 // exampleIDF of the stems of exampleDF
	// outside are the questions the help centre has no answer for.
	outside []example
	// grams weighs the character n-grams of the example questions.
	grams ngramIndex
	// brand are the stems of the brand name: in every article and on every
	// page, they tell nothing about a question ("how much is a new MINI").
	brand map[string]bool
}

// docTerms are the stems of one article, by where they occur.
type docTerms struct {
	all      map[string]bool
	title    map[string]bool // title and topic names
	heading  map[string]bool // title only
	passages []map[string]bool
	examples []example // the article's example questions (their n-grams are in vocabulary.grams)
}

// token is one analysed word: its stem (as indexed) and its folded form.
type token struct {
	stem, raw string
	// noun is set for a capitalised German word that does not start the
	// text: most likely a noun, the subject of the question.
	noun bool
}

// analyze runs text through lang's bleve analyzer (lower case, stop words,
// normalisation, stemming).
func (s *Service) analyze(lang, text string) []token {
	an := s.index.Mapping().AnalyzerNamed(lang)
	if an == nil {
		return nil
	}
	var out []token
	for _, t := range an.Analyze([]byte(text)) {
		r, _ := utf8.DecodeRuneInString(text[t.Start:])
		out = append(out, token{
			stem: string(t.Term), raw: fold(text[t.Start:t.End]),
			noun: lang == German && t.Start > 0 && unicode.IsUpper(r),
		})
	}
	return out
}

// buildVocabulary analyses lang's articles once: their terms for the
// re-ranking, and document frequencies for the idf weights.
func (s *Service) buildVocabulary(lang string) *vocabulary {
	v := &vocabulary{df: map[string]int{}, forms: map[string]string{}, nouns: map[string]bool{}, exampleDF: map[string]int{}, brand: map[string]bool{}, grams: ngramIndex{df: map[string]int{}}}
	for _, t := range s.analyze(lang, s.brand) {
		v.brand[t.stem] = true
	}
	add := func(set map[string]bool, text string) {
		text += " " + strings.Join(separableInText(text, lang), " ") + " " + strings.Join(phrasal(text, lang), " ")
		for _, t := range s.analyze(lang, text) {
			set[t.stem] = true
			v.forms[t.raw] = t.stem
			if t.noun {
				v.nouns[t.raw] = true
			}
		}
	}
	for _, d := range s.byLang[lang] {
		d.terms = docTerms{all: map[string]bool{}, title: map[string]bool{}, heading: map[string]bool{}}
		add(d.terms.heading, d.Title)
		add(d.terms.title, d.Title)
		add(d.terms.title, strings.Join(d.topicNames, ", "))
		for _, p := range d.passages {
			set := map[string]bool{}
			add(set, p.Heading+" "+p.Text)
			d.terms.passages = append(d.terms.passages, set)
			for t := range set {
				d.terms.all[t] = true
			}
		}
		for t := range d.terms.title {
			d.terms.all[t] = true
		}
		known := map[string]bool{}
		for t := range d.terms.all {
			known[t] = true
		}
		for _, q := range d.Questions {
			ex := s.exampleOf(v, lang, q)
			for t := range ex.stems {
				known[t] = true
			}
			d.terms.examples = append(d.terms.examples, ex)
		}
		// An example question's words are words of its article: "married"
		// is nowhere in the text of "Update your personal data", but a
		// question with it is about that article.
		for t := range known {
			v.df[t]++
		}
		v.docs++
	}
	// The questions outside the help centre are known words too, so that
	// "car" weighs as a word no article has, not as a typo of one. They
	// count as one document, like an article with its examples: counted
	// per question, a word of many of them ("car", "new") was in more
	// documents than there are, and weighed below zero.
	outside := map[string]bool{}
	for _, q := range s.classQuestions(lang, outsideClass) {
		ex := s.exampleOf(v, lang, q)
		for t := range ex.stems {
			outside[t] = true
		}
		v.outside = append(v.outside, ex)
	}
	for t := range outside {
		v.df[t]++
	}
	v.docs++
	for _, d := range s.byLang[lang] {
		for _, ex := range d.terms.examples {
			for t := range ex.stems {
				v.exampleDF[t]++
			}
			v.examples++
		}
	}
	for _, ex := range v.outside {
		for t := range ex.stems {
			v.exampleDF[t]++
		}
		v.examples++
	}
	lists := [][]example{v.outside}
	for _, d := range s.byLang[lang] {
		lists = append(lists, d.terms.examples)
	}
	v.weighExamples(lists...)
	var counts []map[string]float64
	for _, d := range s.byLang[lang] {
		for _, q := range d.Questions {
			c := ngrams(expand(q, lang).All())
			v.grams.add(c)
			counts = append(counts, c)
		}
	}
	i := 0
	for _, d := range s.byLang[lang] {
		for range d.Questions {
			v.grams.post(d.id(), v.grams.vector(counts[i]))
			i++
		}
	}
	v.grams.compact()
	return v
}

// idf weighs a stem by how few articles have it.
func (v *vocabulary) idf(stem string) float64 {
	n := float64(v.docs)
	return math.Log((n + 1) / (float64(v.df[stem]) + 0.5))
}

// unknownWeight is the weight of a question word no article has: it lowers
// the coverage (a question about the weather is not about the articles) but
// less than a rare article word would, since questions carry chatty words.
const unknownWeight = 1.0

// unknownNounWeight is the weight of an unknown German noun: a question
// about "Reifen" or "Werkstatt" is about something the articles never name.
const unknownNounWeight = 2.0

// maxInexactWeight caps the weight of a question word that only matches
// inexactly (typo, compound part).
const maxInexactWeight = 1.5

// qterm is one word of a question with the article stems it matches, each
// with a strength (1 exact, less for a typo or a compound part).
type qterm struct {
	stem    string
	weight  float64
	matches map[string]float64
}

// questionTerms analyses an expanded question and matches each word against
// the vocabulary. Of the replaced phrases, only words the articles use count.
func (s *Service) questionTerms(lang string, ex expansion) []qterm {
	v := s.vocab[lang]
	seen := map[string]bool{}
	var out []qterm
	for _, g := range ex.Groups {
		qt := qterm{matches: map[string]float64{}}
		for _, alt := range g {
			for _, t := range s.analyze(lang, alt) {
				if v.df[t.stem] > 0 && !seen[t.stem] {
					seen[t.stem] = true
					qt.matches[t.stem] = 1
					qt.weight = math.Max(qt.weight, v.idf(t.stem))
				}
			}
		}
		if len(qt.matches) > 0 {
			out = append(out, qt)
		}
	}
	for _, t := range s.analyze(lang, ex.Text+" "+strings.Join(phrasal(ex.Text, lang), " ")) {
		if fillers[lang][t.raw] || seen[t.stem] {
			continue
		}
		seen[t.stem] = true
		qt := qterm{stem: t.stem, matches: map[string]float64{}}
		if v.df[t.stem] > 0 {
			qt.matches[t.stem] = 1
		} else {
			// Only an unknown word may be a typo: a known one is taken as typed,
			// so "activate" never matches "deactivate".
			for stem := range v.df {
				if d, ok := closeEnough(t.stem, stem); ok {
					qt.matches[stem] = math.Max(qt.matches[stem], 1-0.2*float64(d))
				}
			}
		}
		for form, stem := range v.forms {
			if !compoundPart(t.raw, form) {
				continue
			}
			// In German only a noun is a compound: "Reifen" is no part of
			// "zugreifen". A question's word is a noun when it is written
			// as one, or when it ends in a noun of the articles: customers
			// type "nachname" in lower case, and its head "Name" is a noun.
			wholeIsNoun := v.nouns[form]
			if len(t.raw) > len(form) {
				wholeIsNoun = t.noun || v.nouns[form] && strings.HasSuffix(t.raw, form)
			}
			if lang == German && !wholeIsNoun {
				continue
			}
			qt.matches[stem] = math.Max(qt.matches[stem], 0.7)
		}
		qt.weight = unknownWeight
		if t.noun {
			qt.weight = unknownNounWeight
		}
		if len(qt.matches) > 0 {
			best, w := 0.0, 0.0
			for stem, strength := range qt.matches {
				if strength > best || strength == best && v.idf(stem) > w {
					best, w = strength, v.idf(stem)
				}
			}
			// A word matched only by a typo or as a compound part weighs no more
			// than a rare word: "site" in "website" is a hint, not a topic.
			if best < 1 {
				w = min(w, maxInexactWeight)
			}
			qt.weight = w
		}
		out = append(out, qt)
	}
	for _, t := range s.analyze(lang, ex.Replaced) {
		if v.df[t.stem] > 0 && !fillers[lang][t.raw] && !seen[t.stem] {
			// Half weight: the expansion already stands for the phrase.
			seen[t.stem] = true
			out = append(out, qterm{stem: t.stem, weight: v.idf(t.stem) / 2, matches: map[string]float64{t.stem: 1}})
		}
	}
	return out
}

// titlePrecision is the idf-weighted share of the article title's words the
// question matches: "What is a MINI ID?" is all about a question that only
// says "MINI ID", though those words are everywhere.
func (v *vocabulary) titlePrecision(terms []qterm, title map[string]bool) float64 {
	total, found := 0.0, 0.0
	for stem := range title {
		w := v.idf(stem)
		total += w
		best := 0.0
		for _, t := range terms {
			best = math.Max(best, t.matches[stem])
		}
		found += w * best
	}
	if total == 0 {
		return 0
	}
	return found / total
}
