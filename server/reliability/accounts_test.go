package reliability

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/server/store"
)

// wholeAccount checks that a registration left everything it writes in its
// one transaction: the user, the password credential (and the column the
// previous release reads), the confirmation link, its mail in the outbox
// and the "registered" event. A crash or an outage may lose a registration
// that was not yet answered, but never leave half of one.
func wholeAccount(ctx context.Context, db *testenv.DB, u *store.User) error {
	creds, err := store.CredentialsOf(ctx, db.Bun, u.ID)
	if err != nil {
		return err
	}
	hasPassword := false
	for _, c := range creds {
		hasPassword = hasPassword || (c.Type == store.CredentialPassword && c.Config != "")
	}
	var missing []string
	if !hasPassword {
		missing = append(missing, "password credential")
	}
	if u.LegacyPasswordHash == "" {
		missing = append(missing, "users.password_hash (read by the previous release)")
	}
	count := func(model any, where string, args ...any) int {
		n, err2 := db.Bun.NewSelect().Model(model).Where(where, args...).Count(ctx)
		if err2 != nil {
			err = errors.Join(err, err2)
		}
		return int(n)
	}
	if count((*store.Token)(nil), "user_id = ? AND purpose = 'confirm'", u.ID) == 0 {
		missing = append(missing, "confirmation link")
	}
	if count((*store.OutboxMail)(nil), "to_addr = ?", u.Email) == 0 {
		missing = append(missing, "confirmation mail")
	}
	if count((*store.SecurityEvent)(nil), "user_id = ? AND kind = ?", u.ID, audit.EventRegistered) == 0 {
		missing = append(missing, "registered event")
	}
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return fmt.Errorf("a half-made account (user %d): no %v", u.ID, missing)
	}
	return nil
}

// everyAccountWhole checks wholeAccount for every account in db and returns
// how many there are.
func everyAccountWhole(t testing.TB, db *testenv.DB) int {
	t.Helper()
	ctx := context.Background()
	var users []store.User
	if err := db.Bun.NewSelect().Model(&users).Scan(ctx); err != nil {
		t.Fatal(err)
	}
	for i := range users {
		if err := wholeAccount(ctx, db, &users[i]); err != nil {
			t.Errorf("%s: %v", users[i].Email, err)
		}
	}
	return len(users)
}
