package page

import (
	"slices"
	"testing"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/i18n"
)

// TestCountriesInTheReadersOrder: the country list is ordered by the names
// the reader reads, Österreich among the O in German.
func TestCountriesInTheReadersOrder(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.German} {
		var names []string
		for _, o := range countryOptions(lang) {
			names = append(names, o.Label)
		}
		if !slices.IsSortedFunc(names, func(a, b string) int { return compare(sortKey(a), sortKey(b)) }) {
			t.Errorf("%s: %v", lang, names)
		}
	}
	de := countryOptions(i18n.German)
	at := slices.IndexFunc(de, func(o component.Option) bool { return o.Value == "AT" })
	pl := slices.IndexFunc(de, func(o component.Option) bool { return o.Value == "PL" })
	no := slices.IndexFunc(de, func(o component.Option) bool { return o.Value == "NO" })
	if !(no < at && at < pl) {
		t.Errorf("Österreich is not between Norwegen and Polen: %v", de)
	}
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
