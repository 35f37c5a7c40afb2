package testenv

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/driver/pgdriver"

	"github.com/minicorp/miniid/server/store"
)

// DB is one database a contract test runs on.
type DB struct {
	Name string // "sqlite" or "postgres"
	URL  string // DATABASE_URL to give the server ("" for SQLite)
	Dir  string // DATA_DIR for SQLite
	Bun  *bun.DB
}

// ForEachDB runs fn as a subtest on a fresh, migrated SQLite file and on a
// fresh, migrated PostgreSQL database: contract tests written once.
func ForEachDB(t *testing.T, fn func(t *testing.T, db *DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) {
		db := Postgres(t)
		fn(t, db)
	})
}

// ForEachDBAt is ForEachDB with the databases migrated only up to the
// migration upTo (an older schema, for tests of the next migration).
func ForEachDBAt(t *testing.T, upTo string, fn func(t *testing.T, db *DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, sqliteAt(t, upTo)) })
	t.Run("postgres", func(t *testing.T) { fn(t, postgresAt(t, upTo)) })
}

// SQLite opens a fresh, migrated SQLite database in a temporary directory.
func SQLite(t testing.TB) *DB { t.Helper(); return sqliteAt(t, "") }

func sqliteAt(t testing.TB, upTo string) *DB {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(context.Background(), "", dir)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := store.MigrateUpTo(context.Background(), db, upTo); err != nil {
		t.Fatalf("migrate sqlite: %v", err)
	}
	return &DB{Name: "sqlite", Dir: dir, Bun: db}
}

// PostgresAt is Postgres with the database migrated only up to the
// migration upTo: the schema an older release runs on.
func PostgresAt(t testing.TB, upTo string) *DB { t.Helper(); return postgresAt(t, upTo) }

// Postgres creates a fresh, migrated database on TEST_DATABASE_URL's server,
// or on a throwaway cluster started from the installed binaries; it skips
// (fails in strict mode) when neither is possible.
func Postgres(t testing.TB) *DB { t.Helper(); return postgresAt(t, "") }

func postgresAt(t testing.TB, upTo string) *DB {
	t.Helper()
	admin, err := adminURL()
	if err != nil {
		Skip(t, "no PostgreSQL: "+err.Error())
	}
	return createPostgres(t, admin, upTo)
}

// Database creates a fresh, migrated database on the cluster.
func (c *Cluster) Database(t testing.TB) *DB {
	t.Helper()
	return createPostgres(t, c.URL, "")
}

// createPostgres creates a database on the server of admin, migrated up to
// upTo ("" for all), and drops it when the test ends.
func createPostgres(t testing.TB, admin, upTo string) *DB {
	t.Helper()
	name := "miniid_test_" + randomHex(6)
	adminDB := openPG(admin)
	defer adminDB.Close()
	ctx := context.Background()
	if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	u, _ := url.Parse(admin)
	u.Path = "/" + name
	dsn := u.String()
	db, err := store.Open(ctx, dsn, "")
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		a := openPG(admin)
		defer a.Close()
		a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	if err := store.MigrateUpTo(ctx, db, upTo); err != nil {
		t.Fatalf("migrate postgres: %v", err)
	}
	return &DB{Name: "postgres", URL: dsn, Bun: db}
}

func openPG(dsn string) *bun.DB {
	return bun.NewDB(sql.OpenDB(pgdriver.NewConnector(pgdriver.WithDSN(dsn))), pgdialect.New())
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("testenv: random: %v", err))
	}
	return hex.EncodeToString(b)
}

// CutConnections ends every connection to db's PostgreSQL database from the
// server side, as a restart or a failover does: each pooled connection of
// whoever uses it fails at its next use.
func (db *DB) CutConnections(t testing.TB) {
	t.Helper()
	if db.Name != "postgres" {
		t.Fatal("testenv: CutConnections needs PostgreSQL")
	}
	u, err := url.Parse(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Path = "/postgres"
	admin := openPG(u.String())
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(),
		"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()", name); err != nil {
		t.Fatalf("cut connections: %v", err)
	}
}
