package portal_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/portal"
	"github.com/minicorp/miniid/server/store"
)

func TestMain(m *testing.M) { testenv.Main(m) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

var clk = clock.NewFake(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))

// provider stands in for Mailgun: it keeps what it was given.
type provider struct {
	mu   sync.Mutex
	sent []store.OutboxMail
}

func (p *provider) Send(_ context.Context, m store.OutboxMail) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sent = append(p.sent, m)
	return nil
}

func start(t *testing.T, db *testenv.DB, env map[string]string, o portal.Options) *portal.Portal {
	t.Helper()
	env["DATABASE_URL"], env["DATA_DIR"], env["SECRET_KEY"] = db.URL, db.Dir, strings.Repeat("cd", 32)
	if db.Dir == "" {
		env["DATA_DIR"] = t.TempDir()
	}
	o.Clock = clk
	p, err := portal.New(context.Background(), func(k string) string { return env[k] }, quiet, o)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// sendOne writes a mail with a reset link to the outbox and delivers it.
func sendOne(t *testing.T, p *portal.Portal) {
	t.Helper()
	ctx := context.Background()
	err := mail.Enqueue(ctx, p.DB(), clk.Now(), mail.Message{To: "anna@example.com", Subject: "Reset", Text: "https://id.example.com/reset-password?token=abc\n"})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := p.Worker().DeliverDue(ctx); err != nil || n != 1 {
		t.Fatalf("delivered %d: %v", n, err)
	}
}

func devMails(t *testing.T, p *portal.Portal) int {
	t.Helper()
	n, err := p.DB().NewSelect().Model((*store.DevMail)(nil)).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func mailboxStatus(p *portal.Portal) int {
	rec := httptest.NewRecorder()
	p.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/dev/mailbox.json", nil))
	return rec.Code
}

// The dev mailbox is written and served only in dev mode: with a mail
// provider, a delivered mail leaves no copy in dev_mails and /dev/mailbox
// does not exist.
func TestDevMailboxOnlyInDevMode(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		t.Run("production", func(t *testing.T) {
			mg := &provider{}
			p := start(t, db, map[string]string{"BASE_URL": "https://id.example.com",
				"MAILGUN_DOMAIN": "mg.example.com", "MAILGUN_API_KEY": "key-test"}, portal.Options{Email: mg})
			sendOne(t, p)
			if len(mg.sent) != 1 {
				t.Fatalf("the provider got %d mails, want 1", len(mg.sent))
			}
			if n := devMails(t, p); n != 0 {
				t.Errorf("%d mails copied into the dev mailbox outside dev mode", n)
			}
			if code := mailboxStatus(p); code != http.StatusNotFound {
				t.Errorf("GET /dev/mailbox.json outside dev mode: %d, want 404", code)
			}
		})
		t.Run("dev on loopback", func(t *testing.T) {
			p := start(t, db, map[string]string{"BASE_URL": "http://127.0.0.1:8080"}, portal.Options{})
			before := devMails(t, p)
			sendOne(t, p)
			if n := devMails(t, p); n != before+1 {
				t.Errorf("dev mailbox holds %d mails after one delivery, want %d", n, before+1)
			}
			if code := mailboxStatus(p); code != http.StatusOK {
				t.Errorf("GET /dev/mailbox.json in dev mode: %d", code)
			}
		})
		t.Run("public without a provider", func(t *testing.T) {
			env := map[string]string{"BASE_URL": "https://id.example.com", "DATABASE_URL": db.URL, "DATA_DIR": t.TempDir()}
			_, err := portal.New(context.Background(), func(k string) string { return env[k] }, quiet, portal.Options{})
			if err == nil || !strings.Contains(err.Error(), "DEV_MAILBOX") {
				t.Fatalf("a public portal without a mail provider started: %v", err)
			}
		})
	})
}
