package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// The code of an earlier message, replaced by "Request a new one", is not
// called "not right": the answer says a newer code replaced it. It still
// counts as a wrong entry, and a code that was only wrong keeps its words.
func TestAnOlderCodeSaysItWasReplaced(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		email := "replaced@example.com"
		c := env.Register(email)
		activate(t, env, c, email)
		env.Clock.Advance(time.Hour)

		a := loginToSecondStep(t, env, email)
		old := env.LastMail(email).Code()
		env.Clock.Advance(31 * time.Second)
		if r := a.Post(api.PathLoginResend, nil); r.Status != 200 {
			t.Fatalf("resend: %d %s", r.Status, r.Body)
		}
		fresh := env.LastMail(email).Code()
		if fresh == old {
			t.Skip("the random codes happened to be equal") // one chance in a million
		}

		r := a.Post(api.PathLoginCode, api.CodeRequest{Code: old})
		e := r.Error(t)
		if r.Status != 400 || e.Code != api.CodeInvalidCode || e.Fields["code"].Code != "replaced" {
			t.Fatalf("the replaced code: %d %s", r.Status, r.Body)
		}
		if m := e.Fields["code"].Message; m != i18n.T("en", i18n.CodeReplaced) && m != i18n.T("de", i18n.CodeReplaced) {
			t.Fatalf("the words do not say a newer code replaced it: %q", e.Fields["code"].Message)
		}

		other := "000000"
		for other == old || other == fresh {
			other = strings.Repeat(string(other[0]+1), 6)
		}
		r = a.Post(api.PathLoginCode, api.CodeRequest{Code: other})
		if e := r.Error(t); r.Status != 400 || e.Fields["code"].Code == "replaced" {
			t.Fatalf("a code that is only wrong: %d %s", r.Status, r.Body)
		}

		// The replaced code spent one of the five entries: three more wrong
		// ones void the fresh code.
		for i := 0; i < 3; i++ {
			a.Post(api.PathLoginCode, api.CodeRequest{Code: old})
		}
		if r := a.Post(api.PathLoginCode, api.CodeRequest{Code: fresh}); r.Status != 400 || r.Error(t).Code != api.CodeCodeVoid {
			t.Fatalf("the fresh code after five wrong entries (one of them the replaced code): %d %s", r.Status, r.Body)
		}
	})
}
