package api_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

func TestAssistantEndpoint(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	tests := []struct {
		name   string
		q      string
		status int
	}{
		{"empty", "", 400},
		{"spaces only", "   ", 400},
		{"200 characters", strings.Repeat("ä", 200), 200},
		{"201 characters", strings.Repeat("ä", 201), 400},
		{"a real question", "how do I switch on two-factor authentication?", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Get(api.PathAssistant + "?q=" + url.QueryEscape(tt.q))
			if r.Status != tt.status {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			if tt.status == 400 && r.Error(t).Message == "" {
				t.Fatal("no message")
			}
		})
	}
	var a api.AssistantAnswer
	c.Get(api.PathAssistant+"?q="+url.QueryEscape("wie schalte ich die Zwei-Faktor-Authentifizierung ein")).JSON(t, &a)
	if !a.Found || a.Article == nil || a.Article.Slug != "two-factor-activate" || a.Lang != "de" {
		t.Fatalf("German question: %+v", a)
	}
}

func TestHelpArticleVoteAndRead(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	c := env.Client()
	c.Session()
	r := c.Get(api.PathHelpArticle + "two-factor-activate?lang=en")
	var a api.HelpArticle
	r.JSON(t, &a)
	if r.Status != 200 || !strings.Contains(a.HTML, "NEXT") || len(a.Breadcrumb) == 0 {
		t.Fatalf("article: %d %s", r.Status, r.Body)
	}
	if strings.Contains(a.HTML, "{brand}") || !strings.Contains(a.HTML+a.Title, "MINI") {
		t.Fatalf("brand not filled in: %s", a.HTML[:200])
	}
	for i := 0; i < 2; i++ {
		if r := c.Post(api.HelpVotePath("two-factor-activate"), api.HelpVoteRequest{Helpful: true}); r.Status != 200 {
			t.Fatalf("vote: %d %s", r.Status, r.Body)
		}
	}
	c.Get(api.PathHelpArticle+"two-factor-activate?lang=en").JSON(t, &a)
	if a.HelpfulYes != 1 || a.MyVote == nil || !*a.MyVote {
		t.Fatalf("one visitor, one vote: %+v", a)
	}
	if r := c.Get(api.PathHelpArticle + "no-such-article"); r.Status != 404 {
		t.Fatalf("unknown article: %d", r.Status)
	}
	var hits []api.HelpSearchResult
	c.Get(api.PathHelpSearch+"?lang=en&q=pasword").JSON(t, &hits)
	if len(hits) == 0 {
		t.Fatal("typo search found nothing")
	}
}

// Votes cannot be stuffed from fresh anonymous sessions: a session votes
// only on an article it read, once, and many sessions from one network
// (/24 for IPv4, /64 for IPv6) count as one.
func TestHelpVotesCannotBeStuffed(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db, "TRUSTED_PROXIES", "127.0.0.0/8")
		const slug = "privacy"
		// session gives c the session the app has before it shows anything.
		session := func(c *portaltest.Client, from string) {
			t.Helper()
			if c.CSRF != "" {
				return
			}
			var s api.Session
			c.Raw("GET", api.PathSession, nil, map[string]string{"X-Forwarded-For": from}).JSON(t, &s)
			c.CSRF = s.CSRFToken
		}
		vote := func(c *portaltest.Client, from string, helpful bool) portaltest.Response {
			t.Helper()
			session(c, from)
			body := `{"helpful":false}`
			if helpful {
				body = `{"helpful":true}`
			}
			return c.Raw("POST", api.HelpVotePath(slug), []byte(body), map[string]string{
				"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.CSRF, "X-Forwarded-For": from})
		}
		read := func(c *portaltest.Client, from string) {
			t.Helper()
			session(c, from)
			if r := c.Raw("GET", api.PathHelpArticle+slug+"?lang=en", nil, map[string]string{"X-Forwarded-For": from}); r.Status != 200 {
				t.Fatalf("read: %d %s", r.Status, r.Body)
			}
		}
		// newReader reads the article in a fresh session from an address,
		// then votes.
		newReader := func(from string, helpful bool) {
			t.Helper()
			c := env.Client()
			read(c, from)
			if r := vote(c, from, helpful); r.Status != 200 {
				t.Fatalf("vote from %s: %d %s", from, r.Status, r.Body)
			}
		}
		counts := func() (int64, int64) {
			t.Helper()
			var a api.HelpArticle
			env.Client().Get(api.PathHelpArticle+slug+"?lang=de").JSON(t, &a)
			return a.HelpfulYes, a.HelpfulNo
		}

		// A session that never opened the article cannot vote on it.
		c := env.Client()
		if r := vote(c, "192.0.2.1", true); r.Status != 409 || r.Error(t).Message == "" {
			t.Fatalf("vote without reading: %d %s", r.Status, r.Body)
		}
		if yes, no := counts(); yes != 0 || no != 0 {
			t.Fatalf("an unread vote counted: yes=%d no=%d", yes, no)
		}

		// Ten fresh sessions from ten addresses of one /24 count once.
		for i := range 10 {
			newReader("203.0.113."+itoa(10+i), true)
		}
		if yes, no := counts(); yes != 1 || no != 0 {
			t.Fatalf("ten sessions of 203.0.113.0/24: yes=%d no=%d, want 1 and 0", yes, no)
		}
		// Another network counts; so does one IPv6 /64, once.
		newReader("198.51.100.7", true)
		newReader("2001:db8:1:2::10", false)
		newReader("2001:db8:1:2:ffff::1", false)
		if yes, no := counts(); yes != 2 || no != 1 {
			t.Fatalf("after 198.51.100.0/24 and 2001:db8:1:2::/64: yes=%d no=%d, want 2 and 1", yes, no)
		}
		// A session that read the article votes once: voting again changes
		// its vote, never adds one.
		c = env.Client()
		read(c, "192.0.2.50")
		for range 3 {
			vote(c, "192.0.2.50", false)
		}
		if yes, no := counts(); yes != 2 || no != 2 {
			t.Fatalf("one session voting three times: yes=%d no=%d, want 2 and 2", yes, no)
		}
	})
}
