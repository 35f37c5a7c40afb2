package help

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

// loadEval reads the evaluation set and checks its shape: at least 200
// questions, as many in English as in German, at least 10 per language
// that the help centre cannot answer, only known slugs, no question twice.
func loadEval(t *testing.T, s *Service) []EvalCase {
	t.Helper()
	f, err := os.Open("testdata/eval.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := ParseEval(f)
	if err != nil {
		t.Fatal(err)
	}
	// The set measures wordings the retrieval was not written for: none of
	// its questions may be an article's example question.
	examples := map[string]string{}
	for _, d := range s.docs {
		for _, q := range d.Questions {
			examples[sameQuestion(q)] = d.id()
		}
	}
	perLang, outside := map[string]int{}, map[string]int{}
	seen := map[string]int{}
	for _, c := range cases {
		perLang[c.Lang]++
		if c.OutOfScope() {
			outside[c.Lang]++
		}
		for _, slug := range c.Accept {
			if !s.Has(slug) {
				t.Errorf("line %d: no article %q", c.Line, slug)
			}
		}
		key := sameQuestion(c.Question)
		if id, ok := examples[key]; ok {
			t.Errorf("line %d is an example question of %s: %q", c.Line, id, c.Question)
		}
		if first, dup := seen[key]; dup {
			t.Errorf("line %d repeats line %d: %q", c.Line, first, c.Question)
		}
		seen[key] = c.Line
	}
	if len(cases) < 200 || perLang[English] != perLang[German] {
		t.Errorf("the set has %d questions (%d en, %d de), want at least 200, half in each language", len(cases), perLang[English], perLang[German])
	}
	if outside[English] < 10 || outside[German] < 10 {
		t.Errorf("out-of-scope questions: %d en, %d de; want at least 10 each", outside[English], outside[German])
	}
	return cases
}

// maxShared is the share of words an example question may have in common
// with a question of the evaluation set (of the words either has): above
// it, the example is the question reworded, and the set would measure
// what the examples were copied from.
const maxShared = 0.8

// TestExamplesAreNotCopiedFromTheEvaluationSet keeps what the retrieval
// learns from apart from the evaluation set — the articles' example
// questions, the questions outside the help centre and the requests for a
// person: none may share maxShared of its words with one of the set's
// questions in its language ("Turn 2FA off" and "turn off 2fa" share all of
// theirs). New examples were held to 0.6.
func TestExamplesAreNotCopiedFromTheEvaluationSet(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	cases := loadEval(t, s)
	learned := map[string][]string{} // by where they are, lang first
	for _, d := range s.docs {
		learned[d.id()] = d.Questions
	}
	for _, lang := range languages {
		learned[lang+"/"+outsideClass] = s.classQuestions(lang, outsideClass)
		learned[lang+"/"+contactClass] = s.classQuestions(lang, contactClass)
	}
	for id, qs := range learned {
		lang, _, _ := strings.Cut(id, "/")
		for _, q := range qs {
			qw := wordSet(strings.Join(strings.FieldsFunc(fold(q), isSeparator), " "))
			for _, c := range cases {
				if c.Lang != lang {
					continue
				}
				if j := jaccard(qw, wordSet(strings.Join(strings.FieldsFunc(fold(c.Question), isSeparator), " "))); j >= maxShared {
					t.Errorf("%s: example %q shares %.0f%% of its words with line %d %q", id, q, 100*j, c.Line, c.Question)
				}
			}
		}
	}
}

// jaccard is the share of the words of a and b that both have.
func jaccard(a, b map[string]bool) float64 {
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	if n := len(a) + len(b) - both; n > 0 {
		return float64(both) / float64(n)
	}
	return 0
}

// sameQuestion folds what does not make two questions different: case,
// punctuation, spacing.
func sameQuestion(q string) string {
	return strings.Join(strings.FieldsFunc(fold(q), isSeparator), " ")
}

// TestAssistantEvaluationSet asks every question of the evaluation set and
// lists the misses.
func TestAssistantEvaluationSet(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	cases := loadEval(t, s)
	ctx := context.Background()
	right := 0
	ok := make([]bool, len(cases))
	kinds := map[string]int{}
	for i, c := range cases {
		a, err := s.Ask(ctx, c.Question, c.Lang)
		if err != nil {
			t.Fatalf("line %d %q: %v", c.Line, c.Question, err)
		}
		if ok[i] = c.Grade(a); ok[i] {
			right++
			continue
		}
		kinds[c.MissKind(a)]++
		t.Logf("miss, line %d: %q → %s; acceptable: %s", c.Line, c.Question, Got(a), c.Want())
	}
	for _, b := range ByBatch(cases, ok) {
		t.Logf("batch %q: %.3f (%d of %d)", b.Batch, b.Accuracy(), b.Right, b.Total)
	}
	for _, k := range []string{MissWrongArticle, MissNoAnswer, MissAnswered, MissLanguage} {
		t.Logf("misses, %s: %d", k, kinds[k])
	}
	acc := float64(right) / float64(len(cases))
	t.Logf("assistant_accuracy %.3f (%d of %d); the target is %.2f", acc, right, len(cases), TargetAccuracy)
	if acc < minAccuracy {
		t.Errorf("assistant_accuracy %.3f is below %.2f: a change made the assistant worse on the evaluation set (misses above)", acc, minAccuracy)
	}
}

// minAccuracy is what the test holds the assistant to: the accuracy
// measured on the whole evaluation set when it last grew, rounded down —
// now TargetAccuracy, which the assistant reaches (0.951 of 2 984 at
// 2026-12-01 22:32 UTC). A new batch that takes the set below it comes
// with the change that answers it, or says in its commit why not; never
// lower it to let a change pass.
const minAccuracy = TargetAccuracy
