package account

import (
	"context"
	"time"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// handleLen is how much of a session's id hash the sessions list shows as
// its handle: enough to tell the account's sessions apart, nothing to sign
// in with.
const handleLen = 16

// Sessions lists the account's active sessions, this one marked.
func (s *Service) Sessions(ctx context.Context, sess *session.Session) ([]api.SessionInfo, error) {
	rows, err := store.UserSessions(ctx, s.db, sess.UserID(), s.clock.Now())
	if err != nil {
		return nil, err
	}
	idle := s.clock.Now().Add(-session.IdleTimeout)
	out := []api.SessionInfo{}
	for _, r := range rows {
		if r.LastSeenAt.Before(idle) {
			continue
		}
		out = append(out, api.SessionInfo{
			ID: r.IDHash[:handleLen], Device: audit.Device(r.UserAgent), Network: audit.Network(r.IP),
			LastUsed: r.LastSeenAt.Format(time.RFC3339), Created: r.CreatedAt.Format(time.RFC3339),
			Current: r.IDHash == sess.IDHash(),
		})
	}
	return out, nil
}

// LogoutOthers ends every other session of the account.
func (s *Service) LogoutOthers(ctx context.Context, sess *session.Session, m audit.Meta) (int, error) {
	n, err := store.DeleteUserSessions(ctx, s.db, sess.UserID(), sess.IDHash())
	if err != nil {
		return 0, err
	}
	return n, audit.Record(ctx, s.db, s.clock.Now(), sess.UserID(), audit.EventLogoutOthers, m)
}

// LogoutSession ends one other session of the account, named by the handle
// of the sessions list. It tells how many ended (0: no such session).
func (s *Service) LogoutSession(ctx context.Context, sess *session.Session, handle string, m audit.Meta) (int, error) {
	if len(handle) != handleLen {
		return 0, nil
	}
	n, err := store.DeleteUserSessionByPrefix(ctx, s.db, sess.UserID(), handle, sess.IDHash())
	if err != nil || n == 0 {
		return n, err
	}
	return n, audit.Record(ctx, s.db, s.clock.Now(), sess.UserID(), audit.EventSessionEnded, m)
}

// Events lists the account's last 50 security events.
func (s *Service) Events(ctx context.Context, userID int64) ([]api.SecurityEvent, error) {
	rows, err := store.RecentEvents(ctx, s.db, userID, 50)
	if err != nil {
		return nil, err
	}
	out := make([]api.SecurityEvent, 0, len(rows))
	for _, e := range rows {
		out = append(out, api.SecurityEvent{Kind: e.Kind, At: e.CreatedAt.Format(time.RFC3339), Device: audit.Device(e.UserAgent), Network: audit.Network(e.IP)})
	}
	return out, nil
}
