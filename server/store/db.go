// Package store owns the database: connections, migrations, bun models and the
// queries on them. Repositories take a bun.IDB so the same query runs inside or
// outside a transaction; the use-case packages own the transactions.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/pgdriver"
	"github.com/uptrace/bun/driver/sqliteshim"
)

// ErrNotFound is returned when a row asked for does not exist.
var ErrNotFound = errors.New("store: not found")

// Open connects to PostgreSQL when databaseURL is set, otherwise to the SQLite
// file portal.db in dataDir (WAL, busy timeout, foreign keys, immediate
// transactions so that concurrent writers queue instead of failing). It pings
// the database before returning.
func Open(ctx context.Context, databaseURL, dataDir string) (*bun.DB, error) {
	var db *bun.DB
	if databaseURL != "" {
		if !strings.HasPrefix(databaseURL, "postgres://") && !strings.HasPrefix(databaseURL, "postgresql://") {
			return nil, errors.New("store: DATABASE_URL must start with postgres:// or postgresql://")
		}
		connector := pgdriver.NewConnector(pgdriver.WithDSN(databaseURL), pgdriver.WithTimeout(5*time.Second))
		sqldb := sql.OpenDB(connector)
		sqldb.SetMaxOpenConns(32)
		sqldb.SetMaxIdleConns(32)
		db = bun.NewDB(sqldb, pgdialect.New())
	} else {
		if err := os.MkdirAll(dataDir, 0o700); err != nil {
			return nil, fmt.Errorf("store: create DATA_DIR: %w", err)
		}
		dsn := "file:" + filepath.Join(dataDir, "portal.db") +
			"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)" +
			"&_pragma=synchronous(NORMAL)&_txlock=immediate"
		sqldb, err := sql.Open(sqliteshim.ShimName, dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open sqlite: %w", err)
		}
		sqldb.SetMaxOpenConns(8)
		sqldb.SetMaxIdleConns(8)
		sqldb.SetConnMaxIdleTime(0)
		db = bun.NewDB(sqldb, sqlitedialect.New())
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to database: %w", err)
	}
	return db, nil
}

// IsPostgres tells whether db speaks PostgreSQL (else SQLite).
func IsPostgres(db bun.IDB) bool {
	return db.Dialect().Name() == dialect.PG
}

// Ping checks that the database answers; /healthz uses it.
func Ping(ctx context.Context, db *bun.DB) error {
	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	var one int
	if err := db.NewSelect().ColumnExpr("1").Scan(ctx, &one); err != nil {
		return fmt.Errorf("store: select 1: %w", err)
	}
	return nil
}
