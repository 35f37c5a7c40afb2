package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/minicorp/miniid/server/portal"
	"github.com/minicorp/miniid/server/support"
)

// usage is what `miniid help` and a wrong command print.
const usage = `usage:
  miniid                  run the portal (configuration from the environment, see README)
  miniid agent add EMAIL  make the account with EMAIL a support agent (console at /support)
`

// command runs a subcommand of the server binary on the database the
// environment names, and reports what it did on out.
func command(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	if len(args) != 3 || args[0] != "agent" || args[1] != "add" {
		fmt.Fprint(out, usage)
		return errors.New("unknown command")
	}
	email := args[2]
	return portal.WithDatabase(ctx, getenv, func(ctx context.Context, d portal.Database) error {
		granted, secondFactor, err := support.GrantAgent(ctx, d.DB, d.Auth, email, time.Now())
		if errors.Is(err, support.ErrNoAccount) {
			return fmt.Errorf("agent add: there is no account with the address %s: register it first", email)
		}
		if err != nil {
			return fmt.Errorf("agent add: %w", err)
		}
		if granted {
			fmt.Fprintf(out, "%s is now a support agent.\n", email)
		} else {
			fmt.Fprintf(out, "%s was a support agent already.\n", email)
		}
		if !secondFactor {
			fmt.Fprintf(out, "Note: the account has no second factor yet. The console at /support opens only after a login with one: activate two-factor authentication in Account data.\n")
		}
		return nil
	})
}
