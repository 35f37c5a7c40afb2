package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// "Download my data" holds every listed part and no secret: the test
// greps the file for every hash, code, token, id and stamp the database
// and the mailbox hold for the account.
func TestDownloadMyDataHoldsEverythingAndNoSecret(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "export@example.com"
		c := env.Register(email)
		activate(t, env, c, email)
		setQuestion(t, env, c, email, "first_pet", "Bello")
		c.Get(api.PathHelpArticle + "log-in") // a vote counts only after reading
		c.Post(api.HelpVotePath("log-in"), api.HelpVoteRequest{Helpful: true})

		if r := c.Post(api.PathExport, nil); r.Status != 403 || r.Error(t).Code != api.CodeReauthRequired {
			t.Fatalf("without the step-up: %d %s", r.Status, r.Body)
		}
		reauth(t, env, c, email, api.ActionExport)
		r := c.Post(api.PathExport, nil)
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Disposition"), "attachment;") {
			t.Fatalf("export: %d %v %s", r.Status, r.Header, r.Body)
		}
		var doc map[string]json.RawMessage
		r.JSON(t, &doc)
		for _, part := range []string{"account", "personal_data", "factors", "sessions", "devices", "security_events", "consents", "connected_apps", "help_votes", "security_question"} {
			if v, ok := doc[part]; !ok || string(v) == "null" {
				t.Errorf("part %q missing", part)
			}
		}
		body := string(r.Body)
		for _, want := range []string{`"email":"export@example.com"`, `"first_name":"Jana"`, `"type":"password"`, `"type":"email_code"`, `"kind":"two_factor_on"`, `"article":"log-in"`, "What was the name of your first pet?"} {
			if !strings.Contains(body, want) {
				t.Errorf("the export lacks %s", want)
			}
		}
		for name, secret := range secretsOf(t, env, email) {
			if secret != "" && strings.Contains(body, secret) {
				t.Errorf("the export holds the %s", name)
			}
		}
		for _, word := range []string{"argon2", "Bello", "bello", "csrf", "stamp", "hash"} {
			if strings.Contains(body, word) {
				t.Errorf("the export holds %q", word)
			}
		}
		if m := env.LastMail(email); m.Subject != "Die Daten Ihrer MINI ID wurden heruntergeladen" {
			t.Errorf("mail: %q", m.Subject)
		}
		if kinds := eventKinds(t, c); !contains(kinds, "data_exported") {
			t.Errorf("events: %v", kinds)
		}
		if r := c.Post(api.PathExport, nil); r.Status != 403 {
			t.Fatalf("a second export on one step-up: %d", r.Status)
		}
	})
}

// Three exports a day.
func TestDownloadMyDataIsLimited(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	email := "often@example.com"
	c := env.Register(email)
	for i := 0; i < 3; i++ {
		reauth(t, env, c, email, api.ActionExport)
		if r := c.Post(api.PathExport, nil); r.Status != 200 {
			t.Fatalf("export %d: %d %s", i+1, r.Status, r.Body)
		}
	}
	reauth(t, env, c, email, api.ActionExport)
	if r := c.Post(api.PathExport, nil); r.Status != 429 {
		t.Fatalf("a fourth export in a day: %d", r.Status)
	}
}

// secretsOf collects every secret the portal holds for the account: hashes
// and stamps from the database, codes and tokens from its mail.
func secretsOf(t *testing.T, env *portaltest.Env, email string) map[string]string {
	t.Helper()
	ctx := context.Background()
	u, err := store.UserByEmail(ctx, env.DB.Bun, email)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{"security stamp": u.SecurityStamp, "legacy password hash": u.LegacyPasswordHash}
	creds, _ := store.CredentialsOf(ctx, env.DB.Bun, u.ID)
	for _, c := range creds {
		out["credential "+c.Type] = c.Config
	}
	q, _ := store.SecurityQuestionOf(ctx, env.DB.Bun, u.ID)
	out["answer hash"] = q.AnswerHash
	var sessions []store.Session
	env.DB.Bun.NewSelect().Model(&sessions).Where("user_id = ?", u.ID).Scan(ctx)
	for _, s := range sessions {
		out["session id hash"], out["csrf token"] = s.IDHash, s.CSRFToken
	}
	var codes []store.Code
	env.DB.Bun.NewSelect().Model(&codes).Where("user_id = ?", u.ID).Scan(ctx)
	for _, c := range codes {
		out["code hash"] = c.Hash
	}
	var tokens []store.Token
	env.DB.Bun.NewSelect().Model(&tokens).Where("user_id = ?", u.ID).Scan(ctx)
	for _, tk := range tokens {
		out["token hash"] = tk.Hash
	}
	for i, m := range env.Mails(email) {
		if code := m.Code(); code != "" {
			out["code "+string(rune('a'+i))] = code
		}
		if tok := m.Token(); tok != "" {
			out["token "+string(rune('a'+i))] = tok
		}
	}
	return out
}
