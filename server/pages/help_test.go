package pages_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// TestHelpPagesAreCompleteHTML: the help centre, an article, a search and
// the assistant's answer are in the server's page itself (GET forms, no
// app needed), in the reader's language; a search's words are written
// into the page escaped.
func TestHelpPagesAreCompleteHTML(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	home := c.Page("/help")
	if home.Status != 200 || !home.Shows("Change your password") || !strings.Contains(string(home.Body), `action="/help"`) {
		t.Fatalf("/help: %d\n%s", home.Status, home.Body)
	}
	art := c.Page("/help/change-password")
	if art.Status != 200 || !strings.Contains(string(art.Body), "<title>") || !art.Shows("Was this article helpful?") {
		t.Fatalf("article: %d\n%s", art.Status, art.Body)
	}
	if r := c.Page("/help/no-such-article"); r.Status != 404 {
		t.Fatalf("missing article: %d", r.Status)
	}
	q := `password" autofocus onfocus="x`
	hits := c.Page("/help?q=" + url.QueryEscape(q))
	body := string(hits.Body)
	if hits.Status != 200 || strings.Contains(body, `onfocus="x`) || !strings.Contains(body, `value="password&#34; autofocus onfocus=&#34;x"`) {
		t.Fatalf("search: %d\n%s", hits.Status, body)
	}
	if !c.Page("/help?q=password").Shows("Change your password") {
		t.Fatal("no hits for password")
	}
	ans := c.Page("/help?ask=" + url.QueryEscape("How do I change my password?"))
	if !ans.Shows("How do I change my password?") || !ans.Shows("Change your password") {
		t.Fatalf("assistant:\n%s", ans.Body)
	}
	de := c.Raw("GET", "/help/change-password", nil, map[string]string{"Accept-Language": "de"})
	if !de.Shows("War dieser Artikel hilfreich?") {
		t.Fatalf("German article:\n%s", de.Body)
	}
}
