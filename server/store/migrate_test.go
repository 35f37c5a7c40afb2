package store_test

import (
	"context"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

// The auth-core migration is the expand step of expand-then-contract: on a
// database the previous release filled, it moves passwords and two-factor
// settings into credentials, and while a process of the previous release
// still runs beside the new one, each sees what the other writes.
func TestAuthCoreMigrationKeepsThePreviousReleaseWorking(t *testing.T) {
	testenv.ForEachDBAt(t, "20261127000001", func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		// What the previous release wrote.
		oldInsert := func(email, hash string, twoFactor bool) {
			t.Helper()
			_, err := db.Bun.ExecContext(ctx, "INSERT INTO users (email, password_hash, two_factor, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
				email, hash, twoFactor, t0, t0)
			if err != nil {
				t.Fatal(err)
			}
		}
		oldInsert("anna@example.com", "hash-anna", true)
		oldInsert("ben@example.com", "hash-ben", false)
		var annaID int64
		if err := db.Bun.QueryRowContext(ctx, "SELECT id FROM users WHERE email = 'anna@example.com'").Scan(&annaID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Bun.ExecContext(ctx, "INSERT INTO tokens (user_id, purpose, hash, expires_at, created_at) VALUES (?, 'reset', 'old-token', ?, ?)",
			annaID, t0.Add(1e12), t0); err != nil {
			t.Fatal(err)
		}

		if err := store.Migrate(ctx, db.Bun); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		kinds := func(email string) map[string]string {
			t.Helper()
			u, err := store.UserByEmail(ctx, db.Bun, email)
			if err != nil {
				t.Fatal(err)
			}
			creds, err := store.CredentialsOf(ctx, db.Bun, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]string{}
			for _, c := range creds {
				out[c.Type] = c.Config
			}
			return out
		}
		if k := kinds("anna@example.com"); len(k) != 2 || k[store.CredentialPassword] != "hash-anna" || k[store.CredentialEmailCode] != "" {
			t.Fatalf("anna's credentials: %v", k)
		}
		if k := kinds("ben@example.com"); len(k) != 1 || k[store.CredentialPassword] != "hash-ben" {
			t.Fatalf("ben's credentials: %v", k)
		}
		// A link the previous release mailed still works after the deploy:
		// its empty stamp matches the empty stamp accounts start with.
		anna, _ := store.UserByID(ctx, db.Bun, annaID)
		if tok, err := store.ConsumeToken(ctx, db.Bun, []string{"reset"}, []string{"old-token"}, t0); err != nil || tok.Stamp != anna.SecurityStamp {
			t.Fatalf("old link: %+v %v", tok, err)
		}

		// A process of the previous release keeps writing the old columns.
		if _, err := db.Bun.ExecContext(ctx, "UPDATE users SET password_hash = 'hash-ben-2', updated_at = ?, version = version + 1 WHERE email = 'ben@example.com'", t0); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Bun.ExecContext(ctx, "UPDATE users SET two_factor = ? WHERE email = 'anna@example.com'", false); err != nil {
			t.Fatal(err)
		}
		oldInsert("cleo@example.com", "hash-cleo", false)
		if k := kinds("ben@example.com"); k[store.CredentialPassword] != "hash-ben-2" {
			t.Fatalf("a password changed by the previous release: %v", k)
		}
		if ben, _ := store.UserByEmail(ctx, db.Bun, "ben@example.com"); ben.SecurityStamp == "" {
			t.Fatal("a password changed by the previous release left the links and codes of the old one alive")
		}
		if k := kinds("anna@example.com"); len(k) != 1 {
			t.Fatalf("two-factor switched off by the previous release: %v", k)
		}
		if k := kinds("cleo@example.com"); k[store.CredentialPassword] != "hash-cleo" {
			t.Fatalf("an account registered by the previous release: %v", k)
		}

		// And the previous release reads what this one writes.
		ben, _ := store.UserByEmail(ctx, db.Bun, "ben@example.com")
		if err := store.SetPasswordHash(ctx, db.Bun, ben.ID, "hash-ben-3", t0); err != nil {
			t.Fatal(err)
		}
		if err := store.AddCredential(ctx, db.Bun, &store.Credential{UserID: ben.ID, Type: store.CredentialEmailCode, CreatedAt: t0, UpdatedAt: t0}); err != nil {
			t.Fatal(err)
		}
		if err := store.MirrorLegacy(ctx, db.Bun, ben.ID); err != nil {
			t.Fatal(err)
		}
		var hash string
		var twoFactor bool
		if err := db.Bun.QueryRowContext(ctx, "SELECT password_hash, two_factor FROM users WHERE id = ?", ben.ID).Scan(&hash, &twoFactor); err != nil {
			t.Fatal(err)
		}
		if hash != "hash-ben-3" || !twoFactor {
			t.Fatalf("the previous release would read %q, two-factor %v", hash, twoFactor)
		}
		// Mirroring did not echo back: still one credential of each.
		if k := kinds("ben@example.com"); len(k) != 2 || k[store.CredentialPassword] != "hash-ben-3" {
			t.Fatalf("after mirroring: %v", k)
		}
	})
}

// During a deployment the previous release reads users.two_factor alone: an
// account whose second factor is an authenticator app must read as one with
// two-factor on there (the previous release then asks for an e-mailed code,
// never for the password alone), and the previous release's "switch off"
// switches every second factor off, as its dialog says.
func TestAnAuthenticatorAppIsTwoFactorForThePreviousRelease(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		u := &store.User{Email: "tia@example.com", CreatedAt: t0, UpdatedAt: t0}
		if err := store.CreateUser(ctx, db.Bun, u, "hash-tia"); err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{store.CredentialTOTP, store.CredentialRecoveryCodes} {
			if err := store.AddCredential(ctx, db.Bun, &store.Credential{UserID: u.ID, Type: typ, Config: "x", CreatedAt: t0, UpdatedAt: t0}); err != nil {
				t.Fatal(err)
			}
		}
		if err := store.MirrorLegacy(ctx, db.Bun, u.ID); err != nil {
			t.Fatal(err)
		}
		legacy := func() bool {
			t.Helper()
			var on bool
			if err := db.Bun.QueryRowContext(ctx, "SELECT two_factor FROM users WHERE id = ?", u.ID).Scan(&on); err != nil {
				t.Fatal(err)
			}
			return on
		}
		types := func() map[string]bool {
			t.Helper()
			creds, err := store.CredentialsOf(ctx, db.Bun, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]bool{}
			for _, c := range creds {
				out[c.Type] = true
			}
			return out
		}
		if !legacy() {
			t.Fatal("an account with an authenticator app reads as two-factor off for the previous release")
		}
		if k := types(); k[store.CredentialEmailCode] || !k[store.CredentialTOTP] {
			t.Fatalf("mirroring changed the second factors: %v", k)
		}
		// The previous release switches two-factor off.
		if _, err := db.Bun.ExecContext(ctx, "UPDATE users SET two_factor = ? WHERE id = ?", false, u.ID); err != nil {
			t.Fatal(err)
		}
		if k := types(); len(k) != 1 || !k[store.CredentialPassword] {
			t.Fatalf("after the previous release switched two-factor off: %v", k)
		}
		// And on again: the e-mailed code, the only one it knows.
		if _, err := db.Bun.ExecContext(ctx, "UPDATE users SET two_factor = ? WHERE id = ?", true, u.ID); err != nil {
			t.Fatal(err)
		}
		if k := types(); len(k) != 2 || !k[store.CredentialEmailCode] {
			t.Fatalf("after the previous release switched two-factor on: %v", k)
		}
	})
}
