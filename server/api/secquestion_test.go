package api_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// Changing the security question needs the step-up and is mailed; the
// question list is the customer's to pick from, and nothing else goes.
func TestSecurityQuestionNeedsTheStepUp(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "question@example.com"
		c := env.RegisterIn(email, "GB", "SW1A 1AA")
		var choices []api.SecurityQuestionChoice
		if r := c.Get(api.PathSecurityQuestions); r.Status != 200 {
			t.Fatalf("choices: %d", r.Status)
		} else if r.JSON(t, &choices); len(choices) < 4 || choices[0].Text == "" {
			t.Fatalf("choices: %+v", choices)
		}
		put := func(q, a string) portaltest.Response {
			body, _ := jsonBody(api.SecurityQuestionRequest{Question: q, Answer: a})
			return c.Raw("PUT", api.PathSecurityQuestion, body, map[string]string{"Content-Type": "application/json", "Origin": env.URL, api.HeaderCSRF: c.CSRF})
		}
		if r := put("first_pet", "Bello"); r.Status != 403 || r.Error(t).Code != api.CodeReauthRequired {
			t.Fatalf("without the step-up: %d %s", r.Status, r.Body)
		}
		c.Post(api.PathReauth, api.ReauthRequest{Action: api.ActionSecurityQuestion, Password: portaltest.Password})
		if r := put("my_own_question", "Bello"); r.Status != 400 || r.Error(t).Fields["question"].Code == "" {
			t.Fatalf("a question not in the list: %d %s", r.Status, r.Body)
		}
		if r := put("first_pet", " x "); r.Status != 400 || r.Error(t).Fields["answer"].Code == "" {
			t.Fatalf("a one-letter answer: %d %s", r.Status, r.Body)
		}
		var st api.SecurityQuestionState
		r := put("first_pet", "Bello")
		r.JSON(t, &st)
		if r.Status != 200 || !st.Set || st.Question != "What was the name of your first pet?" {
			t.Fatalf("set: %d %s", r.Status, r.Body)
		}
		if strings.Contains(string(r.Body), "Bello") {
			t.Fatalf("the answer comes back: %s", r.Body)
		}
		if m := env.LastMail(email); m.Subject != "The security question of your MINI ID was changed" {
			t.Fatalf("mail: %q", m.Subject)
		}
		if r := put("first_car", "Trabant"); r.Status != 403 {
			t.Fatalf("a second change on one step-up: %d", r.Status)
		}
		if kinds := eventKinds(t, c); !contains(kinds, "security_question_set") {
			t.Fatalf("events: %v", kinds)
		}
	})
}

// Three misses in a row lock the check for 24 hours and tell the customer;
// parallel guesses cannot get past the count; a match resets it.
func TestSecurityQuestionLocksAfterThreeMisses(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "caller@example.com"
		customer := env.RegisterIn(email, "GB", "SW1A 1AA")
		setQuestion(t, env, customer, email, "first_car", "Trabant")
		agent := makeAgent(t, env, "agent@example.com", true)
		id := findOne(t, agent, email).ID
		check := func(answer string) portaltest.Response {
			return agent.Post(customerPath(api.PathSupportCheck, id), api.SupportCheckRequest{Answer: answer})
		}
		// A match resets the count: two misses, a match, two misses stay open.
		for _, a := range []string{"Wartburg", "Lada", "TRABANT", "Wartburg", "Lada"} {
			var res api.SupportCheckResult
			r := check(a)
			r.JSON(t, &res)
			if r.Status != 200 || res.Match != (a == "TRABANT") || res.LockedUntil != "" {
				t.Fatalf("check %q: %d %s", a, r.Status, r.Body)
			}
		}
		var res api.SupportCheckResult
		r := check("Skoda")
		r.JSON(t, &res)
		if r.Status != 200 || res.Match || res.LockedUntil == "" {
			t.Fatalf("the third miss: %d %s", r.Status, r.Body)
		}
		if r := check("Trabant"); r.Status != 423 || r.Error(t).Code != api.CodeLocked {
			t.Fatalf("the right answer while locked: %d %s", r.Status, r.Body)
		}
		m := env.LastMail(email)
		if m.Subject != "Your security question is locked after three wrong answers" {
			t.Fatalf("the customer's mail: %q", m.Subject)
		}
		if st := status(t, agent, id); st.QuestionLockedUntil == "" {
			t.Fatalf("status while locked: %+v", st)
		}
		if kinds := eventKinds(t, customer); !contains(kinds, "security_question_locked") || !contains(kinds, "support_question_missed") {
			t.Fatalf("events: %v", kinds)
		}

		// 24 hours later: open again, and parallel guesses get 3 checks at most.
		env.Clock.Advance(24*time.Hour + time.Minute)
		agent = makeAgent(t, env, "agent2@example.com", true)
		var wg sync.WaitGroup
		statuses := make([]int, 8)
		for i := range statuses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = agent.Post(customerPath(api.PathSupportCheck, id), api.SupportCheckRequest{Answer: "Wartburg"}).Status
			}()
		}
		wg.Wait()
		compared := 0
		for _, s := range statuses {
			if s == 200 {
				compared++
			}
		}
		if compared > 3 {
			t.Fatalf("%d parallel guesses were compared, at most 3 may be: %v", compared, statuses)
		}
	})
}
