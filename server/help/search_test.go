package help

import (
	"context"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestSearch(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	tests := []struct {
		name, lang, q string
		wantTop       []string // the first result is one of these
		wantMark      string   // a highlighted word in the first result
	}{
		{"english", English, "forgot password", []string{"forgot-password"}, "<mark>password</mark>"},
		{"english typo", English, "pasword", []string{"forgot-password", "change-password"}, "<mark>password</mark>"},
		{"english stemming", English, "deactivating", []string{"two-factor-deactivate"}, "<mark>"},
		{"german", German, "Passwort vergessen", []string{"forgot-password"}, "<mark>vergessen</mark>"},
		{"german typos", German, "Pasword vergesen", []string{"forgot-password"}, "<mark>vergessen</mark>"},
		{"german umlauts and stemming", German, "Geräte abmelden", []string{"sessions-and-devices"}, "<mark>"},
		{"synonym", English, "2fa", []string{"two-factor-activate", "two-factor-deactivate"}, "<mark>two</mark>"},
		{"german title", German, "Handynummer", []string{"phone-id"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := s.Search(context.Background(), tc.lang, tc.q, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) == 0 {
				t.Fatal("no results")
			}
			top := res[0]
			ok := false
			for _, w := range tc.wantTop {
				ok = ok || top.Slug == w
			}
			if !ok || top.Lang != tc.lang {
				t.Fatalf("top result %s/%s, want one of %v in %s", top.Lang, top.Slug, tc.wantTop, tc.lang)
			}
			if tc.wantMark != "" && !strings.Contains(top.FragmentHTML, tc.wantMark) {
				t.Errorf("fragment %q lacks %q", top.FragmentHTML, tc.wantMark)
			}
			for i := 1; i < len(res); i++ {
				if res[i].Lang == tc.lang && res[i].Score > res[i-1].Score {
					t.Errorf("results not ranked: %v", res)
				}
			}
		})
	}
}

func TestSearchEscapesAndFallsBack(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	ctx := context.Background()
	// Fragments are HTML-escaped apart from <mark>.
	res, err := s.Search(ctx, English, "profile icon", 3)
	if err != nil || len(res) == 0 {
		t.Fatal(res, err)
	}
	frag := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(res[0].FragmentHTML)
	if strings.ContainsAny(frag, "<>\"") {
		t.Errorf("fragment not escaped: %q", res[0].FragmentHTML)
	}
	// A German word on the English site finds the German article after the
	// English results.
	res, err = s.Search(ctx, English, "Startbildschirm", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || res[len(res)-1].Lang != German || res[len(res)-1].Slug != "offline-and-install" {
		t.Errorf("fallback results %+v", res)
	}
	if res, _ := s.Search(ctx, English, "   ", 5); len(res) != 0 {
		t.Errorf("blank query gave %v", res)
	}
}

// A word's weight is never negative, however many example or outside
// questions share it: a weight below zero would make a question covering
// more of an article count as covering less.
func TestWordWeightsAreNeverNegative(t *testing.T) {
	s, _ := newService(t, testenv.SQLite(t))
	for _, lang := range languages {
		v := s.vocab[lang]
		for stem := range v.df {
			if w := v.idf(stem); w < 0 {
				t.Errorf("%s: idf(%q) = %.2f (in %d of %d documents)", lang, stem, w, v.df[stem], v.docs)
			}
		}
		for stem := range v.exampleDF {
			if w := v.exampleIDF(stem); w < 0 {
				t.Errorf("%s: exampleIDF(%q) = %.2f", lang, stem, w)
			}
		}
	}
}
