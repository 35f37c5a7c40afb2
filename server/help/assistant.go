package help

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/minicorp/miniid/shared/api"
)

// Errors of a question the assistant refuses; the handler answers 400.
var (
	ErrQuestionEmpty   = errors.New("help: the question is empty")
	ErrQuestionTooLong = fmt.Errorf("help: the question is longer than %d characters", api.AssistantMaxQuestion)
)

// ValidateQuestion checks a question: not blank, at most
// api.AssistantMaxQuestion characters (runes, as the browser counts them).
func ValidateQuestion(q string) error {
	if strings.TrimSpace(q) == "" {
		return ErrQuestionEmpty
	}
	if utf8.RuneCountInString(q) > api.AssistantMaxQuestion {
		return ErrQuestionTooLong
	}
	return nil
}

// Answerer answers a customer's question about the portal. RetrievalAnswerer
// is the built-in one; a hosted language model can be put behind the same
// endpoint by implementing Answerer on top of a Retriever, whose passages
// ground its answer (and whose article it links).
// lang is the language of the page the question was asked on: the answer
// is in the question's language, and in lang when the question does not
// tell ("2FA?").
type Answerer interface {
	Answer(ctx context.Context, q, lang string) (Answer, error)
}

// Retriever finds the passages of the help articles that answer q, in lang:
// the k best articles, best first, each with its best passages.
type Retriever interface {
	Retrieve(ctx context.Context, q, lang string, k int) ([]Passage, error)
}

var (
	_ Retriever = (*Service)(nil)
	_ Answerer  = (*RetrievalAnswerer)(nil)
)

// ArticleRef names an article an answer links to.
type ArticleRef struct {
	Slug, Lang, Title, FirstLine string
}

// Passage is one paragraph (or one list of steps) of an article, as plain
// text, with how well its article and it answer the question.
type Passage struct {
	Article ArticleRef
	Index   int    // position of the passage in its article
	Heading string // the heading the passage sits under, if any
	Text    string
	// Score ranks the passage's article for the question: higher is
	// better; it compares articles for one question only.
	Score float64
	// Confidence (0..1) says how much of the question the article covers:
	// below a threshold the article does not really answer it.
	Confidence float64
	// Match (0..1) is how much of the question this passage covers.
	Match float64
}

// Answer is the assistant's reply.
type Answer struct {
	Found bool
	// Text is the answer as plain text, or, when nothing was found, the
	// message saying so.
	Text        string
	Lang        string
	Article     *ArticleRef
	Suggestions []ArticleRef
	// Contact says where to turn instead when nothing was found.
	Contact string
}

// API converts the answer for the wire.
func (a Answer) API() api.AssistantAnswer {
	out := api.AssistantAnswer{Found: a.Found, Answer: a.Text, Lang: a.Lang, Suggestions: []api.HelpArticleSummary{}, Contact: a.Contact}
	if a.Article != nil {
		out.Article = &api.HelpArticleSummary{Slug: a.Article.Slug, Title: a.Article.Title, FirstLine: a.Article.FirstLine}
	}
	for _, s := range a.Suggestions {
		out.Suggestions = append(out.Suggestions, api.HelpArticleSummary{Slug: s.Slug, Title: s.Title, FirstLine: s.FirstLine})
	}
	return out
}

// NoAnswer is what the assistant says below its confidence threshold.
var NoAnswer = map[string]string{
	English: "I don't have an answer to that.",
	German:  "Darauf habe ich keine Antwort.",
}

// Contact is where the assistant sends a question it cannot answer, with
// {brand} for the brand: the help articles cover the ID only, and the
// brand's customer support and partners are the people to ask about
// anything else.
var Contact = map[string]string{
	English: "I only know the help articles about your {brand} ID. For anything else — your car, prices, appointments, " +
		"or a question these articles don't answer — {brand} Customer Support and your {brand} partner are there for you: " +
		"you find their phone numbers and contact form on the {brand} website for your country.",
	German: "Ich kenne nur die Hilfeartikel zu Ihrer {brand} ID. Bei allem anderen – Ihrem Fahrzeug, Preisen, Terminen " +
		"oder einer Frage, die diese Artikel nicht beantworten – helfen Ihnen der {brand} Kundenservice und Ihr {brand} Partner: " +
		"Telefonnummern und Kontaktformular finden Sie auf der {brand} Website Ihres Landes.",
}

// Answer limits of RetrievalAnswerer.
const (
	// MinConfidence is the confidence below which no answer is given. It
	// sits in the gap the tests measure between the weakest right answer
	// (about 0.43) and the strongest question the articles do not answer
	// (about 0.35).
	MinConfidence = 0.4
	// MaxAnswer is how long an answer may grow by passages next to the
	// best one, in characters. The lead and the best passage come whole
	// whatever their length (an article's passages stay short: a test
	// checks).
	MaxAnswer = 900
)

// RetrievalAnswerer answers with the best passages of the best article the
// Retriever finds, in the language of the question.
type RetrievalAnswerer struct {
	Retriever Retriever
	// Popular, when set, suggests articles when retrieval finds none.
	Popular func(ctx context.Context, lang string, n int) []ArticleRef
	// Brand fills in {brand} of Contact.
	Brand string
}

// Answer validates q, detects its language, and answers from the best
// article; below MinConfidence it says so and suggests up to three
// articles, and where to turn instead. When the words of q do not tell its language, it is taken to
// be the page's language (pageLang).
func (r *RetrievalAnswerer) Answer(ctx context.Context, q, pageLang string) (Answer, error) {
	if err := ValidateQuestion(q); err != nil {
		return Answer{}, err
	}
	lang, sure := DetectLang(q)
	if !sure {
		lang = normLang(pageLang)
	}
	best, err := r.Retriever.Retrieve(ctx, q, lang, 3)
	if err != nil {
		return Answer{}, err
	}
	if !confident(best) {
		a := Answer{Lang: lang, Text: NoAnswer[lang], Suggestions: suggestions(best, 3),
			Contact: strings.ReplaceAll(Contact[lang], "{brand}", r.Brand)}
		if len(a.Suggestions) == 0 && r.Popular != nil {
			a.Suggestions = r.Popular(ctx, lang, 3)
		}
		return a, nil
	}
	ref := best[0].Article
	return Answer{Found: true, Lang: lang, Text: compose(best, ref.Slug), Article: &ref}, nil
}

// confident reports whether the best of ps answers the question.
func confident(ps []Passage) bool { return len(ps) > 0 && ps[0].Confidence >= MinConfidence }

// suggestions returns up to n distinct articles of ps that match at least
// a little.
func suggestions(ps []Passage, n int) []ArticleRef {
	var out []ArticleRef
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.Article.Slug] || p.Confidence <= 0 {
			continue
		}
		seen[p.Article.Slug] = true
		out = append(out, p.Article)
		if len(out) == n {
			break
		}
	}
	return out
}

// compose builds the answer from one article's passages, each whole: the
// best one; before it the article's lead (passage 0), which says what the
// article is about and, for a feature still to come, that it is not there
// yet; and the next best of the same section while the answer stays within
// MaxAnswer. They keep the article's order. A passage is never cut: a list
// of steps comes whole with the sentence that introduces it.
func compose(ps []Passage, slug string) string {
	var mine []Passage
	for _, p := range ps {
		if p.Article.Slug == slug {
			mine = append(mine, p)
		}
	}
	best := mine[0]
	for _, p := range mine[1:] {
		if p.Match > best.Match {
			best = p
		}
	}
	chosen := []Passage{best}
	size := utf8.RuneCountInString(best.Text)
	for _, p := range mine {
		if p.Index == 0 && best.Index != 0 {
			chosen = append(chosen, p)
			size += utf8.RuneCountInString(p.Text)
		}
	}
	for _, p := range mine {
		if p.Index == best.Index || p.Index == 0 || p.Match <= 0 || p.Heading != best.Heading {
			continue
		}
		if n := utf8.RuneCountInString(p.Text); size+n <= MaxAnswer {
			chosen = append(chosen, p)
			size += n
		}
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].Index < chosen[j].Index })
	texts := make([]string, len(chosen))
	for i, p := range chosen {
		texts[i] = p.Text
	}
	return strings.Join(texts, "\n\n")
}

// Ask answers a question asked on a page in lang with the service's
// Answerer, for the wire. ErrQuestionEmpty and ErrQuestionTooLong mean a
// bad request.
func (s *Service) Ask(ctx context.Context, q, lang string) (api.AssistantAnswer, error) {
	if err := ValidateQuestion(q); err != nil {
		return api.AssistantAnswer{}, err
	}
	a, err := s.answerer.Answer(ctx, q, lang)
	if err != nil {
		return api.AssistantAnswer{}, fmt.Errorf("help: answer: %w", err)
	}
	return a.API(), nil
}

// UseAnswerer replaces the built-in RetrievalAnswerer, for example by one
// that asks a hosted language model grounded on s.Retrieve. Call it before
// serving.
func (s *Service) UseAnswerer(a Answerer) { s.answerer = a }

// popular suggests the most read articles.
func (s *Service) popular(ctx context.Context, lang string, n int) []ArticleRef {
	list, err := s.MostRead(ctx, lang, n)
	if err != nil {
		return nil
	}
	out := make([]ArticleRef, 0, len(list))
	for _, a := range list {
		if d, ok := s.docs[lang+"/"+a.Slug]; ok {
			out = append(out, d.ref())
		}
	}
	return out
}
