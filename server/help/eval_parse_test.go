package help

import (
	"reflect"
	"strings"
	"testing"

	"github.com/minicorp/miniid/shared/api"
)

// A "# date, name: …" comment starts a batch; the cases after it belong to
// it until the next one, and ByBatch scores each in the set's order.
func TestParseEvalBatches(t *testing.T) {
	set := strings.Join([]string{
		"# The set.",
		"en\tlog-in\thow do i sign in",
		"",
		"# 2026-12-01, second batch: three paraphrases of each miss",
		"# written before the change.",
		"de\tnone\twie wird das wetter",
		"en\tlog-in,register\tnew here",
		"# 2026-12-02, third batch: new questions",
		"de\tphone-id\tphone id was ist das",
	}, "\n")
	cases, err := ParseEval(strings.NewReader(set))
	if err != nil {
		t.Fatal(err)
	}
	var batches []string
	for _, c := range cases {
		batches = append(batches, c.Batch)
	}
	want := []string{"", "2026-12-01, second batch", "2026-12-01, second batch", "2026-12-02, third batch"}
	if !reflect.DeepEqual(batches, want) {
		t.Fatalf("batches %q, want %q", batches, want)
	}
	got := ByBatch(cases, []bool{true, false, true, true})
	wantScores := []BatchScore{{"", 1, 1}, {"2026-12-01, second batch", 1, 2}, {"2026-12-02, third batch", 1, 1}}
	if !reflect.DeepEqual(got, wantScores) {
		t.Fatalf("ByBatch %+v, want %+v", got, wantScores)
	}
	if got[1].Accuracy() != 0.5 {
		t.Errorf("accuracy %v, want 0.5", got[1].Accuracy())
	}
}

// A miss says how the answer went wrong.
func TestMissKind(t *testing.T) {
	inScope := EvalCase{Lang: English, Accept: []string{"log-in"}}
	outside := EvalCase{Lang: German}
	article := &api.HelpArticleSummary{Slug: "register"}
	tests := []struct {
		c    EvalCase
		a    api.AssistantAnswer
		want string
	}{
		{inScope, api.AssistantAnswer{Found: true, Lang: English, Article: article}, MissWrongArticle},
		{inScope, api.AssistantAnswer{Lang: English, Contact: "…"}, MissNoAnswer},
		{inScope, api.AssistantAnswer{Found: true, Lang: German, Article: &api.HelpArticleSummary{Slug: "log-in"}}, MissLanguage},
		{outside, api.AssistantAnswer{Found: true, Lang: German, Article: article}, MissAnswered},
	}
	for _, tc := range tests {
		if tc.c.Grade(tc.a) {
			t.Errorf("%+v graded right for %+v", tc.a, tc.c)
		}
		if got := tc.c.MissKind(tc.a); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.a, got, tc.want)
		}
	}
}
