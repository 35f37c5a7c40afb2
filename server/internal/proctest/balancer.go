package proctest

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Balancer is a round-robin reverse proxy in front of portal processes, as
// a load balancer with passive health checks is: each request goes to the
// next backend, and one that refuses the connection (stopped, restarting)
// is skipped for the next. It adds the peer's address to X-Forwarded-For,
// so the portals must trust 127.0.0.1 (TRUSTED_PROXIES).
type Balancer struct {
	URL string

	mu       sync.Mutex
	backends []string
	served   map[string]int
	next     atomic.Uint64
	srv      *httptest.Server
	tr       *http.Transport
}

// NewBalancer starts a balancer with no backends yet (the portals need its
// URL as their BASE_URL before they start); add them with SetBackends.
func NewBalancer(t testing.TB) *Balancer {
	b := &Balancer{served: map[string]int{}, tr: &http.Transport{
		// A connection per request: a backend that stops refuses the next
		// one, which is then safely sent to another backend. A kept-alive
		// connection could instead die under a request already sent.
		DisableKeepAlives: true,
		DialContext:       (&net.Dialer{Timeout: 2 * time.Second}).DialContext,
	}}
	b.srv = httptest.NewServer(b)
	b.URL = b.srv.URL
	t.Cleanup(func() { b.srv.Close(); b.tr.CloseIdleConnections() })
	return b
}

// SetBackends sets the base URLs requests are spread over.
func (b *Balancer) SetBackends(urls ...string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.backends = append([]string(nil), urls...)
}

// Drain takes backend out of the rotation, as a load balancer deregisters
// a target before a deployment stops it; requests already sent to it are
// finished by the portal's graceful shutdown.
func (b *Balancer) Drain(backend string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var keep []string
	for _, u := range b.backends {
		if u != backend {
			keep = append(keep, u)
		}
	}
	b.backends = keep
}

// Add puts backend (back) into the rotation.
func (b *Balancer) Add(backend string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.backends = append(b.backends, backend)
}

// Served reports how many answers each backend gave.
func (b *Balancer) Served() map[string]int {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := map[string]int{}
	for k, v := range b.served {
		out[k] = v
	}
	return out
}

func (b *Balancer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "balancer: read body: "+err.Error(), http.StatusBadGateway)
		return
	}
	b.mu.Lock()
	backends := b.backends
	b.mu.Unlock()
	start := b.next.Add(1)
	var lastErr error
	for i := range backends {
		backend := backends[(int(start)+i)%len(backends)]
		res, err := b.forward(r, backend, body)
		if err != nil {
			// A refused connection never reached the portal: the next one
			// may take the request. Anything later may have been carried
			// out, so it is not sent twice.
			var op *net.OpError
			if errors.As(err, &op) && op.Op == "dial" {
				lastErr = err
				continue
			}
			http.Error(w, "balancer: "+err.Error(), http.StatusBadGateway)
			return
		}
		defer res.Body.Close()
		for k, vs := range res.Header {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
		w.WriteHeader(res.StatusCode)
		io.Copy(w, res.Body)
		b.mu.Lock()
		b.served[backend]++
		b.mu.Unlock()
		return
	}
	http.Error(w, "balancer: no backend answers: "+errString(lastErr), http.StatusBadGateway)
}

func (b *Balancer) forward(r *http.Request, backend string, body []byte) (*http.Response, error) {
	out, err := http.NewRequestWithContext(r.Context(), r.Method, backend+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	out.Header = r.Header.Clone()
	out.Host = r.Host
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		out.Header.Add("X-Forwarded-For", host)
	}
	return b.tr.RoundTrip(out)
}

func errString(err error) string {
	if err == nil {
		return "none configured"
	}
	return err.Error()
}
