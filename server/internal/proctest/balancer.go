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
	inFlight map[string]int // requests picked for a backend and not yet answered
	next     atomic.Uint64
	srv      *httptest.Server
	tr       *http.Transport
}

// NewBalancer starts a balancer with no backends yet (the portals need its
// URL as their BASE_URL before they start); add them with SetBackends.
func NewBalancer(t testing.TB) *Balancer {
	b := &Balancer{served: map[string]int{}, inFlight: map[string]int{}, tr: &http.Transport{
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

// Drain takes backend out of the rotation and returns once no request it
// had picked for it is still under way, as a load balancer deregisters a
// target before a deployment stops it. Without the wait, a request picked
// just before could reach the portal after its listener closed, in the
// kernel's accept queue: reset, with no way to tell whether it ran.
func (b *Balancer) Drain(backend string) {
	b.mu.Lock()
	var keep []string
	for _, u := range b.backends {
		if u != backend {
			keep = append(keep, u)
		}
	}
	b.backends = keep
	b.mu.Unlock()
	for {
		b.mu.Lock()
		n := b.inFlight[backend]
		b.mu.Unlock()
		if n == 0 {
			return
		}
		time.Sleep(time.Millisecond) // polling for requests to end, not timing anything
	}
}

// pick chooses the i-th backend after start from the current rotation and
// counts the request in flight there; false when the rotation has fewer.
func (b *Balancer) pick(start uint64, i int) (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if i >= len(b.backends) {
		return "", false
	}
	backend := b.backends[(int(start)+i)%len(b.backends)]
	b.inFlight[backend]++
	return backend, true
}

// release ends a request picked for backend; answered counts it served.
func (b *Balancer) release(backend string, answered bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inFlight[backend]--
	if answered {
		b.served[backend]++
	}
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
	start := b.next.Add(1)
	var lastErr error
	for i := 0; ; i++ {
		backend, ok := b.pick(start, i)
		if !ok {
			break
		}
		res, err := b.forward(r, backend, body)
		if err != nil {
			b.release(backend, false)
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
		for k, vs := range res.Header {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
		w.WriteHeader(res.StatusCode)
		io.Copy(w, res.Body)
		res.Body.Close()
		b.release(backend, true)
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
