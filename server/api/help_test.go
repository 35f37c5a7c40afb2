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
