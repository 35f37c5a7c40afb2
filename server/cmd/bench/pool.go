package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/minicorp/miniid/shared/api"
)

// loginPool lends accounts to login requests. A login rotates the session
// (new id, new CSRF token, old row deleted), so an account's session can
// serve one login at a time: its answer carries the session for the next.
type loginPool struct {
	base     string
	c        *client
	idle     chan *account
	byID     map[int]*account
	renewals atomic.Int64 // sessions that had to be fetched anew after a failure
}

func newLoginPool(base string, accounts []*account) *loginPool {
	p := &loginPool{base: base, c: newClient(base), idle: make(chan *account, len(accounts)), byID: map[int]*account{}}
	for _, a := range accounts {
		p.byID[a.id] = a
		p.idle <- a
	}
	return p
}

// targeter builds each login request from an idle account, waiting for one
// if all are busy. The account's id rides in the query string so that the
// answer finds its way back (vegeta's results do not carry request headers).
func (p *loginPool) targeter() vegeta.Targeter {
	return func(t *vegeta.Target) error {
		var a *account
		select {
		case a = <-p.idle:
		case <-time.After(30 * time.Second):
			return errors.New("no idle account for 30 s: answers are not coming back")
		}
		body, _ := json.Marshal(api.LoginRequest{Identifier: a.email, Password: benchPassword})
		t.Method = "POST"
		t.URL = p.base + api.PathLogin + "?account=" + strconv.Itoa(a.id)
		t.Body = body
		t.Header = a.header(p.base, true)
		return nil
	}
}

// done takes a login's answer: the renewed session goes back to the pool;
// after a failure the account gets a fresh session first.
func (p *loginPool) done(res *vegeta.Result) {
	u, err := url.Parse(res.URL)
	if err != nil {
		return
	}
	id, err := strconv.Atoi(u.Query().Get("account"))
	if err != nil {
		return
	}
	a := p.byID[id]
	if a == nil {
		return
	}
	if res.Code == 200 {
		a.take(res.Headers, res.Body)
		p.idle <- a
		return
	}
	p.renewals.Add(1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if p.c.newSession(ctx, a) == nil {
			p.idle <- a
		}
	}()
}

// settle waits (up to 30 s) until every account is back in the pool, so
// that no renewal still writes to one.
func (p *loginPool) settle() {
	deadline := time.Now().Add(30 * time.Second)
	for len(p.idle) < len(p.byID) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
}

// attack is a run of password logins with workers in flight.
func (p *loginPool) attack(name string, workers int, d time.Duration) attack {
	return attack{name: name, targeter: p.targeter(), workers: workers, duration: d, onResult: p.done}
}
