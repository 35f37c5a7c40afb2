package api_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/support"
	"github.com/minicorp/miniid/shared/api"
)

// makeAgent registers email, gives it the role agent and, when twoFactor,
// two-factor authentication; it returns a browser logged in with every
// factor the account has.
func makeAgent(t *testing.T, env *portaltest.Env, email string, twoFactor bool) *portaltest.Client {
	t.Helper()
	c := env.Register(email)
	if twoFactor {
		activate(t, env, c, email)
	}
	if _, _, err := support.GrantAgent(context.Background(), env.DB.Bun, env.Portal.Auth(), email, env.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	env.Clock.Advance(7 * time.Second)
	agent, r := env.Login(email, portaltest.Password)
	var s api.Session
	r.JSON(t, &s)
	if s.State == api.StateSecondStep {
		if r := agent.Post(api.PathLoginCode, api.CodeRequest{Code: env.LastMail(email).Code()}); r.Status != 200 {
			t.Fatalf("agent's code: %d %s", r.Status, r.Body)
		}
	}
	return agent
}

func customerPath(path string, id int64) string {
	return strings.Replace(path, "{id}", strconv.FormatInt(id, 10), 1)
}

func findOne(t *testing.T, agent *portaltest.Client, q string) api.SupportCustomer {
	t.Helper()
	r := agent.Get(api.PathSupportFind + "?q=" + url.QueryEscape(q))
	var hits []api.SupportCustomer
	r.JSON(t, &hits)
	if r.Status != 200 || len(hits) != 1 {
		t.Fatalf("find %q: %d %s", q, r.Status, r.Body)
	}
	return hits[0]
}

func status(t *testing.T, agent *portaltest.Client, id int64) api.SupportStatus {
	t.Helper()
	r := agent.Get(customerPath(api.PathSupportCustomer, id))
	var st api.SupportStatus
	r.JSON(t, &st)
	if r.Status != 200 {
		t.Fatalf("status: %d %s", r.Status, r.Body)
	}
	return st
}

func eventKinds(t *testing.T, c *portaltest.Client) []string {
	t.Helper()
	var events []api.SecurityEvent
	c.Get(api.PathEvents).JSON(t, &events)
	var kinds []string
	for _, e := range events {
		kinds = append(kinds, e.Kind)
	}
	return kinds
}

// The console is for agents only, and for agents only after a sign-in with
// a second factor.
func TestSupportConsoleAdmitsOnlyAgentsWithASecondFactor(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		customer := env.Register("customer@example.com")
		paths := []string{api.PathSupportMe, api.PathSupportFind + "?q=customer@example.com", customerPath(api.PathSupportCustomer, 1), api.PathSupportLog}
		for _, p := range paths {
			if r := env.Client().Get(p); r.Status != 401 {
				t.Errorf("anonymous %s: %d", p, r.Status)
			}
			if r := customer.Get(p); r.Status != 403 || r.Error(t).Code != api.CodeForbidden {
				t.Errorf("a customer on %s: %d %s", p, r.Status, r.Body)
			}
		}
		if r := customer.Post(customerPath(api.PathSupportAction, 1), api.SupportActionRequest{Action: api.SupportEndSessions, Reason: "just trying this out"}); r.Status != 403 {
			t.Errorf("a customer acts: %d", r.Status)
		}
		oneFactor := makeAgent(t, env, "novice@example.com", false)
		if r := oneFactor.Get(api.PathSupportMe); r.Status != 403 || r.Error(t).Code != api.CodeSecondFactor {
			t.Errorf("an agent without a second factor: %d %s", r.Status, r.Body)
		}
		agent := makeAgent(t, env, "agent@example.com", true)
		var me api.SupportAgent
		r := agent.Get(api.PathSupportMe)
		r.JSON(t, &me)
		if r.Status != 200 || me.Email != "agent@example.com" {
			t.Fatalf("an agent with two factors: %d %s", r.Status, r.Body)
		}
	})
}

// An agent's sign-in opens the console for 8 hours at most; then the
// session ends, also for the customer pages.
func TestSupportSessionLastsAtMostEightHours(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	agent := makeAgent(t, env, "agent@example.com", true)
	if r := agent.Get(api.PathSupportMe); r.Status != 200 {
		t.Fatalf("console: %d", r.Status)
	}
	// Busy all day: a request every 20 minutes keeps the session from idling.
	for i := 0; i < 23; i++ {
		env.Clock.Advance(20 * time.Minute)
		if r := agent.Get(api.PathSupportMe); r.Status != 200 {
			t.Fatalf("console after %v: %d", time.Duration(i+1)*20*time.Minute, r.Status)
		}
	}
	env.Clock.Advance(20 * time.Minute) // 8 h after the sign-in
	if r := agent.Get(api.PathSupportMe); r.Status != 401 {
		t.Fatalf("console after 8 hours: %d", r.Status)
	}
	if r := agent.Get(api.PathMe); r.Status != 401 {
		t.Fatalf("the agent's session outlived the 8 hours on the customer pages: %d", r.Status)
	}
}

// The story of the issue: a blocked customer calls; the agent finds them,
// verifies them by the security question, ends the block with a reason;
// the customer sees the reason in an event and a mail, and can log in.
func TestSupportEndsABlockAfterTheSecurityQuestion(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "blocked@example.com"
		customer := env.RegisterIn(email, "GB", "SW1A 1AA") // English mails
		setQuestion(t, env, customer, email, "first_pet", "  Bëllo  der Zweite ")
		for i := 0; i < 5; i++ {
			env.Login(email, "wrong password number "+strconv.Itoa(i))
		}
		if _, r := env.Login(email, portaltest.Password); r.Status != 423 {
			t.Fatalf("not blocked: %d", r.Status)
		}
		agent := makeAgent(t, env, "agent@example.com", true)

		hit := findOne(t, agent, "BLOCKED@example.com")
		if hit.Email != email {
			t.Fatalf("find by e-mail: %+v", hit)
		}
		st := status(t, agent, hit.ID)
		if st.BlockedUntil == "" || !st.HasSecurityQuestion || st.Question != "What was the name of your first pet?" {
			t.Fatalf("status: %+v", st)
		}
		var res api.SupportCheckResult
		r := agent.Post(customerPath(api.PathSupportCheck, hit.ID), api.SupportCheckRequest{Answer: "bello DER zweite"})
		r.JSON(t, &res)
		if r.Status != 200 || !res.Match {
			t.Fatalf("the right answer, typed otherwise: %d %s", r.Status, r.Body)
		}
		if r := agent.Post(customerPath(api.PathSupportAction, hit.ID), api.SupportActionRequest{Action: api.SupportEndBlock, Reason: "ok"}); r.Status != 400 {
			t.Fatalf("a reason of two letters: %d", r.Status)
		}
		reason := "Caller verified by the security question"
		r = agent.Post(customerPath(api.PathSupportAction, hit.ID), api.SupportActionRequest{Action: api.SupportEndBlock, Reason: reason})
		if r.Status != 200 {
			t.Fatalf("end block: %d %s", r.Status, r.Body)
		}
		var after api.SupportStatus
		r.JSON(t, &after)
		if after.BlockedUntil != "" {
			t.Fatalf("still blocked: %+v", after)
		}
		m := env.LastMail(email)
		if !strings.Contains(m.Subject, "Support ended the temporary block") || !strings.Contains(oneLine(m.Text), reason) {
			t.Fatalf("the customer's mail: %s\n%s", m.Subject, m.Text)
		}
		c, r := env.Login(email, portaltest.Password)
		if r.Status != 200 {
			t.Fatalf("login after the block ended: %d %s", r.Status, r.Body)
		}
		if kinds := eventKinds(t, c); !contains(kinds, "support_block_ended") || !contains(kinds, "support_question_matched") {
			t.Fatalf("the customer's events: %v", kinds)
		}
		var log []api.AgentLogEntry
		agent.Get(api.PathSupportLog).JSON(t, &log)
		if len(log) < 2 || log[0].Action != api.SupportEndBlock || log[0].Reason != reason || log[0].Agent != "agent@example.com" || log[0].CustomerEmail != email {
			t.Fatalf("audit log: %+v", log)
		}
		if r := agent.Post(customerPath(api.PathSupportAction, hit.ID), api.SupportActionRequest{Action: api.SupportEndBlock, Reason: reason}); r.Status != 409 {
			t.Fatalf("ending a block that is not there: %d", r.Status)
		}
	})
}

// oneLine is a mail's text with its line breaks undone.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Every action writes its event, its mail and its log entry.
func TestSupportActionsWriteEventMailAndLog(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		agent := makeAgent(t, env, "agent@example.com", true)
		confirmed := "confirmed@example.com"
		other := env.Register(confirmed)
		pending := "pending@example.com" // both live in Germany: German mails
		env.Client().Post(api.PathRegister, portaltest.Registration(pending))
		env.Mails(pending)                 // the registration, handed on, has run
		env.Clock.Advance(2 * time.Minute) // past the resend limit of the confirmation link

		cases := []struct {
			action, email, event, subject string
			also                          func(t *testing.T)
		}{
			{api.SupportResendConfirm, pending, "support_confirmation_sent", "Der Kundenservice hat Ihren Bestätigungslink erneut gesendet", func(t *testing.T) {
				if n := len(env.Mails(pending)); n < 3 {
					t.Errorf("no new confirmation link: %d mails", n)
				}
			}},
			{api.SupportEndSessions, confirmed, "support_sessions_ended", "Der Kundenservice hat Ihre MINI ID auf allen Geräten abgemeldet", func(t *testing.T) {
				if r := other.Get(api.PathMe); r.Status != 401 {
					t.Errorf("the customer's session survived: %d", r.Status)
				}
			}},
			{api.SupportSendPasswordLink, confirmed, "support_reset_sent", "Der Kundenservice hat Ihnen einen Link für ein neues Passwort gesendet", func(t *testing.T) {
				found := false
				for _, m := range env.Mails(confirmed) {
					found = found || strings.Contains(m.Link(), "/reset-password?token=")
				}
				if !found {
					t.Error("no reset link mailed")
				}
			}},
		}
		for _, c := range cases {
			t.Run(c.action, func(t *testing.T) {
				hit := findOne(t, agent, c.email)
				reason := "Customer called about " + c.action
				if r := agent.Post(customerPath(api.PathSupportAction, hit.ID), api.SupportActionRequest{Action: c.action, Reason: reason}); r.Status != 200 {
					t.Fatalf("%s: %d %s", c.action, r.Status, r.Body)
				}
				st := status(t, agent, hit.ID)
				if len(st.Events) == 0 || st.Events[0].Kind != c.event || st.Events[0].Network != "" {
					t.Errorf("event: %+v", st.Events)
				}
				got := false
				for _, m := range env.Mails(c.email) {
					got = got || (m.Subject == c.subject && strings.Contains(oneLine(m.Text), reason))
				}
				if !got {
					t.Errorf("no mail %q with the reason", c.subject)
				}
				var log []api.AgentLogEntry
				agent.Get(api.PathSupportLog).JSON(t, &log)
				if len(log) == 0 || log[0].Action != c.action || log[0].Reason != reason {
					t.Errorf("log: %+v", log)
				}
				c.also(t)
			})
		}
		hit := findOne(t, agent, confirmed)
		if r := agent.Post(customerPath(api.PathSupportAction, hit.ID), api.SupportActionRequest{Action: api.SupportResendConfirm, Reason: "Customer asked for the link"}); r.Status != 409 {
			t.Errorf("confirmation link for a confirmed address: %d", r.Status)
		}
		if r := agent.Post(customerPath(api.PathSupportAction, hit.ID), api.SupportActionRequest{Action: "set_password", Reason: "Customer asked for it"}); r.Status != 400 {
			t.Errorf("an action that does not exist: %d", r.Status)
		}
		if r := agent.Post(customerPath(api.PathSupportAction, 99999), api.SupportActionRequest{Action: api.SupportEndSessions, Reason: "Customer asked for it"}); r.Status != 404 {
			t.Errorf("no such customer: %d", r.Status)
		}
	})
}

// Search by Phone ID and by name; the status shows no secret.
func TestSupportFindAndStatusHoldNoSecret(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	agent := makeAgent(t, env, "agent@example.com", true)
	reg := portaltest.Registration("phone@example.com")
	reg.Phone, reg.FirstName, reg.LastName = "+491701234567", "Ronja", "Räubertochter"
	c := env.Client()
	c.Post(api.PathRegister, reg)
	c.Post(api.PathConfirm, api.ConfirmRequest{Token: env.LastMail("phone@example.com").Token()})
	setQuestion(t, env, c, "phone@example.com", "first_car", "Trabant")
	if hit := findOne(t, agent, "+49 170 1234567"); hit.Email != "phone@example.com" {
		t.Fatalf("by Phone ID: %+v", hit)
	}
	hit := findOne(t, agent, "ronja")
	var two []api.SupportCustomer
	if agent.Get(api.PathSupportFind+"?q="+url.QueryEscape("kell ja")).JSON(t, &two); len(two) != 1 {
		t.Fatalf("by name, every word starting a name: %+v", two) // the agent, Jana Keller
	}
	if r := agent.Get(api.PathSupportFind + "?q=x"); r.Status != 400 {
		t.Fatalf("a one-letter search: %d", r.Status)
	}
	if r := agent.Get(api.PathSupportFind + "?q=" + url.QueryEscape("%")); r.Status != 400 {
		t.Fatalf("a wildcard search: %d", r.Status)
	}
	r := agent.Get(customerPath(api.PathSupportCustomer, hit.ID))
	for _, secret := range []string{"argon2", "$v=", "Trabant", "trabant", "token", "password_hash", "security_stamp", "csrf"} {
		if strings.Contains(string(r.Body), secret) {
			t.Errorf("the status holds %q: %s", secret, r.Body)
		}
	}
}

// setQuestion sets the customer's security question through the step-up,
// as the Security page does.
func setQuestion(t *testing.T, env *portaltest.Env, c *portaltest.Client, email, question, answer string) {
	t.Helper()
	reauth(t, env, c, email, api.ActionSecurityQuestion)
	body, _ := jsonBody(api.SecurityQuestionRequest{Question: question, Answer: answer})
	if r := c.Raw("PUT", api.PathSecurityQuestion, body, map[string]string{"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.CSRF}); r.Status != 200 {
		t.Fatalf("set question: %d %s", r.Status, r.Body)
	}
}
