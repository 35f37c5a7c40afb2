package help

import (
	"math"
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

// ngramIndex weighs n-grams by how few example questions have them.
type ngramIndex struct {
	docs int
	df   map[string]int
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

// cosine of two vectors (0..1).
func (v ngramVector) cosine(o ngramVector) float64 {
	if v.norm == 0 || o.norm == 0 {
		return 0
	}
	a, b := v.weights, o.weights
	if len(a) > len(b) {
		a, b = b, a
	}
	dot := 0.0
	for g, w := range a {
		dot += w * b[g]
	}
	return dot / (v.norm * o.norm)
}
