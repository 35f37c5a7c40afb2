// Package apiclient is the app's one typed client for /api/v1. It calls the
// browser's fetch through go-app's JS bridge instead of net/http, which would
// add about 5 MB to the wasm. Calls block, so run them inside ctx.Async.
package apiclient

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
)

// Error is a failed call: the HTTP status (0 when the network is gone) and the
// server's error envelope.
type Error struct {
	Status int
	Body   api.Error

	body string // the answer as it came, for envelopes with more (api.Conflict)
}

// Error returns the envelope's message.
func (e *Error) Error() string {
	if e.Body.Message != "" {
		return e.Body.Message
	}
	return "request failed (" + strconv.Itoa(e.Status) + ")"
}

// Offline reports whether the call failed because the server was unreachable.
func (e *Error) Offline() bool { return e.Status == 0 }

// CodeOffline is the envelope code of an Error made when fetch itself failed.
const CodeOffline = "offline"

// Client talks to the API of the page's own origin. Its methods (one per
// endpoint, in auth.go, account.go, twofactor.go and help.go) block, so call
// them inside ctx.Async. It keeps the session's CSRF token: every answer
// that carries one (a login step, a confirmation, a step-up) replaces it.
type Client struct {
	mu   sync.Mutex
	csrf string
	lang string

	logoutMu sync.Mutex // one logout on the wire at a time
}

// Default is the client the app uses.
var Default = &Client{}

// SetLang sets the language the server answers messages in.
func (c *Client) SetLang(lang string) {
	c.mu.Lock()
	c.lang = lang
	c.mu.Unlock()
}

func (c *Client) setCSRF(token string) {
	c.mu.Lock()
	c.csrf = token
	c.mu.Unlock()
}

// keepCSRF remembers the token of an answer that carries one.
func (c *Client) keepCSRF(token string) {
	if token != "" {
		c.setCSRF(token)
	}
}

func (c *Client) token() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.csrf
}

// get fetches path and decodes the answer into a T.
func get[T any](c *Client, path string) (T, error) {
	var out T
	err := c.call("GET", path, nil, &out, nil)
	return out, err
}

// post sends in as JSON to path and decodes the answer into a T.
func post[T any](c *Client, path string, in any) (T, error) {
	var out T
	err := c.call("POST", path, in, &out, nil)
	return out, err
}

// call performs one request, after a logout this device still owes the
// server: until the server has it, no call goes out (it would answer for the
// session that was ended here).
func (c *Client) call(method, path string, in, out any, headers map[string]string) error {
	if err := c.sendLogout(); err != nil {
		return err
	}
	return c.exchange(method, path, in, out, headers)
}

// exchange performs one request. headers may add headers (If-Match). A
// state-changing request first makes sure it has the session's CSRF token
// (GET /session), and is retried once with a fresh token when the session
// behind the old one ran out.
func (c *Client) exchange(method, path string, in, out any, headers map[string]string) error {
	if method == "GET" || method == "HEAD" {
		return c.do(method, path, in, out, headers)
	}
	if c.token() == "" {
		if err := c.refreshCSRF(); err != nil {
			return err
		}
	}
	err := c.do(method, path, in, out, headers)
	if e, ok := err.(*Error); ok && e.Status == 403 && e.Body.Code == api.CodeCSRF {
		if err := c.refreshCSRF(); err != nil {
			return err
		}
		err = c.do(method, path, in, out, headers)
	}
	return err
}

// refreshCSRF reads the session's token (creating a session if needed).
func (c *Client) refreshCSRF() error {
	var s api.Session
	if err := c.do("GET", api.PathSession, nil, &s, nil); err != nil {
		return err
	}
	c.setCSRF(s.CSRFToken)
	return nil
}

func (c *Client) do(method, path string, in, out any, headers map[string]string) error {
	if app.IsServer {
		return &Error{Status: 0, Body: api.Error{Code: CodeOffline, Message: "not in a browser"}}
	}
	h := map[string]any{"Accept": "application/json"}
	c.mu.Lock()
	if c.lang != "" {
		h["X-Lang"] = c.lang
	}
	c.mu.Unlock()
	for k, v := range headers {
		h[k] = v
	}
	opts := map[string]any{
		"method":      method,
		"credentials": "same-origin",
		"cache":       "no-store",
		"headers":     h,
	}
	if method != "GET" && method != "HEAD" {
		h[api.HeaderCSRF] = c.token()
		body := "{}"
		if in != nil {
			b, err := json.Marshal(in)
			if err != nil {
				return &Error{Body: api.Error{Code: api.CodeBadRequest, Message: err.Error()}}
			}
			body = string(b)
		}
		h["Content-Type"] = "application/json"
		opts["body"] = body
	}
	if timeout := app.Window().Get("AbortSignal"); timeout.Truthy() && timeout.Get("timeout").Truthy() {
		opts["signal"] = timeout.Call("timeout", 20000)
	}
	return answer(path, opts, out)
}

// answer runs the fetch and decodes a success into out, or a failure into
// an *Error.
func answer(path string, opts map[string]any, out any) error {
	status, text, retryAfter, err := fetch(path, opts)
	if err != nil {
		return &Error{Status: 0, Body: api.Error{Code: CodeOffline, Message: err.Error()}}
	}
	if status >= 200 && status < 300 {
		if out == nil || strings.TrimSpace(text) == "" {
			return nil
		}
		if err := json.Unmarshal([]byte(text), out); err != nil {
			return &Error{Status: status, Body: api.Error{Code: api.CodeInternal, Message: "unreadable answer from the server"}}
		}
		return nil
	}
	e := &Error{Status: status, body: text}
	if json.Unmarshal([]byte(text), &e.Body) != nil || e.Body.Code == "" {
		e.Body.Code = api.CodeInternal
	}
	if e.Body.RetryAfter == 0 && retryAfter != "" {
		e.Body.RetryAfter, _ = strconv.Atoi(retryAfter)
	}
	return e
}

type fetchResult struct {
	status     int
	text       string
	retryAfter string
	err        error
}

type jsError struct{ msg string }

func (e jsError) Error() string { return e.msg }

// fetch runs window.fetch and waits for the status and the body text.
func fetch(path string, opts map[string]any) (int, string, string, error) {
	done := make(chan fetchResult, 1)
	var onResponse, onText, onError app.Func
	release := func() {
		onResponse.Release()
		onText.Release()
		onError.Release()
	}
	var status int
	var retryAfter string
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		done <- fetchResult{err: jsError{msg}}
		return nil
	})
	onText = app.FuncOf(func(this app.Value, args []app.Value) any {
		done <- fetchResult{status: status, text: args[0].String(), retryAfter: retryAfter}
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		res := args[0]
		status = res.Get("status").Int()
		if v := res.Get("headers").Call("get", "Retry-After"); v.Truthy() {
			retryAfter = v.String()
		}
		res.Call("text").Call("then", onText).Call("catch", onError)
		return nil
	})
	app.Window().Call("fetch", path, opts).Call("then", onResponse).Call("catch", onError)
	r := <-done
	release()
	return r.status, r.text, r.retryAfter, r.err
}
