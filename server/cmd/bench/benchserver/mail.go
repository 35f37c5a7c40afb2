package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/mailgun/mailgun-go/v4"

	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

// mailHooks is the portal's e-mail sender in one of two modes (BENCH_MAIL):
//
//   - "capture" (default): a no-op sender that keeps only the token of each
//     recipient's newest link, so the benchmark can confirm the accounts it
//     registers; GET /bench/token?to=ADDRESS answers it.
//   - "mailgun": mail.NewMailgun pointed at mailgun-go's mock server, timed:
//     GET /bench/mail-latencies lists, per delivered row, the time from the
//     row's created_at to the mock server's acceptance, in milliseconds.
type mailHooks struct {
	sender mail.Sender
	routes func(mux *http.ServeMux)
	close  func()
}

func newMailHooks(mode string) (mailHooks, error) {
	switch mode {
	case "", "capture":
		c := &captureSender{tokens: map[string]string{}}
		return mailHooks{sender: c, routes: func(mux *http.ServeMux) {
			mux.HandleFunc("GET /bench/token", c.serveToken)
		}, close: func() {}}, nil
	case "mailgun":
		mock := mailgun.NewMockServer()
		t := &timedSender{next: mail.NewMailgun("bench.example.com", "bench-key", mock.URL(), "MINI ID <no-reply@bench.example.com>")}
		return mailHooks{sender: t, routes: func(mux *http.ServeMux) {
			mux.HandleFunc("GET /bench/mail-latencies", t.serveLatencies)
		}, close: mock.Stop}, nil
	}
	return mailHooks{}, fmt.Errorf("BENCH_MAIL must be capture or mailgun, not %q", mode)
}

var linkToken = regexp.MustCompile(`token=([A-Za-z0-9_\-]+)`)

// captureSender drops every message, keeping each recipient's newest link
// token.
type captureSender struct {
	mu     sync.Mutex
	tokens map[string]string
}

var _ mail.Sender = (*captureSender)(nil)

func (c *captureSender) Send(_ context.Context, m store.OutboxMail) error {
	if s := linkToken.FindStringSubmatch(m.Text); s != nil {
		c.mu.Lock()
		c.tokens[m.To] = s[1]
		c.mu.Unlock()
	}
	return nil
}

func (c *captureSender) serveToken(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	tok, ok := c.tokens[r.URL.Query().Get("to")]
	c.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(tok))
}

// timedSender records, for each row its next sender accepted, the time
// since the row was written.
type timedSender struct {
	next mail.Sender
	mu   sync.Mutex
	ms   []float64
}

var _ mail.Sender = (*timedSender)(nil)

func (t *timedSender) Send(ctx context.Context, m store.OutboxMail) error {
	if err := t.next.Send(ctx, m); err != nil {
		return err
	}
	accepted := time.Now()
	t.mu.Lock()
	t.ms = append(t.ms, float64(accepted.Sub(m.CreatedAt))/float64(time.Millisecond))
	t.mu.Unlock()
	return nil
}

func (t *timedSender) serveLatencies(w http.ResponseWriter, _ *http.Request) {
	t.mu.Lock()
	defer t.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(t.ms)
}
