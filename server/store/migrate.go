package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"testing/fstest"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"
)

//go:embed migrations
var migrationFiles embed.FS

// Migrate applies the pending migrations of db's dialect under bun/migrate's
// lock, waiting for another process that holds it (several portals may start
// at once on one PostgreSQL).
func Migrate(ctx context.Context, db *bun.DB) error { return MigrateUpTo(ctx, db, "") }

// MigrateUpTo is Migrate, but stops after the migration whose id (its
// timestamp, like "20261127000001") is upTo; "" applies all. Tests fill a
// database in an older schema with it, to prove the next migration keeps
// that data and an older process working.
func MigrateUpTo(ctx context.Context, db *bun.DB, upTo string) error {
	dir := "migrations/sqlite"
	if IsPostgres(db) {
		dir = "migrations/postgres"
	}
	sub, err := fs.Sub(migrationFiles, dir)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if upTo != "" {
		if sub, err = migrationsUpTo(sub, upTo); err != nil {
			return err
		}
	}
	migrations := migrate.NewMigrations()
	if err := migrations.Discover(sub); err != nil {
		return fmt.Errorf("store: discover migrations: %w", err)
	}
	m := migrate.NewMigrator(db, migrations)
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("store: init migrations: %w", err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := m.Lock(ctx)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("store: lock migrations: %w", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
	defer m.Unlock(context.WithoutCancel(ctx)) //nolint:errcheck // best effort; a failed unlock is logged by the next Lock
	if _, err := m.Migrate(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// migrationsUpTo copies the migration files up to id upTo into memory.
func migrationsUpTo(all fs.FS, upTo string) (fs.FS, error) {
	entries, err := fs.ReadDir(all, ".")
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	out := fstest.MapFS{}
	for _, e := range entries {
		if id, _, _ := strings.Cut(e.Name(), "_"); id > upTo {
			continue
		}
		b, err := fs.ReadFile(all, e.Name())
		if err != nil {
			return nil, fmt.Errorf("store: migrations: %w", err)
		}
		out[e.Name()] = &fstest.MapFile{Data: b}
	}
	return out, nil
}
