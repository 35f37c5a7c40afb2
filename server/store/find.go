package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/uptrace/bun"
)

// FindUsers looks an account up for the support desk: by exact e-mail
// address, by exact Phone ID (verified or not), or by name (every word of
// query must start the first or last name, case-insensitive). At most limit
// accounts, by id.
func FindUsers(ctx context.Context, db bun.IDB, email, phone string, nameWords []string, limit int) ([]User, error) {
	out := []User{}
	q := db.NewSelect().Model(&out).Order("id ASC").Limit(int64(limit))
	switch {
	case email != "":
		q = q.Where("email = ?", email)
	case phone != "":
		q = q.Where("phone = ?", phone)
	case len(nameWords) > 0:
		for _, w := range nameWords {
			w = likeEscape(strings.ToLower(w)) + "%"
			q = q.Where("(lower(first_name) LIKE ? ESCAPE '\\' OR lower(last_name) LIKE ? ESCAPE '\\')", w, w)
		}
	default:
		return out, nil
	}
	if err := q.Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: find users: %w", err)
	}
	return out, nil
}

// likeEscape makes s match itself in a LIKE pattern.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
