package help

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/minicorp/miniid/shared/api"
)

// TargetAccuracy is the share of the evaluation set the assistant should
// answer right (issue 18).
const TargetAccuracy = 0.95

// EvalFile is the evaluation set's path from the repository root; the test
// reads it from the package directory as testdata/eval.tsv.
const EvalFile = "server/help/testdata/eval.tsv"

// EvalCase is one question of the assistant's evaluation set.
type EvalCase struct {
	Line int // in the file, for messages
	// Batch names the part of the set the case was written in ("2026-12-01,
	// third batch"): each batch was written before the retrieval changes it
	// then judged, so its accuracy before them tells how far the retrieval
	// carries to wordings it was not tuned on.
	Batch    string
	Lang     string
	Question string
	// Accept are the slugs of the articles that answer the question; empty
	// when the help centre has no answer and the assistant must say so.
	Accept []string
}

// OutOfScope reports whether the case expects the honest "no answer".
func (c EvalCase) OutOfScope() bool { return len(c.Accept) == 0 }

// batchHeader is the comment line that starts a batch: "# 2026-12-01,
// third batch: …" names the batch "2026-12-01, third batch".
var batchHeader = regexp.MustCompile(`^# (\d{4}-\d{2}-\d{2}, [^:]+):`)

// ParseEval reads an evaluation set: one case per line, tab-separated
// language, acceptable slugs (comma-separated, or "none") and question;
// blank lines and lines starting with # are skipped, except that a comment
// like "# 2026-12-01, third batch: …" starts a batch.
func ParseEval(r io.Reader) ([]EvalCase, error) {
	var out []EvalCase
	batch := ""
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := batchHeader.FindStringSubmatch(line); m != nil {
			batch = m[1]
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("help: eval line %d: %d columns, want 3 (language, slugs, question)", n, len(cols))
		}
		c := EvalCase{Line: n, Batch: batch, Lang: cols[0], Question: cols[2]}
		if c.Lang != English && c.Lang != German {
			return nil, fmt.Errorf("help: eval line %d: language %q (want %s or %s)", n, c.Lang, English, German)
		}
		if strings.TrimSpace(c.Question) == "" {
			return nil, fmt.Errorf("help: eval line %d: no question", n)
		}
		if cols[1] != "none" {
			for s := range strings.SplitSeq(cols[1], ",") {
				if s = strings.TrimSpace(s); s != "" {
					c.Accept = append(c.Accept, s)
				}
			}
			if len(c.Accept) == 0 {
				return nil, fmt.Errorf("help: eval line %d: no slug (write none for an out-of-scope question)", n)
			}
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("help: read eval set: %w", err)
	}
	return out, nil
}

// Grade tells whether a is a right answer to c: an acceptable article in
// the question's language, or, for a question outside the help centre, no
// article, the message saying so and where to turn instead, in the
// question's language.
func (c EvalCase) Grade(a api.AssistantAnswer) bool {
	if a.Lang != c.Lang {
		return false
	}
	if c.OutOfScope() {
		return !a.Found && a.Article == nil && a.Contact != ""
	}
	return a.Found && a.Article != nil && slices.Contains(c.Accept, a.Article.Slug)
}

// Got names what a answered, for a list of misses.
func Got(a api.AssistantAnswer) string {
	if !a.Found || a.Article == nil {
		return "no answer (" + a.Lang + ")"
	}
	return a.Article.Slug + " (" + a.Lang + ")"
}

// Want names what c accepts, for a list of misses.
func (c EvalCase) Want() string {
	if c.OutOfScope() {
		return "no answer (" + c.Lang + ")"
	}
	return strings.Join(c.Accept, " or ") + " (" + c.Lang + ")"
}

// Miss kinds: how an answer that Grade rejects went wrong.
const (
	MissWrongArticle = "wrong article"                       // answered, from an article that does not answer it
	MissNoAnswer     = "no answer, though an article has it" // said it has none, with suggestions
	MissAnswered     = "answered a question outside"         // answered from an article, though none has it
	MissLanguage     = "wrong language"
)

// MissKind tells how a, which Grade rejects, went wrong.
func (c EvalCase) MissKind(a api.AssistantAnswer) string {
	switch {
	case a.Lang != c.Lang:
		return MissLanguage
	case c.OutOfScope():
		return MissAnswered
	case !a.Found || a.Article == nil:
		return MissNoAnswer
	}
	return MissWrongArticle
}

// BatchScore is the accuracy on one batch of the evaluation set.
type BatchScore struct {
	Batch        string
	Right, Total int
}

// Accuracy is the share answered right.
func (b BatchScore) Accuracy() float64 {
	if b.Total == 0 {
		return 0
	}
	return float64(b.Right) / float64(b.Total)
}

// ByBatch scores each batch, in the order of the set; right tells whether
// the case at the same index was answered right.
func ByBatch(cases []EvalCase, right []bool) []BatchScore {
	var out []BatchScore
	for i, c := range cases {
		if len(out) == 0 || out[len(out)-1].Batch != c.Batch {
			out = append(out, BatchScore{Batch: c.Batch})
		}
		b := &out[len(out)-1]
		b.Total++
		if right[i] {
			b.Right++
		}
	}
	return out
}
