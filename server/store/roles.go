package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// RoleAgent is the role of a support agent: the console at /support.
const RoleAgent = "agent"

// UserRole gives an account a role beyond being a customer.
type UserRole struct {
	bun.BaseModel `bun:"table:user_roles"`

	UserID    int64     `bun:"user_id,pk"`
	Role      string    `bun:"role,pk"`
	GrantedAt time.Time `bun:"granted_at,notnull"`
}

// GrantRole gives the account role; granting it again changes nothing and
// reports false.
func GrantRole(ctx context.Context, db bun.IDB, userID int64, role string, now time.Time) (bool, error) {
	res, err := db.NewInsert().Model(&UserRole{UserID: userID, Role: role, GrantedAt: now}).
		On("CONFLICT (user_id, role) DO NOTHING").Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("store: grant role %s: %w", role, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// HasRole reports whether the account has role.
func HasRole(ctx context.Context, db bun.IDB, userID int64, role string) (bool, error) {
	n, err := db.NewSelect().Model((*UserRole)(nil)).Where("user_id = ? AND role = ?", userID, role).Count(ctx)
	if err != nil {
		return false, fmt.Errorf("store: role %s of %d: %w", role, userID, err)
	}
	return n > 0, nil
}

// AgentAction is one entry of the support agents' audit log: who did what
// to which customer, and the reason they typed.
type AgentAction struct {
	bun.BaseModel `bun:"table:agent_actions"`

	ID            int64     `bun:"id,pk,autoincrement"`
	AgentID       int64     `bun:"agent_id,notnull"`
	AgentEmail    string    `bun:"agent_email,notnull"`
	CustomerID    int64     `bun:"customer_id,notnull"`
	CustomerEmail string    `bun:"customer_email,notnull"`
	Action        string    `bun:"action,notnull"`
	Reason        string    `bun:"reason,notnull"`
	CreatedAt     time.Time `bun:"created_at,notnull"`
}

// AddAgentAction writes an entry of the audit log.
func AddAgentAction(ctx context.Context, db bun.IDB, a *AgentAction) error {
	if _, err := db.NewInsert().Model(a).Returning("id").Exec(ctx); err != nil {
		return fmt.Errorf("store: add agent action: %w", err)
	}
	return nil
}

// RecentAgentActions lists the newest entries of the audit log.
func RecentAgentActions(ctx context.Context, db bun.IDB, limit int) ([]AgentAction, error) {
	out := []AgentAction{}
	if err := db.NewSelect().Model(&out).Order("created_at DESC", "id DESC").Limit(int64(limit)).Scan(ctx); err != nil {
		return nil, fmt.Errorf("store: agent actions: %w", err)
	}
	return out, nil
}
