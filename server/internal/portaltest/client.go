package portaltest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"testing"

	"github.com/minicorp/miniid/shared/api"
)

// Client is one browser: it keeps cookies and the CSRF token, and sends the
// same-origin Origin header the app's fetch sends.
type Client struct {
	T    testing.TB
	Env  *Env
	HTTP *http.Client
	CSRF string
}

// Client returns a new browser for the portal.
func (e *Env) Client() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{T: e.T, Env: e, HTTP: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Response is an answer with its body.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v.
func (r Response) JSON(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// Error decodes the error envelope.
func (r Response) Error(t testing.TB) api.Error {
	var e api.Error
	r.JSON(t, &e)
	return e
}

// Raw sends a request as given (no CSRF token or Origin added unless set in
// header).
func (c *Client) Raw(method, path string, body []byte, header map[string]string) Response {
	c.T.Helper()
	req, err := http.NewRequest(method, c.Env.URL+path, bytes.NewReader(body))
	if err != nil {
		c.T.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		c.T.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return Response{Status: res.StatusCode, Header: res.Header, Body: b}
}

// Session fetches the session (creating one) and keeps its CSRF token.
func (c *Client) Session() api.Session {
	c.T.Helper()
	r := c.Raw("GET", api.PathSession, nil, nil)
	if r.Status != 200 {
		c.T.Fatalf("GET session: %d %s", r.Status, r.Body)
	}
	var s api.Session
	r.JSON(c.T, &s)
	c.CSRF = s.CSRFToken
	return s
}

// Get sends a GET.
func (c *Client) Get(path string) Response {
	c.T.Helper()
	return c.Raw("GET", path, nil, nil)
}

// Post sends v as JSON the way the app does (Origin, CSRF token), fetching
// a session first if there is no token yet, and keeps a renewed token.
func (c *Client) Post(path string, v any) Response {
	c.T.Helper()
	if c.CSRF == "" {
		c.Session()
	}
	body, _ := json.Marshal(v)
	if v == nil {
		body = []byte("{}")
	}
	r := c.Raw("POST", path, body, map[string]string{
		"Content-Type": "application/json", "Origin": c.Env.URL, api.HeaderCSRF: c.CSRF,
	})
	var tok struct {
		CSRFToken string `json:"csrf_token"`
	}
	if r.Status < 300 && json.Unmarshal(r.Body, &tok) == nil && tok.CSRFToken != "" {
		c.CSRF = tok.CSRFToken
	}
	return r
}
