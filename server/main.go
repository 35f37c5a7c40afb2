// Command server runs the MINI ID portal: configuration from the
// environment, the database and its migrations, the mail worker, the JSON
// API and the app, until SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // block-end times in mails are shown in Europe/Berlin, even on a machine without zoneinfo

	"github.com/minicorp/miniid/server/portal"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(log)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(os.Args) > 1 {
		// A subcommand (agent add EMAIL) runs and exits; see agent.go.
		if err := command(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "miniid: "+err.Error())
			os.Exit(2)
		}
		return
	}
	if err := run(ctx, os.Getenv, log); err != nil {
		// One clear line, then exit: a bad DATABASE_URL or half a Mailgun
		// configuration must stop the start.
		fmt.Fprintln(os.Stderr, "miniid: "+err.Error())
		os.Exit(1)
	}
}

func run(ctx context.Context, getenv func(string) string, log *slog.Logger) error {
	app, err := portal.New(ctx, getenv, log, portal.Options{})
	if err != nil {
		return err
	}
	defer app.Close()
	err = app.Serve(ctx)
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
