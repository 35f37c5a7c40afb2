package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/minicorp/miniid/server/help"
	"github.com/minicorp/miniid/shared/api"
)

// assistantPasses is how often the evaluation set is asked: the first pass
// is graded, all of them time the answers (three passes give p99 more than
// a handful of samples above it).
const assistantPasses = 3

// assistantResult is the evaluation set asked through the API.
type assistantResult struct {
	cases     []help.EvalCase
	answers   []api.AssistantAnswer // of the first pass, by case
	latencies []float64             // ms, every request of every pass
	changed   int                   // answers of later passes that differ from the first
}

// accuracy is assistant_accuracy: the share of the set answered right.
func (r assistantResult) accuracy() float64 {
	if len(r.cases) == 0 {
		return 0
	}
	return float64(r.right()) / float64(len(r.cases))
}

func (r assistantResult) right() int {
	n := 0
	for i, c := range r.cases {
		if c.Grade(r.answers[i]) {
			n++
		}
	}
	return n
}

// measureAssistant asks every question of the evaluation set (read from the
// repository at root) one at a time, as its customer would: in the
// question's language as the page's language (X-Lang), each from a client
// address of its own so the per-IP budget does not interfere.
func measureAssistant(ctx context.Context, srv *server, root string, p *progress) (assistantResult, error) {
	var r assistantResult
	f, err := os.Open(filepath.Join(root, help.EvalFile))
	if err != nil {
		return r, err
	}
	r.cases, err = help.ParseEval(f)
	f.Close()
	if err != nil {
		return r, err
	}
	p.printf("assistant: %d questions of %s, %d passes, one request at a time", len(r.cases), help.EvalFile, assistantPasses)
	hc := &http.Client{Timeout: 30 * time.Second}
	r.answers = make([]api.AssistantAnswer, len(r.cases))
	for pass := range assistantPasses {
		for i, c := range r.cases {
			a, d, err := ask(ctx, hc, srv.base, c)
			if err != nil {
				return r, fmt.Errorf("line %d %q: %w", c.Line, c.Question, err)
			}
			r.latencies = append(r.latencies, float64(d)/float64(time.Millisecond))
			if pass == 0 {
				r.answers[i] = a
			} else if help.Got(a) != help.Got(r.answers[i]) {
				r.changed++
			}
		}
	}
	return r, ctx.Err()
}

// ask sends one question and times the whole request.
func ask(ctx context.Context, hc *http.Client, base string, c help.EvalCase) (api.AssistantAnswer, time.Duration, error) {
	var a api.AssistantAnswer
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+api.PathAssistant+"?q="+url.QueryEscape(c.Question), nil)
	if err != nil {
		return a, 0, err
	}
	req.Header.Set("X-Lang", c.Lang)
	req.Header.Set("X-Forwarded-For", nextClientAddr())
	start := time.Now()
	res, err := hc.Do(req)
	if err != nil {
		return a, 0, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	d := time.Since(start)
	if err != nil {
		return a, 0, err
	}
	if res.StatusCode != http.StatusOK {
		return a, 0, fmt.Errorf("%d %s", res.StatusCode, body)
	}
	return a, d, json.Unmarshal(body, &a)
}

func (b *bench) addAssistant(r assistantResult) {
	b.rep.add(figure{name: "assistant_accuracy", value: r.accuracy(), decimal: 3, atLeast: true, limit: help.TargetAccuracy,
		how: fmt.Sprintf("%d of %d questions of %s answered with an acceptable article, or honestly not answered", r.right(), len(r.cases), help.EvalFile)})
	b.rep.add(figure{name: "assistant_p99_ms", value: percentile(r.latencies, 0.99), decimal: 1, unit: "ms", limit: 50,
		how: fmt.Sprintf("p99 of %d GET %s, one at a time (p50 %.1f ms, max %.1f ms)", len(r.latencies), api.PathAssistant,
			percentile(r.latencies, 0.5), percentile(r.latencies, 1))})
	if r.changed > 0 {
		b.rep.note("assistant: %d answers of later passes differed from the first pass", r.changed)
	}
	ok := make([]bool, len(r.cases))
	kinds := map[string]int{}
	for i, c := range r.cases {
		if ok[i] = c.Grade(r.answers[i]); !ok[i] {
			kinds[c.MissKind(r.answers[i])]++
		}
	}
	// Each batch was written before the changes it judged: the batches
	// apart tell how far the retrieval carries to new wordings.
	for _, bs := range help.ByBatch(r.cases, ok) {
		b.rep.note("assistant batch %q: %.3f (%d of %d)", bs.Batch, bs.Accuracy(), bs.Right, bs.Total)
	}
	b.rep.note("assistant misses: %d wrong article, %d no answer though an article has it, %d outside questions answered, %d in the wrong language",
		kinds[help.MissWrongArticle], kinds[help.MissNoAnswer], kinds[help.MissAnswered], kinds[help.MissLanguage])
	for i, c := range r.cases {
		if !ok[i] {
			b.rep.note("assistant miss, line %d: %q → %s; acceptable: %s", c.Line, c.Question, help.Got(r.answers[i]), c.Want())
		}
	}
}
