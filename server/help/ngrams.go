package help

import (
	"math"
	"slices"
	"strings"
)

// ngramVector is a text as weighted character n-grams (3 to 5 letters,
// across word starts and ends): close spellings share most of them, so
// "datumsformat" meets "Datum … Format", "ausloggen" meets "eingeloggt",
// and a typo costs a few n-grams instead of the word.
type ngramVector struct {
	weights map[string]float64
	norm    float64
}

// ngrams counts the n-grams of text, folded.
func ngrams(text string) map[string]float64 {
	out := map[string]float64{}
	for _, w := range strings.FieldsFunc(fold(text), isSeparator) {
		r := []rune(" " + w + " ")
		for n := 3; n <= 5; n++ {
			for i := 0; i+n <= len(r); i++ {
				out[string(r[i:i+n])]++
			}
		}
	}
	return out
}

// ngramIndex weighs n-grams by how few example questions have them, and
// lists for each n-gram the example questions that have it, so a
// question's closest example is found by walking its own n-grams' lists
// rather than comparing it with every example.
type ngramIndex struct {
	docs  int
	df    map[string]int
	posts map[string][]ngramPosting
	// examples are the posted vectors' articles and norms, by number.
	examples []postedExample
}

// ngramPosting is one example question's weight of an n-gram. There are
// about a million of them (5 700 example questions): 8 bytes each, not 16.
type ngramPosting struct {
	example int32 // in ngramIndex.examples
	weight  float32
}

type postedExample struct {
	article string // doc id
	norm    float64
}

// post lists the example question v of article (a doc id) under its
// n-grams.
func (x *ngramIndex) post(article string, v ngramVector) {
	if x.posts == nil {
		x.posts = map[string][]ngramPosting{}
	}
	n := int32(len(x.examples))
	x.examples = append(x.examples, postedExample{article: article, norm: v.norm})
	for g, w := range v.weights {
		x.posts[g] = append(x.posts[g], ngramPosting{example: n, weight: float32(w)})
	}
}

// compact gives every list its exact length once all examples are posted:
// appending leaves up to twice the room.
func (x *ngramIndex) compact() {
	for g, list := range x.posts {
		x.posts[g] = slices.Clone(list)
	}
}

// closest returns, by article, the highest cosine of q with one of the
// article's posted example questions (articles with none in common are
// left out: 0).
func (x *ngramIndex) closest(q ngramVector) map[string]float64 {
	out := map[string]float64{}
	if q.norm == 0 {
		return out
	}
	dots := make([]float64, len(x.examples))
	for g, w := range q.weights {
		for _, p := range x.posts[g] {
			dots[p.example] += w * float64(p.weight)
		}
	}
	for i, dot := range dots {
		if dot == 0 || x.examples[i].norm == 0 {
			continue
		}
		a := x.examples[i].article
		out[a] = math.Max(out[a], dot/(q.norm*x.examples[i].norm))
	}
	return out
}

func (x *ngramIndex) add(counts map[string]float64) {
	x.docs++
	for g := range counts {
		x.df[g]++
	}
}

func (x *ngramIndex) idf(g string) float64 {
	return math.Log(float64(x.docs+1) / (float64(x.df[g]) + 0.5))
}

// vector weighs counts by idf (n-grams no example has are left out: they
// cannot meet anything).
func (x *ngramIndex) vector(counts map[string]float64) ngramVector {
	v := ngramVector{weights: map[string]float64{}}
	for g, c := range counts {
		if x.df[g] == 0 {
			continue
		}
		w := (1 + math.Log(c)) * x.idf(g)
		v.weights[g] = w
		v.norm += w * w
	}
	v.norm = math.Sqrt(v.norm)
	return v
}
