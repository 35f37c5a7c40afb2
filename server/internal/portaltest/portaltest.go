// Package portaltest starts a whole portal — real router, real database,
// real mail outbox and dev mailbox — behind httptest, with a clock the test
// moves, and gives tests a cookie-keeping client that speaks the API the way
// the app does.
package portaltest

import (
	"bytes"
	"context"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/portal"
	"github.com/minicorp/miniid/server/store"
)

// Env is one running portal.
type Env struct {
	T      testing.TB
	DB     *testenv.DB
	Clock  *clock.Fake
	Portal *portal.Portal
	Server *httptest.Server
	URL    string
	Log    *SyncBuffer // everything the portal logged

	restarted *http.Server
	getenv    func(string) string
}

// SyncBuffer is a bytes.Buffer safe for concurrent writers.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns what was written.
func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Start runs a portal on db. extra adds environment variables.
func Start(t testing.TB, db *testenv.DB, extra ...string) *Env {
	t.Helper()
	return start(t, db, "", extra)
}

// StartOnLocalhost is Start with BASE_URL at http://localhost:port instead
// of the IP address: passkeys need it (WebAuthn refuses an IP address as
// the relying party, and browsers allow it only on https or localhost).
func StartOnLocalhost(t testing.TB, db *testenv.DB, extra ...string) *Env {
	t.Helper()
	return start(t, db, "localhost", extra)
}

func start(t testing.TB, db *testenv.DB, host string, extra []string) *Env {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	if host != "" {
		_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
		base = "http://" + net.JoinHostPort(host, port)
	}
	env := map[string]string{
		"BASE_URL":     base,
		"DATABASE_URL": db.URL,
		"DATA_DIR":     db.Dir,
		"SECRET_KEY":   strings.Repeat("ab", 32),
		"BRAND":        "MINI",
	}
	if db.Dir == "" {
		env["DATA_DIR"] = t.TempDir()
	}
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	clk := clock.NewFake(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	logBuf := &SyncBuffer{}
	log := slog.New(slog.NewTextHandler(logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	prev := slog.Default()
	slog.SetDefault(log)
	t.Cleanup(func() { slog.SetDefault(prev) })
	p, err := portal.New(context.Background(), func(k string) string { return env[k] }, log, portal.Options{Clock: clk})
	if err != nil {
		srv.Close()
		t.Fatalf("start portal: %v", err)
	}
	srv.Config.Handler = p.Handler()
	srv.Start()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("portal log:\n%s", tail(logBuf.String(), 4000))
		}
		srv.Close()
		p.Close()
	})
	return &Env{T: t, DB: db, Clock: clk, Portal: p, Server: srv, URL: base, Log: logBuf, getenv: func(k string) string { return env[k] }}
}

// Mail is one delivered message.
type Mail struct {
	To, Subject, Text, HTML, Channel string
}

// Mails delivers what is due and returns the dev mailbox's messages to
// address, newest first.
func (e *Env) Mails(to string) []Mail {
	e.T.Helper()
	ctx := context.Background()
	// What requests handed on (a registration, "Forgot password?") runs
	// first: it writes the mail.
	if _, err := e.Portal.Jobs().RunDue(ctx); err != nil {
		e.T.Fatalf("run jobs: %v", err)
	}
	if _, err := e.Portal.Worker().DeliverDue(ctx); err != nil {
		e.T.Fatalf("deliver mail: %v", err)
	}
	rows, err := store.ListDevMails(ctx, e.DB.Bun, 500)
	if err != nil {
		e.T.Fatalf("list mails: %v", err)
	}
	var out []Mail
	for _, m := range rows {
		if to == "" || m.To == to {
			out = append(out, Mail{To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML, Channel: m.Channel})
		}
	}
	return out
}

// LastMail returns the newest mail to address, failing if there is none.
func (e *Env) LastMail(to string) Mail {
	e.T.Helper()
	m := e.Mails(to)
	if len(m) == 0 {
		e.T.Fatalf("no mail to %s", to)
	}
	return m[0]
}

// LastCode returns the code of the newest mail to address that carries one
// (other mails, such as a notice, may have come after it).
func (e *Env) LastCode(to string) string {
	e.T.Helper()
	for _, m := range e.Mails(to) {
		if c := m.Code(); c != "" {
			return c
		}
	}
	e.T.Fatalf("no code was sent to %s", to)
	return ""
}

var (
	codeRE = regexp.MustCompile(`(?m)^\s*(\d{6})\s*$`)
	linkRE = regexp.MustCompile(`https?://\S+token=[A-Za-z0-9_\-]+`)
)

// Code returns the 6-digit code on its own line in a mail's text.
func (m Mail) Code() string {
	if s := codeRE.FindStringSubmatch(m.Text); s != nil {
		return s[1]
	}
	return ""
}

// Link returns the first link with a token in a mail's text.
func (m Mail) Link() string { return linkRE.FindString(m.Text) }

// Token returns the token of the mail's link.
func (m Mail) Token() string {
	l := m.Link()
	if i := strings.Index(l, "token="); i >= 0 {
		return l[i+len("token="):]
	}
	return ""
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// Stop takes the server off the network, as if it crashed: connections are
// refused until Restart.
func (e *Env) Stop() {
	e.Server.CloseClientConnections()
	e.Server.Listener.Close()
	if e.restarted != nil {
		e.restarted.Close()
		e.restarted = nil
	}
}

// Restart serves the same portal again on the same address.
func (e *Env) Restart() {
	e.T.Helper()
	e.serveAgain(e.Portal)
}

// Deploy starts a new portal process on the same database and address, with
// other static files (a new version of the app), after Stop.
func (e *Env) Deploy(static fs.FS) {
	e.T.Helper()
	p, err := portal.New(context.Background(), e.getenv, slog.New(slog.NewTextHandler(e.Log, nil)), portal.Options{Clock: e.Clock, Static: static})
	if err != nil {
		e.T.Fatalf("deploy: %v", err)
	}
	e.T.Cleanup(func() { p.Close() })
	e.Portal = p
	e.serveAgain(p)
}

// Reconfigure stops the portal and starts a new process on the same
// database and address with the environment changed by extra (name, value
// pairs): a redeploy with new settings, such as a rotated SECRET_KEY.
func (e *Env) Reconfigure(extra ...string) {
	e.T.Helper()
	e.Stop()
	prev := e.getenv
	over := map[string]string{}
	for i := 0; i+1 < len(extra); i += 2 {
		over[extra[i]] = extra[i+1]
	}
	e.getenv = func(k string) string {
		if v, ok := over[k]; ok {
			return v
		}
		return prev(k)
	}
	p, err := portal.New(context.Background(), e.getenv, slog.New(slog.NewTextHandler(e.Log, nil)), portal.Options{Clock: e.Clock})
	if err != nil {
		e.T.Fatalf("reconfigure: %v", err)
	}
	e.T.Cleanup(func() { p.Close() })
	e.Portal = p
	e.serveAgain(p)
}

func (e *Env) serveAgain(p *portal.Portal) {
	e.T.Helper()
	addr := e.Server.Listener.Addr().String() // the IP address even when URL names localhost
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ {
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		e.T.Fatalf("restart on %s: %v", addr, err)
	}
	srv := &http.Server{Handler: p.Handler()}
	go srv.Serve(ln)
	e.restarted = srv
	e.T.Cleanup(func() { srv.Close() })
}
