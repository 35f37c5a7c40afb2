package reliability

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/proctest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// fleet is portal processes on one database behind a round-robin
// balancer, sending mail to mailgun-go's mock.
type fleet struct {
	t     *testing.T
	db    *testenv.DB
	mg    *proctest.Mailgun
	lb    *proctest.Balancer
	procs []*proctest.Process
}

// startFleet starts n processes of bin on db; extra adds environment.
func startFleet(t *testing.T, db *testenv.DB, bin string, n int, extra ...string) *fleet {
	t.Helper()
	f := &fleet{t: t, db: db, mg: proctest.NewMailgun(t), lb: proctest.NewBalancer(t)}
	var urls []string
	for range n {
		p := proctest.Start(t, bin, f.env(extra...))
		f.procs = append(f.procs, p)
		urls = append(urls, p.URL)
	}
	f.lb.SetBackends(urls...)
	return f
}

// env is the environment of a process of the fleet.
func (f *fleet) env(extra ...string) map[string]string {
	return proctest.PortalEnv(f.t, f.db, f.lb.URL, f.mg, extra...)
}

// client is a new browser talking to the balancer.
func (f *fleet) client() *proctest.Client { return proctest.NewClient(f.t, f.lb.URL, f.lb.URL) }

// mail waits for the n-th mail (1 is the first) to addr that satisfies
// has, and returns it.
func (f *fleet) mail(t testing.TB, addr string, n int, has func(proctest.Mail) bool) proctest.Mail {
	t.Helper()
	var m proctest.Mail
	proctest.WaitFor(t, 30*time.Second, fmt.Sprintf("mail %d to %s", n, addr), func() bool {
		var ok bool
		m, ok = f.nthMail(addr, n, has)
		return ok
	})
	return m
}

// nthMail is the n-th mail to addr that satisfies has, if it came.
func (f *fleet) nthMail(addr string, n int, has func(proctest.Mail) bool) (proctest.Mail, bool) {
	var found []proctest.Mail
	for _, m := range f.mg.To(addr) {
		if has(m) {
			found = append([]proctest.Mail{m}, found...)
		}
	}
	if len(found) < n {
		return proctest.Mail{}, false
	}
	return found[n-1], true
}

func hasToken(m proctest.Mail) bool { return m.Token() != "" }
func hasCode(m proctest.Mail) bool  { return m.Code() != "" }

// register registers addr through c and confirms it through confirmVia:
// the same browser (c.Via), through a process or the balancer.
func (f *fleet) register(t testing.TB, c *proctest.Client, addr string, confirmVia *proctest.Client) {
	t.Helper()
	if r := c.Must(http.MethodPost, api.PathRegister, portaltest.Registration(addr)); r.Status != http.StatusAccepted {
		t.Fatalf("register %s: %d %s", addr, r.Status, r.Body)
	}
	tok := f.mail(t, addr, 1, hasToken).Token()
	r := confirmVia.Must(http.MethodPost, api.PathConfirm, api.ConfirmRequest{Token: tok})
	var s api.Session
	r.JSON(t, &s)
	if r.Status != http.StatusOK || s.State != api.StateFull {
		t.Fatalf("confirm %s: %d %s", addr, r.Status, r.Body)
	}
}

// login logs a new browser in through the balancer with the right password.
func (f *fleet) login(t testing.TB, addr string) (*proctest.Client, api.Session) {
	t.Helper()
	c := f.client()
	r := c.Must(http.MethodPost, api.PathLogin, api.LoginRequest{Identifier: addr, Password: portaltest.Password})
	var s api.Session
	r.JSON(t, &s)
	if r.Status != http.StatusOK {
		t.Fatalf("login %s: %d %s", addr, r.Status, r.Body)
	}
	return c, s
}

// outboxSettled waits until no outbox row waits any more, and returns the
// counts of sent and dead rows.
func (f *fleet) outboxSettled(t testing.TB) (sent, dead int) {
	t.Helper()
	ctx := context.Background()
	proctest.WaitFor(t, 60*time.Second, "every outbox row sent or given up", func() bool {
		n, err := f.db.Bun.NewSelect().Model((*store.OutboxMail)(nil)).Where("sent_at IS NULL AND dead_at IS NULL").Count(ctx)
		return err == nil && n == 0
	})
	s64, err := f.db.Bun.NewSelect().Model((*store.OutboxMail)(nil)).Where("sent_at IS NOT NULL").Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d64, err := f.db.Bun.NewSelect().Model((*store.OutboxMail)(nil)).Where("dead_at IS NOT NULL").Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return int(s64), int(d64)
}

// deploy replaces process i with bin, taking it out of the balancer
// first, as a rolling deployment behind a load balancer does.
func (f *fleet) deploy(i int, bin string) {
	f.t.Helper()
	p := f.procs[i]
	f.lb.Drain(p.URL)
	p.Deploy(bin)
	f.lb.Add(p.URL)
}

// jobsSettled waits until every job handed on has run (or been given up);
// within is a liveness bound.
func (f *fleet) jobsSettled(t testing.TB, within time.Duration) {
	t.Helper()
	proctest.WaitFor(t, within, "every job handed on run", func() bool {
		n, err := f.db.Bun.NewSelect().Model((*store.Job)(nil)).Where("dead_at IS NULL").Count(context.Background())
		return err == nil && n == 0
	})
}

// exactlyOnce checks that every mail the outbox marked sent reached Mailgun
// once: as many accepted as sent, and no outbox row's message (its
// X-Outbox-ID) accepted twice.
func (f *fleet) exactlyOnce(t testing.TB, sent int) {
	t.Helper()
	got := f.mg.Delivered()
	seen := map[string]int{}
	for _, m := range got {
		// A release before the header came sent no id: its messages are
		// told apart by their text (each holds its own link or code).
		key := m.OutboxID
		if key == "" {
			key = m.To + "\n" + m.Subject + "\n" + m.Text
		}
		seen[key]++
		if seen[key] == 2 {
			t.Errorf("delivered twice: outbox row %q to %s, %q", m.OutboxID, m.To, m.Subject)
		}
	}
	if len(got) != sent || f.mg.Accepted() != sent {
		t.Errorf("outbox rows sent: %d; messages Mailgun accepted: %d (the mock counted %d)", sent, len(got), f.mg.Accepted())
	}
}
