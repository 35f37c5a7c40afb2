package api_test

import (
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// A registration accepts the current terms; new terms (a new version in
// the configuration) are accepted again at the next login, before anything
// else is allowed.
func TestNewTermsAreAcceptedAtTheNextLogin(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db, "TERMS_VERSION", "2026-01", "PRIVACY_VERSION", "1")
		email := "terms@example.com"
		c := env.Register(email)
		if m := me(t, c); len(m.ConsentsDue) != 0 {
			t.Fatalf("a new registration must accept again: %+v", m.ConsentsDue)
		}
		env.Reconfigure("TERMS_VERSION", "2026-12")
		c, r := env.Login(email, portaltest.Password)
		if r.Status != 200 {
			t.Fatalf("login: %d %s", r.Status, r.Body)
		}
		m := me(t, c)
		if len(m.ConsentsDue) != 1 || m.ConsentsDue[0] != (api.ConsentDue{Document: api.DocumentTerms, Version: "2026-12"}) {
			t.Fatalf("due after new terms: %+v", m.ConsentsDue)
		}
		p := m.Personal()
		p.City = "Berlin"
		if r := put(c, api.PathPersonal, p, etag(m.Version)); r.Status != 403 || r.Error(t).Code != api.CodeConsentRequired {
			t.Fatalf("a change before accepting: %d %s", r.Status, r.Body)
		}
		if r := c.Get(api.PathSessions); r.Status != 403 {
			t.Fatalf("the sessions list before accepting: %d", r.Status)
		}
		if r := c.Post(api.PathConsents, api.DocumentsRequest{Accept: []api.ConsentDue{{Document: api.DocumentTerms, Version: "2026-01"}}}); r.Status != 409 {
			t.Fatalf("accepting an old version: %d", r.Status)
		}
		r = c.Post(api.PathConsents, api.DocumentsRequest{Accept: m.ConsentsDue})
		var after api.Me
		r.JSON(t, &after)
		if r.Status != 200 || len(after.ConsentsDue) != 0 {
			t.Fatalf("accept: %d %s", r.Status, r.Body)
		}
		if r := put(c, api.PathPersonal, p, etag(m.Version)); r.Status != 200 {
			t.Fatalf("a change after accepting: %d %s", r.Status, r.Body)
		}
		if kinds := eventKinds(t, c); !contains(kinds, "terms_accepted") {
			t.Fatalf("events: %v", kinds)
		}
	})
}

func etag(v int64) string { return `"v` + itoa(int(v)) + `"` }
