package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// `miniid agent add EMAIL` gives an existing account the role agent on the
// database the environment names, says so, and warns when the account has
// no second factor yet.
func TestAgentAddCommand(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		env.Register("agent@example.com")
		vars := map[string]string{"DATABASE_URL": db.URL, "DATA_DIR": db.Dir, "SECRET_KEY": strings.Repeat("ab", 32)}
		getenv := func(k string) string { return vars[k] }
		ctx := context.Background()
		var out bytes.Buffer
		if err := command(ctx, []string{"agent", "add", "Agent@Example.com"}, getenv, &out); err != nil {
			t.Fatalf("agent add: %v", err)
		}
		if !strings.Contains(out.String(), "is now a support agent") || !strings.Contains(out.String(), "no second factor") {
			t.Fatalf("output: %s", out.String())
		}
		u, err := store.UserByEmail(ctx, db.Bun, "agent@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := store.HasRole(ctx, db.Bun, u.ID, store.RoleAgent); err != nil || !ok {
			t.Fatalf("role: %v %v", ok, err)
		}
		out.Reset()
		if err := command(ctx, []string{"agent", "add", "agent@example.com"}, getenv, &out); err != nil || !strings.Contains(out.String(), "already") {
			t.Fatalf("again: %v %s", err, out.String())
		}
		if err := command(ctx, []string{"agent", "add", "nobody@example.com"}, getenv, &out); err == nil || !strings.Contains(err.Error(), "no account") {
			t.Fatalf("an unknown address: %v", err)
		}
		out.Reset()
		if err := command(ctx, []string{"agent", "remove"}, getenv, &out); err == nil || !strings.Contains(out.String(), "agent add EMAIL") {
			t.Fatalf("a wrong command: %v %s", err, out.String())
		}
	})
}
