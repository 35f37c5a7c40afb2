package reliability

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/proctest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// scale is how much faster than production the outage tests run the
// outbox's schedule: 2 s → 100 ms after the first failure, doubling up to
// 10 min → 30 s, the same 20 tries; a 60 s outage lasts 3 s.
const scale = 20

// scaled is the environment of the production retry schedule run scale
// times faster.
func scaled(extra ...string) []string {
	return append([]string{
		"MAIL_RETRY_FIRST", (2 * time.Second / scale).String(),
		"MAIL_RETRY_MAX", (10 * time.Minute / scale).String(),
		"MAIL_MAX_ATTEMPTS", "20",
	}, extra...)
}

// Mailgun answers 500 for 60 s (scaled: 3 s). Login codes, reset links and
// confirmation links asked for during the outage all arrive after it, each
// once, and each still works; the outage costs delay, not mail.
func TestMailgunDownFor60Seconds(t *testing.T) {
	db := testenv.Postgres(t)
	f := startFleet(t, db, proctest.Binary(t), 1, scaled()...)
	const n = 8
	for i := range n {
		c := f.client()
		f.register(t, c, fmt.Sprintf("code-%d@example.com", i), c)
		if r := c.Must(http.MethodPost, api.PathTwoFactorStart, api.TwoFactorStartRequest{Enable: true, Password: portaltest.Password}); r.Status != http.StatusOK {
			t.Fatalf("two-factor: %d %s", r.Status, r.Body)
		}
		code := f.mail(t, fmt.Sprintf("code-%d@example.com", i), 1, hasCode).Code()
		if r := c.Must(http.MethodPost, api.PathTwoFactorConfirm, api.CodeRequest{Code: code}); r.Status != http.StatusOK {
			t.Fatalf("two-factor confirm: %d %s", r.Status, r.Body)
		}
	}
	// Nothing of the set-up may still be on its way when the outage starts.
	f.jobsSettled(t, 60*time.Second)
	f.outboxSettled(t)
	before := len(f.mg.Delivered())

	f.mg.Fail(true)
	down := time.Now()
	// During the outage: a login (code mail), a reset (link mail, through
	// the jobs runner) and a registration (confirmation link) per customer.
	logins := make([]*proctest.Client, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			addr := fmt.Sprintf("code-%d@example.com", i)
			logins[i] = f.client()
			if r, err := logins[i].Do(http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: addr, Password: portaltest.Password}); err != nil || r.Status != http.StatusOK {
				t.Errorf("login during the outage: %v %d %s", err, r.Status, r.Body)
			}
			if r, err := f.client().Do(http.MethodPost, api.PathForgot, api.EmailRequest{Email: addr}); err != nil || r.Status != http.StatusAccepted {
				t.Errorf("reset during the outage: %v %d %s", err, r.Status, r.Body)
			}
			if r, err := f.client().Do(http.MethodPost, api.PathRegister, portaltest.Registration(fmt.Sprintf("new-%d@example.com", i))); err != nil || r.Status != http.StatusAccepted {
				t.Errorf("registration during the outage: %v %d %s", err, r.Status, r.Body)
			}
		}()
	}
	wg.Wait()
	proctest.WaitFor(t, 30*time.Second, "the portal to meet the outage", func() bool { return f.mg.Refused() > 0 })
	time.Sleep(time.Until(down.Add(60 * time.Second / scale))) // the outage lasts its 60 s, scaled
	if got := len(f.mg.Delivered()); got != before {
		t.Fatalf("%d mails went through a provider answering 500", got-before)
	}
	f.mg.Fail(false)
	up := time.Now()

	sent, dead := f.outboxSettled(t)
	if dead != 0 {
		t.Fatalf("%d mails given up after a 60 s outage (scaled)", dead)
	}
	f.exactlyOnce(t, sent)
	var last time.Time
	for _, m := range f.mg.Delivered()[before:] {
		if m.At.After(last) {
			last = m.At
		}
	}
	// Every mail works: each login finishes with its code, each reset
	// link and confirmation link is there.
	for i := range n {
		addr := fmt.Sprintf("code-%d@example.com", i)
		code := f.mail(t, addr, 2, hasCode).Code() // the first was two-factor's activation
		if r := logins[i].Must(http.MethodPost, api.PathLoginCode, api.CodeRequest{Code: code}); r.Status != http.StatusOK {
			t.Errorf("%s: the code mailed during the outage: %d %s", addr, r.Status, r.Body)
		}
		if m, ok := f.nthMail(addr, 1, func(m proctest.Mail) bool { return strings.Contains(m.Text, "reset-password") }); !ok || m.Token() == "" {
			t.Errorf("%s: no reset link after the outage", addr)
		}
		if _, ok := f.nthMail(fmt.Sprintf("new-%d@example.com", i), 1, hasToken); !ok {
			t.Errorf("new-%d: no confirmation link after the outage", i)
		}
	}
	t.Logf("figure: Mailgun answered 500 for %.1f s (60 s scaled 1/%d); %d sends refused; all %d mails of the outage delivered, each once, "+
		"the last %.0f ms after Mailgun was back (%.1f s at the production schedule)",
		up.Sub(down).Seconds(), scale, f.mg.Refused(), len(f.mg.Delivered())-before,
		float64(last.Sub(up).Milliseconds()), last.Sub(up).Seconds()*scale)
}

// A mail Mailgun keeps refusing is given up after the retry limit: the
// row is marked dead, the log says so with the row's id, at error level,
// and the metrics count it (miniid_outbox_dead).
func TestMailgunRefusingOneAddressEndsInADeadLetter(t *testing.T) {
	db := testenv.Postgres(t)
	const attempts = 5
	metricsAddr := freeAddr(t)
	f := startFleet(t, db, proctest.Binary(t), 1, scaled("MAIL_MAX_ATTEMPTS", fmt.Sprint(attempts), "METRICS_ADDR", metricsAddr)...)
	f.mg.FailTo("doomed@example.com")
	c := f.client()
	if r := c.Must(http.MethodPost, api.PathRegister, portaltest.Registration("doomed@example.com")); r.Status != http.StatusAccepted {
		t.Fatalf("register: %d %s", r.Status, r.Body)
	}
	ok := f.client()
	f.register(t, ok, "fine@example.com", ok)

	sent, dead := f.outboxSettled(t)
	if dead != 1 || sent != 1 {
		t.Fatalf("sent %d, dead %d; want the fine mail sent and the refused one dead", sent, dead)
	}
	var row store.OutboxMail
	if err := db.Bun.NewSelect().Model(&row).Where("dead_at IS NOT NULL").Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	if row.Attempts != attempts || row.To != "doomed@example.com" || row.Text == "" {
		t.Fatalf("dead letter: %d attempts to %s (text kept for a requeue: %v); want %d", row.Attempts, row.To, row.Text != "", attempts)
	}
	if f.mg.Refused() != attempts {
		t.Fatalf("Mailgun was asked %d times, want %d", f.mg.Refused(), attempts)
	}
	wantLog := fmt.Sprintf(`level=ERROR msg="mail: delivery given up" outbox_id=%d channel=email to_domain=example.com attempts=%d`, row.ID, attempts)
	log := f.procs[0].Log()
	if !strings.Contains(log, wantLog) {
		t.Fatalf("the log does not show the dead letter (%s):\n%s", wantLog, log)
	}
	if strings.Contains(log, "doomed@") {
		t.Fatal("the log names the recipient")
	}
	res, err := http.Get("http://" + metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	for _, want := range []string{`miniid_outbox_dead{channel="email"} 1`, `miniid_outbox_waiting{channel="email"} 0`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the metrics do not show %s:\n%s", want, grepLines(string(body), "miniid_outbox"))
		}
	}
	t.Logf("figure: a mail refused %d times is dead; logged at ERROR with outbox_id %d", attempts, row.ID)
}

// freeAddr is a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// grepLines keeps the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
