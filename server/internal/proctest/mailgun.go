package proctest

import (
	"bytes"
	"encoding/pem"
	"io"
	"log"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mailgun/mailgun-go/v4"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/mail"
)

// Mailgun is mailgun-go's mock server behind a proxy that fails on
// command: what a portal process configured with Env sends goes through
// the proxy (HTTPS, as MAILGUN_API_BASE must be), which answers 500 while
// it is told to fail, and otherwise hands the message to the mock and keeps
// a copy of what the mock accepted.
type Mailgun struct {
	mock mailgun.MockServer
	srv  *httptest.Server
	cert string // PEM file of the proxy's certificate, for SSL_CERT_FILE

	mu        sync.Mutex
	failing   bool
	failTo    map[string]bool
	delivered []Mail
	refused   int
	seeded    int // accepted events the mock starts with
}

// Mail is one message Mailgun accepted (Code and Token read its text).
type Mail struct {
	portaltest.Mail
	OutboxID string    // the X-Outbox-ID header: the outbox row it was sent for
	At       time.Time // when the mock accepted it
}

// NewMailgun starts the mock and the proxy; both stop when the test ends.
func NewMailgun(t testing.TB) *Mailgun {
	t.Helper()
	m := &Mailgun{mock: mailgun.NewMockServer(), failTo: map[string]bool{}}
	m.seeded = m.acceptedEvents()
	m.srv = httptest.NewUnstartedServer(http.HandlerFunc(m.serve))
	// A process killed in the middle of a TLS handshake is a test's
	// purpose, not news.
	m.srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	m.srv.StartTLS()
	t.Cleanup(func() { m.srv.Close(); m.mock.Stop() })
	m.cert = filepath.Join(t.TempDir(), "mailgun-proxy.pem")
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: m.srv.Certificate().Raw})
	if err := os.WriteFile(m.cert, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	return m
}

// Env is the environment that sends a portal's mail here: Mailgun's
// variables, and SSL_CERT_FILE so that the process trusts the proxy's
// certificate (Go reads it on Linux in place of the system's roots).
func (m *Mailgun) Env() map[string]string {
	return map[string]string{
		"MAILGUN_DOMAIN":   "mg.example.com",
		"MAILGUN_API_KEY":  "key-test",
		"MAILGUN_API_BASE": m.srv.URL,
		"SSL_CERT_FILE":    m.cert,
	}
}

// Fail makes every send answer 500 (on) or go through again (off).
func (m *Mailgun) Fail(on bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.failing = on
}

// FailTo makes every send to the address answer 500, for good.
func (m *Mailgun) FailTo(addr string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.failTo[strings.ToLower(addr)] = true
}

// Delivered returns the messages the mock accepted, in order.
func (m *Mailgun) Delivered() []Mail {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Mail(nil), m.delivered...)
}

// To returns the messages accepted for addr, newest first.
func (m *Mailgun) To(addr string) []Mail {
	var out []Mail
	for _, d := range m.Delivered() {
		if strings.EqualFold(d.To, addr) {
			out = append([]Mail{d}, out...)
		}
	}
	return out
}

// Refused is how many sends were answered 500.
func (m *Mailgun) Refused() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.refused
}

// Accepted is how many messages the mock server itself recorded as
// accepted since it started (it comes with a few events of its own): the
// proxy's copy is checked against it.
func (m *Mailgun) Accepted() int { return m.acceptedEvents() - m.seeded }

func (m *Mailgun) acceptedEvents() int {
	n := 0
	for _, e := range m.mock.Events() {
		if e.GetName() == "accepted" {
			n++
		}
	}
	return n
}

func (m *Mailgun) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	msg := readForm(r.Header.Get("Content-Type"), body)
	m.mu.Lock()
	fail := m.failing || m.failTo[strings.ToLower(msg.To)]
	if fail {
		m.refused++
	}
	m.mu.Unlock()
	if fail {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte(`{"message":"injected outage"}`))
		return
	}
	base := strings.TrimSuffix(m.mock.URL(), "/v3")
	req, err := http.NewRequestWithContext(r.Context(), r.Method, base+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req.Header = r.Header.Clone()
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	if res.StatusCode == http.StatusOK && strings.HasSuffix(r.URL.Path, "/messages") {
		msg.At = time.Now()
		m.mu.Lock()
		m.delivered = append(m.delivered, msg)
		m.mu.Unlock()
	}
	for k, vs := range res.Header {
		w.Header()[k] = vs
	}
	w.WriteHeader(res.StatusCode)
	w.Write(out)
}

// readForm reads to, subject and text of a message mailgun-go sends as a
// multipart form.
func readForm(contentType string, body []byte) Mail {
	var msg Mail
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return msg
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			return msg
		}
		v, _ := io.ReadAll(part)
		switch part.FormName() {
		case "to":
			msg.To = string(v)
		case "subject":
			msg.Subject = string(v)
		case "text":
			msg.Text = string(v)
		case "h:" + mail.OutboxHeader:
			msg.OutboxID = string(v)
		}
	}
}
