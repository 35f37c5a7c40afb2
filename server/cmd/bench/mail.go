package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/minicorp/miniid/shared/api"
)

// mailResult is the delivery time of code mails.
type mailResult struct {
	sent      int
	latencies []float64 // ms, created_at of the outbox row → accepted by the mock
	requests  *vegeta.Metrics
}

// p99 is the nearest-rank 99th percentile.
func (r mailResult) p99() float64 { return percentile(r.latencies, 0.99) }

func (r mailResult) p50() float64 { return percentile(r.latencies, 0.50) }

func percentile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := int(float64(len(s))*q+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

// measureMail makes each of n accounts start "Activate two-factor
// authentication" (password step), which commits an outbox row holding an
// activation code; the portal process sends it with mail.NewMailgun to
// mailgun-go's mock server and records, per row, the time from created_at
// to the mock's acceptance. 10 requests a second, each from its own
// address, stay inside every budget.
func measureMail(ctx context.Context, srv *server, accounts []*account, n int, p *progress) (mailResult, error) {
	var r mailResult
	if len(accounts) < n {
		return r, fmt.Errorf("mail: need %d accounts, have %d", n, len(accounts))
	}
	c := newClient(srv.base)
	accounts = accounts[:n]
	for _, a := range accounts {
		if err := ensureLoggedIn(ctx, c, a); err != nil {
			return r, err
		}
	}
	var next atomic.Int64
	targeter := func(t *vegeta.Target) error {
		a := accounts[int(next.Add(1)-1)%len(accounts)]
		t.Method = "POST"
		t.URL = srv.base + api.PathTwoFactorStart
		t.Body, _ = json.Marshal(api.TwoFactorStartRequest{Enable: true, Password: benchPassword})
		t.Header = a.header(srv.base, true)
		return nil
	}
	p.printf("code mails: %d accounts start two-factor activation, 10 a second; Mailgun is mailgun-go's mock server", n)
	pacer := countPacer{ConstantPacer: vegeta.Rate{Freq: 10, Per: time.Second}, n: uint64(n)}
	r.requests = attack{name: "code mails", targeter: targeter, workers: 4, pacer: pacer}.run(ctx, p)
	r.sent = int(r.requests.StatusCodes["200"])
	if r.sent == 0 {
		return r, fmt.Errorf("code mails: no request succeeded: %s", failures(r.requests))
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if err := getJSON(ctx, srv.base+"/bench/mail-latencies", &r.latencies); err != nil {
			return r, err
		}
		if len(r.latencies) >= r.sent {
			break
		}
		if time.Now().After(deadline) {
			return r, fmt.Errorf("code mails: %d of %d accepted by the mock within 60 s", len(r.latencies), r.sent)
		}
		select {
		case <-ctx.Done():
			return r, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	p.printf("  %d mails, p50 %.1f ms, p99 %.1f ms", len(r.latencies), r.p50(), r.p99())
	if r.sent < n {
		return r, errors.New("code mails: " + failures(r.requests))
	}
	return r, nil
}
