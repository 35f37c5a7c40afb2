package portal

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/config"
	"github.com/minicorp/miniid/server/jobs"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/server/store"
)

// Database is what a command of the server binary works with: the migrated
// database and the sign-in use cases on it (no mail is sent).
type Database struct {
	DB   *bun.DB
	Auth *auth.Service
}

// WithDatabase reads the configuration like New, opens and migrates the
// database, runs fn on it and closes it (the server's subcommands, such as
// `agent add`).
func WithDatabase(ctx context.Context, getenv func(string) string, fn func(context.Context, Database) error) error {
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return err
	}
	if err := cfg.LoadOrCreateSecret(); err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := store.Migrate(ctx, db); err != nil {
		return err
	}
	clk, keys := clock.System{}, keyring.New(cfg.SecretKeys...)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	a := auth.New(auth.Deps{
		DB: db, Clock: clk, Rand: rand.Reader, Keys: keys, Hasher: auth.NewHasher(auth.OWASP, rand.Reader, 0),
		Codes: otp.New(keys, clk, rand.Reader), Tokens: linktoken.New(keys, clk, rand.Reader),
		Notify: notify.New(clk, cfg.BaseURL, cfg.Brand, nil), Jobs: jobs.New(db, clk, quiet), Log: quiet,
	})
	return fn(ctx, Database{DB: db, Auth: a})
}
