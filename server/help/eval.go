package help

import (
	"bufio"
	"fmt"
	"io"
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
	Line     int // in the file, for messages
	Lang     string
	Question string
	// Accept are the slugs of the articles that answer the question; empty
	// when the help centre has no answer and the assistant must say so.
	Accept []string
}

// OutOfScope reports whether the case expects the honest "no answer".
func (c EvalCase) OutOfScope() bool { return len(c.Accept) == 0 }

// ParseEval reads an evaluation set: one case per line, tab-separated
// language, acceptable slugs (comma-separated, or "none") and question;
// blank lines and lines starting with # are skipped.
func ParseEval(r io.Reader) ([]EvalCase, error) {
	var out []EvalCase
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("help: eval line %d: %d columns, want 3 (language, slugs, question)", n, len(cols))
		}
		c := EvalCase{Line: n, Lang: cols[0], Question: cols[2]}
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
