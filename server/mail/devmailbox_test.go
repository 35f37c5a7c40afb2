package mail_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/mail"
	"github.com/minicorp/miniid/server/store"
)

func get(t *testing.T, h http.Handler, path string) (*http.Response, string) {
	t.Helper()
	rr := httptest.NewRecorder()
	h.ServeHTTP(rr, httptest.NewRequest(http.MethodGet, path, nil))
	body, _ := io.ReadAll(rr.Result().Body)
	return rr.Result(), string(body)
}

func TestDevMailbox(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		clk := clock.NewFake(start)
		box := mail.NewDevMailbox(db.Bun, clk)
		h := mail.DevMailboxHandler(db.Bun)

		if _, body := get(t, h, "/dev/mailbox.json"); strings.TrimSpace(body) != "[]" {
			t.Fatalf("empty mailbox JSON = %s, want []", body)
		}

		sends := []store.OutboxMail{
			{ID: 1, Channel: "email", To: "anna@example.com", Subject: "Confirm", Text: "Open:\n\nhttps://id.example/confirm?token=abc\n", HTML: "<p>Open</p>"},
			{ID: 2, Channel: "sms", To: "+491701234567", Subject: "Code", Text: "Your code:\n123456"},
			{ID: 3, Channel: "email", To: "eve@example.com", Subject: "<script>alert(1)</script>", Text: "<b>hi</b>", HTML: `<p onclick="x()">"quoted"</p>`},
		}
		for _, m := range sends {
			if err := box.Send(ctx, m); err != nil {
				t.Fatal(err)
			}
			clk.Advance(time.Second)
		}

		resp, body := get(t, h, "/dev/mailbox.json")
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("GET /dev/mailbox.json: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		var got []map[string]any
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Fatalf("%d mails, want 3", len(got))
		}
		for i, want := range []string{"eve@example.com", "+491701234567", "anna@example.com"} {
			m := got[i]
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, []string{"channel", "html", "id", "sent_at", "subject", "text", "to"}) {
				t.Fatalf("fields = %v", keys)
			}
			if m["to"] != want {
				t.Errorf("mail %d to %v, want %s (newest first)", i, m["to"], want)
			}
			if _, ok := m["id"].(float64); !ok {
				t.Errorf("id %v is not a number", m["id"])
			}
			sentAt, err := time.Parse(time.RFC3339, m["sent_at"].(string))
			if err != nil || !sentAt.Equal(start.Add(time.Duration(2-i)*time.Second)) {
				t.Errorf("sent_at %v: %v", m["sent_at"], err)
			}
		}
		if got[1]["channel"] != "sms" || got[0]["channel"] != "email" || got[2]["text"] != sends[0].Text || got[2]["html"] != "<p>Open</p>" {
			t.Errorf("mails = %v", got)
		}

		resp, page := get(t, h, "/dev/mailbox")
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET /dev/mailbox: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		for _, want := range []string{
			"&lt;script&gt;alert(1)&lt;/script&gt;",                 // the subject, escaped
			"&lt;b&gt;hi&lt;/b&gt;",                                 // the text part, escaped
			`sandbox="allow-popups allow-popups-to-escape-sandbox"`, // the HTML part cannot run scripts
			"&#34;quoted&#34;",                                      // and stays inside its srcdoc attribute
			`<a href="https://id.example/confirm?token=abc"`,        // links in the text part are clickable
			">SMS<", ">E-mail<",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks %s", want)
			}
		}
		if strings.Contains(page, "<script>alert") || strings.Contains(page, "<b>hi") {
			t.Fatalf("page does not escape:\n%s", page)
		}
		if strings.Index(page, "eve@example.com") > strings.Index(page, "anna@example.com") {
			t.Error("page is not newest first")
		}
	})
}

func TestDevMailboxShowsTheNewest200(t *testing.T) {
	db := testenv.SQLite(t)
	clk := clock.NewFake(start)
	box := mail.NewDevMailbox(db.Bun, clk)
	for i := range 205 {
		if err := box.Send(context.Background(), store.OutboxMail{Channel: "email", To: itoa(int64(i)) + "@example.com", Subject: "S", Text: "T"}); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Millisecond)
	}
	_, body := get(t, mail.DevMailboxHandler(db.Bun), "/dev/mailbox.json")
	var got []struct{ To string }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 200 || got[0].To != "204@example.com" || got[199].To != "5@example.com" {
		t.Fatalf("%d mails, first %v", len(got), got[0])
	}
}
