package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/uptrace/bun/driver/sqliteshim"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

// An outage is told from a mistake: what heals by itself (no server on the
// port, a connection the server ended, SQLite busy past its timeout) is
// Unavailable; a bad query, a missing row or a broken rule is not.
func TestUnavailableTellsAnOutageFromAMistake(t *testing.T) {
	ctx := context.Background()
	t.Run("postgres", func(t *testing.T) {
		db := testenv.Postgres(t)
		// Nobody listens on a port just freed.
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		_, err = store.Open(ctx, "postgres://nobody@"+addr+"/none?sslmode=disable", "")
		if err == nil || !store.Unavailable(err) {
			t.Fatalf("no server: %v, unavailable %v", err, store.Unavailable(err))
		}
		// The server ends this connection, as a shutdown does (57P01).
		conn, err := db.Bun.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_, err = conn.ExecContext(ctx, "SELECT pg_terminate_backend(pg_backend_pid())")
		if err == nil || !store.Unavailable(err) {
			t.Fatalf("terminated connection: %v, unavailable %v", err, store.Unavailable(err))
		}
		for _, mistake := range []error{
			execErr(ctx, db.Bun.DB, "SELECT * FROM no_such_table"),
			execErr(ctx, db.Bun.DB, "INSERT INTO users (email) VALUES (NULL)"),
			fmt.Errorf("store: get user: %w", store.ErrNotFound),
			sql.ErrNoRows,
			nil,
		} {
			if store.Unavailable(mistake) {
				t.Errorf("a mistake counted as an outage: %v", mistake)
			}
		}
	})
	t.Run("sqlite", func(t *testing.T) {
		db := testenv.SQLite(t)
		// A writer holds the file; another connection that waits only 10 ms
		// is refused with SQLITE_BUSY (the portal's own wait is 10 s).
		impatient, err := sql.Open(sqliteshim.ShimName, "file:"+filepath.Join(db.Dir, "portal.db")+"?_pragma=busy_timeout(10)")
		if err != nil {
			t.Fatal(err)
		}
		defer impatient.Close()
		tx, err := db.Bun.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, "INSERT INTO leases (name, holder, expires_at) VALUES ('x', 'y', ?)", time.Now()); err != nil {
			t.Fatal(err)
		}
		_, err = impatient.ExecContext(ctx, "INSERT INTO leases (name, holder, expires_at) VALUES ('z', 'y', ?)", time.Now())
		if err == nil || !store.Unavailable(err) {
			t.Fatalf("busy: %v, unavailable %v", err, store.Unavailable(err))
		}
		if err := execErr(ctx, db.Bun.DB, "SELECT * FROM no_such_table"); store.Unavailable(err) {
			t.Errorf("a bad query counted as an outage: %v", err)
		}
	})
}

func execErr(ctx context.Context, db *sql.DB, q string) error {
	_, err := db.ExecContext(ctx, q)
	if err == nil {
		return errors.New("expected an error from " + q)
	}
	return err
}
