package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	"github.com/uptrace/bun/driver/pgdriver"
)

// freshPostgres creates an empty database next to the one BENCH_DATABASE_URL
// names and returns its URL and a func that drops it. When the role may not
// create databases, the benchmark runs on the given database itself (its
// accounts have addresses of their own, so an old run does not collide).
func freshPostgres(ctx context.Context, admin, runID string, p *progress) (dsn string, drop func(), err error) {
	u, err := url.Parse(admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", nil, fmt.Errorf("BENCH_DATABASE_URL must look like postgres://user:password@host:5432/dbname")
	}
	db := sql.OpenDB(pgdriver.NewConnector(pgdriver.WithDSN(admin), pgdriver.WithTimeout(10*time.Second)))
	defer db.Close()
	name := "miniid_bench_" + runID
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		p.printf("cannot create a database (%v): running on BENCH_DATABASE_URL's own database", err)
		return admin, func() {}, nil
	}
	u.Path = "/" + name
	drop = func() {
		db := sql.OpenDB(pgdriver.NewConnector(pgdriver.WithDSN(admin), pgdriver.WithTimeout(10*time.Second)))
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			p.printf("drop database %s: %v", name, err)
		}
	}
	return u.String(), drop, nil
}
