package help

import (
	"reflect"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

// The classifier learns which features tell its classes apart, and two
// trainings on the same samples give the same weights: an answer never
// depends on the run.
func TestClassifierLearnsDeterministically(t *testing.T) {
	samples := []sample{
		{x: map[string]float64{"w:code": 1, "i:activate": 1}, class: 0},
		{x: map[string]float64{"w:code": 1, "w:login": 1, "i:activate": 1}, class: 0},
		{x: map[string]float64{"w:code": 1, "i:missing": 1}, class: 1},
		{x: map[string]float64{"w:code": 1, "w:spam": 1}, class: 1},
		{x: map[string]float64{"w:weather": 1}, class: 2},
	}
	classes := []string{"activate", "no-code", outsideClass}
	a, b := train(classes, samples), train(classes, samples)
	if !reflect.DeepEqual(a.w, b.w) || !reflect.DeepEqual(a.bias, b.bias) {
		t.Fatal("two trainings on the same samples differ")
	}
	for _, tc := range []struct {
		x    map[string]float64
		want int
	}{
		{map[string]float64{"w:code": 1, "i:activate": 1}, 0},
		{map[string]float64{"w:code": 1, "i:missing": 1}, 1},
		{map[string]float64{"w:weather": 1, "w:unseen": 1}, 2},
	} {
		p := a.predict(tc.x)
		for k := range p {
			if k != tc.want && p[k] >= p[tc.want] {
				t.Errorf("%v: p = %v, want class %d most likely", tc.x, p, tc.want)
			}
		}
	}
}

// Every article of a language is a class of its classifier, whatever
// articles there are, and its own example questions are mostly taken for
// it: the classifier fits what it was taught.
func TestClassifierKnowsEveryArticle(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, lang := range languages {
		c := s.models[lang]
		want := []string{}
		for _, d := range s.byLang[lang] {
			want = append(want, d.id())
		}
		want = append(want, outsideClass, contactClass)
		if !reflect.DeepEqual(c.classes, want) {
			t.Fatalf("%s classes %v, want %v", lang, c.classes, want)
		}
		right, all := 0, 0
		for _, d := range s.byLang[lang] {
			for _, q := range d.Questions {
				p := s.classify(lang, q)
				best := ""
				for id, v := range p {
					if best == "" || v > p[best] {
						best = id
					}
				}
				all++
				if best == d.id() {
					right++
				}
			}
		}
		if share := float64(right) / float64(all); share < 0.9 {
			t.Errorf("%s: %d of %d example questions classified as their own article (%.2f), want at least 0.9", lang, right, all, share)
		}
	}
}

// A negation's words are features of their own: the analyzers drop
// "don't", so "I don't want a code" would read like "I want a code".
func TestFeaturesMarkNegatedWords(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, tc := range []struct {
		lang, q, neg string
		has          bool
	}{
		{English, "I don't want a code every time", "n:code", true},
		{English, "I want a code every time", "n:code", false},
		{German, "Anmelden ohne Code", "n:cod", true},
		{German, "Anmelden mit Code", "n:cod", false},
	} {
		if _, ok := s.features(tc.lang, tc.q)[tc.neg]; ok != tc.has {
			t.Errorf("%q: feature %s present %v, want %v (features %v)", tc.q, tc.neg, ok, tc.has, s.features(tc.lang, tc.q))
		}
	}
}

// The outside and contact questions write the brand as {brand}, like the
// articles' example questions: the classifier learns them with the
// service's brand in its place (which it leaves out, as in the articles),
// never the placeholder (before, 29 requests for a person taught it the
// word "brand").
func TestClassifierLearnsTheBrandNotItsPlaceholder(t *testing.T) {
	s, err := New(testenv.SQLite(t).Bun, nil, "BMW")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range languages {
		named := 0
		for _, class := range []string{outsideClass, contactClass} {
			for _, q := range s.classQuestions(lang, class) {
				if strings.Contains(q, "{brand}") {
					t.Errorf("%s %s: %q keeps the placeholder", lang, class, q)
				}
				if strings.Contains(q, "BMW") {
					named++
				}
			}
		}
		if named == 0 {
			t.Errorf("%s: no question names the brand: the placeholder is not filled in", lang)
		}
	}
}
