package testenv

import (
	"context"
	"testing"

	"github.com/minicorp/miniid/server/store"
)

func TestMain(m *testing.M) { Main(m) }

func TestForEachDBMigratesAndPings(t *testing.T) {
	ForEachDB(t, func(t *testing.T, db *DB) {
		if err := store.Ping(context.Background(), db.Bun); err != nil {
			t.Fatal(err)
		}
		// Migrating twice is a no-op.
		if err := store.Migrate(context.Background(), db.Bun); err != nil {
			t.Fatal(err)
		}
		n, err := db.Bun.NewSelect().Model((*store.User)(nil)).Count(context.Background())
		if err != nil || n != 0 {
			t.Fatalf("users: %d, %v", n, err)
		}
	})
}
