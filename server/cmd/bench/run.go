package main

import (
	"context"
	"os"
	"path/filepath"
)

// run measures the selected parts in order; a part that fails is named in
// the report and the others still run.
func (b *bench) run(ctx context.Context) error {
	if b.sel["wasm"] {
		b.step("wasm size", func() error {
			r, err := measureWasm(ctx, b.root, b.tmp, b.p)
			if err == nil {
				b.addWasm(r)
			}
			return err
		})
	}
	if !(b.sel["login"] || b.sel["me"] || b.sel["idle"] || b.sel["storm"] || b.sel["budget"] || b.sel["mail"] || b.sel["browser"] || b.sel["enum"] || b.sel["assistant"]) {
		return ctx.Err()
	}
	b.binary = filepath.Join(b.tmp, "benchserver")
	b.p.printf("building the portal process (%s)", serverPkg)
	if err := buildServer(ctx, b.root, b.binary); err != nil {
		return err
	}
	if url := os.Getenv("BENCH_DATABASE_URL"); url != "" {
		dsn, drop, err := freshPostgres(ctx, url, b.runID, b.p)
		if err != nil {
			return err
		}
		b.dbURL, b.dropDB = dsn, drop
		b.rep.database = "PostgreSQL (BENCH_DATABASE_URL, a new database for this run)"
	}

	if b.sel["login"] || b.sel["me"] || b.sel["idle"] || b.sel["storm"] || b.sel["mail"] || b.sel["enum"] {
		err := b.withServer(ctx, "capture", func(srv *server) error { return b.accountsAndLogins(ctx, srv) })
		if err != nil {
			return err
		}
	}
	if b.sel["idle"] {
		b.step("idle memory", func() error {
			return b.withServer(ctx, "capture", func(srv *server) error {
				r, err := measureIdle(ctx, srv, newLoginPool(srv.base, b.accounts), b.p)
				if err == nil {
					b.addIdle(r)
				}
				return err
			})
		})
	}
	if b.sel["budget"] {
		b.step("per-IP budget", func() error {
			return b.withServer(ctx, "capture", func(srv *server) error {
				r, err := measureBudget(ctx, srv, b.p)
				if err == nil {
					b.addBudget(r)
				}
				return err
			})
		})
	}
	if b.sel["storm"] {
		b.step("login storm", func() error {
			return b.withServer(ctx, "capture", func(srv *server) error {
				r, err := measureStorm(ctx, srv, newLoginPool(srv.base, b.accounts), b.prof, b.p)
				if err == nil || r.metrics != nil {
					b.addStorm(r)
				}
				return err
			})
		})
	}
	if b.sel["assistant"] {
		b.step("assistant", func() error {
			return b.withServer(ctx, "capture", func(srv *server) error {
				r, err := measureAssistant(ctx, srv, b.root, b.p)
				if err == nil {
					b.addAssistant(r)
				}
				return err
			})
		})
	}
	if b.sel["mail"] || b.sel["browser"] {
		mode := "capture"
		if b.sel["mail"] {
			mode = "mailgun"
		}
		return b.withServer(ctx, mode, func(srv *server) error {
			if b.sel["mail"] {
				b.step("code mail", func() error {
					r, err := measureMail(ctx, srv, b.accounts, min(50, len(b.accounts)), b.p)
					if len(r.latencies) > 0 {
						b.addMail(r)
					}
					return err
				})
			}
			if b.sel["browser"] {
				b.step("browser load", func() error {
					r, err := measureBrowser(ctx, srv, b.tmp, b.p)
					if err == nil {
						b.addBrowser(r)
					}
					return err
				})
				b.step("slow phone", func() error {
					r, err := measurePhone(ctx, srv, b.tmp, b.p)
					if err == nil {
						b.addPhone(r)
					}
					return err
				})
			}
			return nil
		})
	}
	return ctx.Err()
}

// accountsAndLogins registers the accounts, then measures logins and /me on
// the same portal process.
func (b *bench) accountsAndLogins(ctx context.Context, srv *server) error {
	b.p.printf("registering %d accounts through the API (register, mail, confirm)", b.accountsN)
	accounts, err := createAccounts(ctx, srv.base, b.runID, b.accountsN, b.p)
	if err != nil {
		return err
	}
	b.accounts = accounts
	pool := newLoginPool(srv.base, accounts)
	if b.sel["login"] {
		b.step("logins", func() error {
			r, err := measureLogins(ctx, srv, pool, b.prof, b.p)
			b.addLogins(r)
			return err
		})
	}
	pool.settle()
	if b.sel["enum"] {
		b.step("enumeration", func() error {
			r, err := measureEnumeration(ctx, srv.base, b.runID, accounts, b.p)
			if err == nil {
				b.addEnumeration(r)
			}
			return err
		})
	}
	if b.sel["me"] {
		b.step("GET /api/v1/me", func() error {
			r, err := measureMe(ctx, srv, accounts, b.prof, b.p)
			if len(r.rounds) > 0 {
				b.addMe(r)
			}
			return err
		})
	}
	return nil
}

// withServer runs fn against a new portal process and stops it after.
func (b *bench) withServer(ctx context.Context, mailMode string, fn func(*server) error) error {
	srv, err := b.start(ctx, mailMode)
	if err != nil {
		return err
	}
	err = fn(srv)
	if stopErr := srv.stop(); stopErr != nil && err == nil {
		b.p.printf("portal process %d: %v (log: %s)", srv.pid, stopErr, srv.logPath)
	}
	return err
}

// step runs one part and records its failure without stopping the run.
func (b *bench) step(name string, fn func() error) {
	if err := fn(); err != nil {
		b.p.printf("%s failed: %v", name, err)
		b.rep.fail(name, err)
	}
}
