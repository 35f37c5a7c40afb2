package proctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/shared/api"
)

// RequestTimeout bounds every request of a Client: an answer that takes
// longer is a hang, and the request fails with an error the test counts.
const RequestTimeout = 15 * time.Second

// Response is an answer with its body.
type Response = portaltest.Response

// Client is one browser: cookies, the CSRF token, the same-origin Origin
// header the app sends, and an address of its own (sent as
// X-Forwarded-For, so the portals must trust 127.0.0.1). Its requests
// return transport errors instead of failing the test, so it may be used
// from any goroutine, also while a fault is injected.
type Client struct {
	t      testing.TB
	target string // where requests go: the balancer or one process
	origin string // the portals' BASE_URL
	*browser
}

type browser struct {
	http *http.Client
	ip   string
	mu   sync.Mutex
	csrf string
}

// NewClient returns a browser that sends to target, with origin (the
// portals' BASE_URL) as its Origin.
func NewClient(t testing.TB, target, origin string) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{t: t, target: target, origin: origin, browser: &browser{
		http: &http.Client{Jar: jar, Timeout: RequestTimeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		// 198.18.0.0/15 is set aside for benchmarks (RFC 2544).
		ip: fmt.Sprintf("198.%d.%d.%d", 18+rand.IntN(2), rand.IntN(256), 1+rand.IntN(254)),
	}}
}

// Via returns the same browser (cookies, token, address) sending to
// another target, such as one process past the balancer.
func (c *Client) Via(target string) *Client {
	return &Client{t: c.t, target: target, origin: c.origin, browser: c.browser}
}

// IP is the client's address as the portals see it.
func (c *Client) IP() string { return c.ip }

// Do sends a request; v is sent as JSON (nil: no body). State-changing
// requests carry the Origin and the CSRF token, fetching a session first
// when there is no token yet; a renewed token in the answer is kept.
// header adds name, value pairs.
func (c *Client) Do(method, path string, v any, header ...string) (Response, error) {
	if method != http.MethodGet && c.token() == "" {
		// The app fetches the session first; a refusal of that is the
		// answer.
		if r, err := c.Do(http.MethodGet, api.PathSession, nil); err != nil || r.Status != http.StatusOK {
			return r, err
		}
	}
	var body io.Reader
	if v != nil {
		b, err := json.Marshal(v)
		if err != nil {
			return Response{}, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.target+path, body)
	if err != nil {
		return Response{}, err
	}
	req.Header.Set("X-Forwarded-For", c.ip)
	if method != http.MethodGet {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", c.origin)
		req.Header.Set(api.HeaderCSRF, c.token())
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return Response{}, fmt.Errorf("%s %s: read answer: %w", method, path, err)
	}
	r := Response{Status: res.StatusCode, Header: res.Header, Body: b}
	// The session and every answer that renews the token carry it.
	var tok struct {
		CSRFToken string `json:"csrf_token"`
	}
	if r.Status < 300 && json.Unmarshal(b, &tok) == nil && tok.CSRFToken != "" {
		c.setToken(tok.CSRFToken)
	}
	return r, nil
}

// Must sends a request and fails the test on a transport error.
func (c *Client) Must(method, path string, v any, header ...string) Response {
	c.t.Helper()
	r, err := c.Do(method, path, v, header...)
	if err != nil {
		c.t.Fatal(err)
	}
	return r
}

func (b *browser) token() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.csrf
}

func (b *browser) setToken(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.csrf = s
}
