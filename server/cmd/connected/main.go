// Command connected runs "MINI Connected", the demo app that logs in with
// the portal's OpenID Connect provider (package server/internal/connected).
// make demo starts it beside the portal, registered through
// server/cmd/connected/clients.dev.json.
//
// Environment: PORTAL_URL (the portal's BASE_URL, default
// http://localhost:8080), CONNECTED_URL (where this app is reached, default
// http://localhost:8081; its port is the one listened on),
// CONNECTED_CLIENT_ID and CONNECTED_CLIENT_SECRET (default: the dev
// registration's), CONNECTED_NAME (default "MINI Connected").
package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/minicorp/miniid/server/internal/connected"
)

// The registration in clients.dev.json. The secret is public: it is for a
// laptop, never for a portal anyone else can reach.
const (
	devClientID     = "mini-connected"
	devClientSecret = "dev-only-secret-of-mini-connected-0123456789"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	cfg := connected.Config{
		Issuer:       env("PORTAL_URL", "http://localhost:8080"),
		PublicURL:    env("CONNECTED_URL", "http://localhost:8081"),
		ClientID:     env("CONNECTED_CLIENT_ID", devClientID),
		ClientSecret: env("CONNECTED_CLIENT_SECRET", devClientSecret),
		Name:         env("CONNECTED_NAME", "MINI Connected"),
	}
	u, err := url.Parse(cfg.PublicURL)
	if err != nil || u.Port() == "" {
		log.Error("CONNECTED_URL must be an address with a port, like http://localhost:8081")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a, err := connected.New(ctx, cfg, time.Minute, log)
	if err != nil {
		log.Error("connected: cannot start", "err", err)
		os.Exit(1)
	}
	srv := &http.Server{Addr: net.JoinHostPort("", u.Port()), Handler: a.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	log.Info("MINI Connected listening", "url", cfg.PublicURL, "portal", cfg.Issuer)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Error("connected: serve", "err", err)
		os.Exit(1)
	}
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
