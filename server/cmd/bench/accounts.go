package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/minicorp/miniid/shared/api"
)

// benchPassword is the password of every benchmark account: strong enough
// for registration, and the same length as a typical passphrase.
const benchPassword = "correct horse battery staple 42"

// clientAddrs hands out a new client address per request: the portal
// trusts the loopback proxy's X-Forwarded-For (TRUSTED_PROXIES), so each
// request has a per-IP budget of its own, as in a storm from many clients.
var clientAddrs atomic.Uint32

func nextClientAddr() string {
	n := clientAddrs.Add(1)
	return fmt.Sprintf("10.%d.%d.%d", byte(n>>16), byte(n>>8), byte(n))
}

// account is one registered, confirmed account with one browser session of
// its own: a cookie and that session's CSRF token.
type account struct {
	id     int
	email  string
	cookie string // "name=value" of the session cookie
	device string // "name=value" of the device cookie
	csrf   string
}

// cookies is the Cookie header of the account's browser.
func (a *account) cookies() string {
	return strings.Trim(a.cookie+"; "+a.device, "; ")
}

// header is what the app's fetch sends with a request of this session.
func (a *account) header(base string, post bool) http.Header {
	h := http.Header{}
	if c := a.cookies(); c != "" {
		h.Set("Cookie", c)
	}
	h.Set("X-Forwarded-For", nextClientAddr())
	if post {
		h.Set("Content-Type", "application/json")
		h.Set("Origin", base)
		h.Set(api.HeaderCSRF, a.csrf)
	}
	return h
}

// take keeps a session cookie set by an answer, and the CSRF token of a
// JSON body that carries one.
func (a *account) take(h http.Header, body []byte) {
	for _, c := range (&http.Response{Header: h}).Cookies() {
		// The session cookie, and the device cookie: only the browser that
		// registered is signed in by the confirmation link (elsewhere the
		// link asks for the password and confirms nothing yet).
		switch {
		case c.Value == "":
		case strings.HasSuffix(c.Name, "miniid"):
			a.cookie = c.Name + "=" + c.Value
		case strings.HasSuffix(c.Name, "miniid-device"):
			a.device = c.Name + "=" + c.Value
		}
	}
	var s api.Session
	if json.Unmarshal(body, &s) == nil && s.CSRFToken != "" {
		a.csrf = s.CSRFToken
	}
}

// client speaks the API the way the app does, for setting up accounts (not
// for measuring: that is vegeta's job).
type client struct {
	base string
	http *http.Client
}

func newClient(base string) *client {
	return &client{base: base, http: &http.Client{Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// call sends a request for a and keeps what the answer renews.
func (c *client) call(ctx context.Context, a *account, method, path string, body any) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header = a.header(c.base, method != http.MethodGet)
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if res.StatusCode < 300 {
		a.take(res.Header, b)
	}
	return res.StatusCode, b, err
}

// newSession gives a a fresh anonymous session (GET /api/v1/session).
func (c *client) newSession(ctx context.Context, a *account) error {
	a.cookie, a.csrf = "", ""
	status, body, err := c.call(ctx, a, http.MethodGet, api.PathSession, nil)
	if err != nil {
		return err
	}
	if status != http.StatusOK || a.csrf == "" {
		return fmt.Errorf("GET %s: %d %s", api.PathSession, status, body)
	}
	return nil
}

// register creates and confirms one account through the API, ending logged
// in: register, read the link's token from the capturing mail sender,
// confirm.
func (c *client) register(ctx context.Context, a *account) error {
	if err := c.newSession(ctx, a); err != nil {
		return err
	}
	reg := api.RegisterRequest{
		Email: a.email, Password: benchPassword,
		PersonalData: api.PersonalData{Salutation: "ms", FirstName: "Jana", LastName: "Keller",
			Street: "Petuelring 130", Postcode: "80809", City: "München", Country: "DE"},
		AcceptTerms: true, AcceptPrivacy: true,
	}
	status, body, err := c.call(ctx, a, http.MethodPost, api.PathRegister, reg)
	if err != nil {
		return err
	}
	if status != http.StatusAccepted {
		return fmt.Errorf("register %s: %d %s", a.email, status, body)
	}
	tok, err := c.waitToken(ctx, a.email)
	if err != nil {
		return err
	}
	status, body, err = c.call(ctx, a, http.MethodPost, api.PathConfirm, api.ConfirmRequest{Token: tok})
	if err != nil {
		return err
	}
	var s api.Session
	if status != http.StatusOK || json.Unmarshal(body, &s) != nil || s.NeedsPassword || s.Confirmed == "" {
		return fmt.Errorf("confirm %s: %d %s", a.email, status, body)
	}
	return nil
}

// waitToken waits for the mail worker to hand the confirmation mail to the
// capturing sender.
func (c *client) waitToken(ctx context.Context, email string) (string, error) {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/bench/token?to="+url.QueryEscape(email), nil)
		res, err := c.http.Do(req)
		if err != nil {
			return "", err
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			return strings.TrimSpace(string(b)), nil
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
	return "", fmt.Errorf("no confirmation mail for %s within 15 s", email)
}

// createAccounts registers n accounts, a few at a time, showing progress.
func createAccounts(ctx context.Context, base, runID string, n int, p *progress) ([]*account, error) {
	c := newClient(base)
	accounts := make([]*account, n)
	for i := range accounts {
		accounts[i] = &account{id: i, email: fmt.Sprintf("bench-%s-%04d@example.com", runID, i)}
	}
	var (
		next, done atomic.Int64
		firstErr   error
		once       sync.Once
		wg         sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stopTicker := p.every(5*time.Second, func() string {
		return fmt.Sprintf("%d of %d accounts registered and confirmed", done.Load(), n)
	})
	defer stopTicker()
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				if err := c.register(ctx, accounts[i]); err != nil {
					once.Do(func() { firstErr = err; cancel() })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, fmt.Errorf("create accounts: %w", firstErr)
	}
	return accounts, nil
}
