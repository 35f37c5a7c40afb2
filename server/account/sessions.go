package account

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net"
	"strings"
	"time"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

func newFlow() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Sessions lists the account's active sessions, this one marked.
func (s *Service) Sessions(ctx context.Context, cur *auth.Current) ([]api.SessionInfo, error) {
	rows, err := store.UserSessions(ctx, s.db, cur.UserID(), s.clock.Now())
	if err != nil {
		return nil, err
	}
	idle := s.clock.Now().Add(-auth.IdleTimeout)
	out := []api.SessionInfo{}
	for _, r := range rows {
		if r.LastSeenAt.Before(idle) {
			continue
		}
		out = append(out, api.SessionInfo{
			ID: r.IDHash[:12], Device: Device(r.UserAgent), Network: Network(r.IP),
			LastUsed: r.LastSeenAt.Format(time.RFC3339), Created: r.CreatedAt.Format(time.RFC3339),
			Current: r.IDHash == cur.IDHash(),
		})
	}
	return out, nil
}

// LogoutOthers ends every other session of the account.
func (s *Service) LogoutOthers(ctx context.Context, cur *auth.Current, m auth.Meta) (int, error) {
	n, err := store.DeleteUserSessions(ctx, s.db, cur.UserID(), cur.IDHash())
	if err != nil {
		return 0, err
	}
	return n, s.auth.Event(ctx, s.db, cur.UserID(), auth.EventLogoutOthers, m)
}

// Events lists the account's last 50 security events.
func (s *Service) Events(ctx context.Context, userID int64) ([]api.SecurityEvent, error) {
	rows, err := store.RecentEvents(ctx, s.db, userID, 50)
	if err != nil {
		return nil, err
	}
	out := make([]api.SecurityEvent, 0, len(rows))
	for _, e := range rows {
		out = append(out, api.SecurityEvent{Kind: e.Kind, At: e.CreatedAt.Format(time.RFC3339), Device: Device(e.UserAgent), Network: Network(e.IP)})
	}
	return out, nil
}

// Device names a browser and system from a user agent ("Chrome · Windows"),
// or "" when it cannot tell (the app then says so in its language).
func Device(ua string) string {
	browser := ""
	for _, b := range []struct{ token, name string }{
		{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"}, {"HeadlessChrome/", "Chrome (headless)"},
		{"Chrome/", "Chrome"}, {"Chromium/", "Chromium"}, {"Safari/", "Safari"}, {"curl/", "curl"}, {"Go-http-client", "Go client"},
	} {
		if strings.Contains(ua, b.token) {
			browser = b.name
			break
		}
	}
	system := ""
	for _, o := range []struct{ token, name string }{
		{"Android", "Android"}, {"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Windows", "Windows"},
		{"Mac OS X", "macOS"}, {"CrOS", "ChromeOS"}, {"Linux", "Linux"},
	} {
		if strings.Contains(ua, o.token) {
			system = o.name
			break
		}
	}
	switch {
	case browser != "" && system != "":
		return browser + " · " + system
	case browser != "":
		return browser
	case system != "":
		return system
	}
	return ""
}

// Network shows only the network part of an address (203.0.113.0/24,
// 2001:db8:1::/48): roughly where, without the exact address.
func Network(ip string) string {
	p := net.ParseIP(ip)
	if p == nil {
		return ""
	}
	if v4 := p.To4(); v4 != nil {
		return (&net.IPNet{IP: v4.Mask(net.CIDRMask(24, 32)), Mask: net.CIDRMask(24, 32)}).String()
	}
	return (&net.IPNet{IP: p.Mask(net.CIDRMask(48, 128)), Mask: net.CIDRMask(48, 128)}).String()
}
