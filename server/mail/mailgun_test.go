package mail_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mailgun/mailgun-go/v4"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
)

// recorded is one request that reached the Mailgun API.
type recorded struct {
	method, path, user, password string
	fields                       map[string][]string
}

// recorder is a reverse proxy in front of mailgun-go's mock server: the
// mock answers like Mailgun but keeps only a summary of each message (no
// text or HTML part), so the recorder keeps the form as it was sent.
type recorder struct {
	mu       sync.Mutex
	requests []recorded
}

func (rec *recorder) serve(t *testing.T, upstream string) *httptest.Server {
	t.Helper()
	u, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: u.Scheme, Host: u.Host})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		req := recorded{method: r.Method, path: r.URL.Path, fields: map[string][]string{}}
		req.user, req.password, _ = r.BasicAuth()
		if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && params["boundary"] != "" {
			form, err := multipart.NewReader(bytes.NewReader(body), params["boundary"]).ReadForm(1 << 20)
			if err == nil {
				req.fields = form.Value
			}
		}
		rec.mu.Lock()
		rec.requests = append(rec.requests, req)
		rec.mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestMailgunSendsTextAndHTMLAndTheRowIsMarkedSent(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		mock := mailgun.NewMockServer()
		defer mock.Stop()
		var rec recorder
		proxy := rec.serve(t, mock.URL())

		// The API base without "/v3", as MAILGUN_API_BASE for the EU is
		// given ("https://api.eu.mailgun.net"): NewMailgun adds it.
		sender := mail.NewMailgun("mg.example.com", "key-123", proxy.URL, "MINI ID <no-reply@mg.example.com>")
		clk := clock.NewFake(start)
		w := mail.NewWorker(db.Bun, sender, nil, clk, quiet, mail.WorkerOptions{})
		id := enqueue(t, db.Bun, clk.Now(), mail.Message{
			To: "anna@example.com", Subject: "Your login code", Text: "Your code:\n\n123456\n", HTML: "<p>123456</p>",
		})

		if n := deliverDue(t, w); n != 1 {
			t.Fatalf("delivered %d, want 1", n)
		}
		if row := outboxRow(t, db.Bun, id); row.SentAt == nil || row.Attempts != 1 {
			t.Fatalf("row = %+v, want sent", row)
		}
		rec.mu.Lock()
		defer rec.mu.Unlock()
		if len(rec.requests) != 1 {
			t.Fatalf("%d requests to Mailgun, want 1", len(rec.requests))
		}
		r := rec.requests[0]
		if r.method != http.MethodPost || r.path != "/v3/mg.example.com/messages" || r.user != "api" || r.password != "key-123" {
			t.Fatalf("request = %s %s as %s:%s", r.method, r.path, r.user, r.password)
		}
		want := map[string]string{
			"from":    "MINI ID <no-reply@mg.example.com>",
			"to":      "anna@example.com",
			"subject": "Your login code",
			"text":    "Your code:\n\n123456\n",
			"html":    "<p>123456</p>",
			// Mailgun's logs can be matched to the outbox row.
			"h:" + mail.OutboxHeader: strconv.FormatInt(id, 10),
		}
		for field, value := range want {
			if got := r.fields[field]; len(got) != 1 || got[0] != value {
				t.Errorf("form field %s = %q, want %q", field, got, value)
			}
		}
		// And the mock accepted it.
		events := mock.Events()
		if len(events) == 0 || events[len(events)-1].GetName() != "accepted" {
			t.Fatalf("mock events = %v", events)
		}
	})
}

func TestMailgunRefusalIsPermanentAndOutageIsRetried(t *testing.T) {
	db := testenv.SQLite(t)
	clk := clock.NewFake(start)

	// The mock answers 400 to an address it cannot parse.
	mock := mailgun.NewMockServer()
	defer mock.Stop()
	refused := enqueue(t, db.Bun, clk.Now(), mail.Message{To: "not an address", Subject: "S", Text: "T"})
	w := mail.NewWorker(db.Bun, mail.NewMailgun("mg.example.com", "key-123", mock.URL(), "no-reply@mg.example.com"), nil, clk, quiet, mail.WorkerOptions{})
	deliverDue(t, w)
	if row := outboxRow(t, db.Bun, refused); row.DeadAt == nil || row.Attempts != 1 {
		t.Fatalf("refused row = %+v, want dead at once", row)
	}

	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	}))
	defer down.Close()
	later := enqueue(t, db.Bun, clk.Now(), mail.Message{To: "anna@example.com", Subject: "S", Text: "T"})
	w = mail.NewWorker(db.Bun, mail.NewMailgun("mg.example.com", "key-123", down.URL+"/v3/", "no-reply@mg.example.com"), nil, clk, quiet, mail.WorkerOptions{})
	deliverDue(t, w)
	row := outboxRow(t, db.Bun, later)
	if row.DeadAt != nil || row.SentAt != nil || row.Attempts != 1 || !strings.Contains(row.LastError, "503") {
		t.Fatalf("row during an outage = %+v, want a retry", row)
	}
}

func TestMailgunSendsOnlyEmail(t *testing.T) {
	db := testenv.SQLite(t)
	clk := clock.NewFake(start)
	mg := mail.NewMailgun("mg.example.com", "key-123", "http://127.0.0.1:1", "no-reply@mg.example.com")
	// Mailgun given as the SMS sender by mistake: refused for good, no request.
	w := mail.NewWorker(db.Bun, mg, mg, clk, quiet, mail.WorkerOptions{})
	id := enqueue(t, db.Bun, clk.Now(), mail.Message{Channel: mail.ChannelSMS, To: "+491701234567", Text: "123456"})
	deliverDue(t, w)
	if row := outboxRow(t, db.Bun, id); row.DeadAt == nil || !strings.Contains(row.LastError, "channel") {
		t.Fatalf("row = %+v", row)
	}
}
