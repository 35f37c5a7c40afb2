package auth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// Session lifetimes (SPEC §3).
const (
	IdleTimeout     = 30 * time.Minute
	AbsoluteTimeout = 12 * time.Hour
	touchEvery      = time.Minute
)

// Keys of a session's Values.
const (
	valUserID  = "uid"
	valState   = "state"
	valCSRF    = "csrf"
	valFlow    = "flow"
	valAuthAt  = "auth_at"
	valPending = "pending" // the change a dialog is confirming with a code
)

// SessionStore is a gorilla/sessions Store whose sessions live in the
// database: the cookie holds only a signed 256-bit random id, the table only
// its SHA-256, so sessions can be listed and revoked and a database leak does
// not hand out live cookies.
type SessionStore struct {
	db      *bun.DB
	clock   clock.Clock
	rand    io.Reader
	codec   *securecookie.SecureCookie
	name    string
	options sessions.Options
}

var _ sessions.Store = (*SessionStore)(nil)

// NewSessionStore returns a store whose cookie is "__Host-miniid" behind HTTPS
// (Secure, no Domain, Path=/) and "miniid" on plain HTTP.
func NewSessionStore(db *bun.DB, keys Keys, clk clock.Clock, rand io.Reader, secure bool) *SessionStore {
	name := "miniid"
	if secure {
		name = "__Host-miniid"
	}
	codec := securecookie.New(keys.Derive("session-cookie"), nil)
	codec.MaxAge(int(AbsoluteTimeout / time.Second))
	return &SessionStore{
		db: db, clock: clk, rand: rand, codec: codec, name: name,
		options: sessions.Options{Path: "/", HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode, MaxAge: 0},
	}
}

// Name is the session cookie's name.
func (s *SessionStore) Name() string { return s.name }

// Get returns the request's session, cached for the request.
func (s *SessionStore) Get(r *http.Request, name string) (*sessions.Session, error) {
	return sessions.GetRegistry(r).Get(s, name)
}

// New loads the session named by the cookie, or starts an empty one. An
// unknown, expired or idle session is treated as no session.
func (s *SessionStore) New(r *http.Request, name string) (*sessions.Session, error) {
	sess := sessions.NewSession(s, name)
	opts := s.options
	sess.Options = &opts
	sess.IsNew = true
	c, err := r.Cookie(name)
	if err != nil {
		return sess, nil
	}
	var id string
	if err := s.codec.Decode(name, c.Value, &id); err != nil {
		return sess, nil
	}
	now := s.clock.Now()
	row, err := store.SessionByHash(r.Context(), s.db, sha256Hex(id), now)
	if errors.Is(err, store.ErrNotFound) {
		return sess, nil
	}
	if err != nil {
		return sess, fmt.Errorf("auth: load session: %w", err)
	}
	if row.LastSeenAt.Add(IdleTimeout).Before(now) {
		store.DeleteSession(r.Context(), s.db, row.IDHash)
		return sess, nil
	}
	sess.ID = id
	sess.IsNew = false
	if row.UserID != nil {
		sess.Values[valUserID] = *row.UserID
	}
	sess.Values[valState] = row.State
	sess.Values[valCSRF] = row.CSRFToken
	// flow_id holds "pending|flow": what a dialog confirms, and its flow.
	pending, flow, ok := strings.Cut(row.FlowID, "|")
	if !ok {
		pending, flow = "", row.FlowID
	}
	sess.Values[valFlow] = flow
	sess.Values[valPending] = pending
	if row.AuthAt != nil {
		sess.Values[valAuthAt] = *row.AuthAt
	}
	sess.Values["_row"] = row
	if now.Sub(row.LastSeenAt) > touchEvery {
		store.TouchSession(r.Context(), s.db, row.IDHash, now)
	}
	return sess, nil
}

// Save writes the session row and the cookie; MaxAge < 0 deletes both.
func (s *SessionStore) Save(r *http.Request, w http.ResponseWriter, sess *sessions.Session) error {
	ctx := r.Context()
	if sess.Options.MaxAge < 0 {
		if sess.ID != "" {
			if err := store.DeleteSession(ctx, s.db, sha256Hex(sess.ID)); err != nil {
				return err
			}
		}
		http.SetCookie(w, sessions.NewCookie(s.name, "", sess.Options))
		return nil
	}
	now := s.clock.Now()
	row := &store.Session{State: api.StateNone, CreatedAt: now, ExpiresAt: now.Add(AbsoluteTimeout)}
	if old, ok := sess.Values["_row"].(*store.Session); ok && sess.ID != "" {
		row.CreatedAt, row.ExpiresAt = old.CreatedAt, old.ExpiresAt
	}
	if sess.ID == "" {
		id, err := randomToken(s.rand, 32)
		if err != nil {
			return err
		}
		sess.ID = id
	}
	if v, ok := sess.Values[valUserID].(int64); ok {
		row.UserID = &v
	}
	row.IDHash = sha256Hex(sess.ID)
	row.State, _ = sess.Values[valState].(string)
	if row.State == "" {
		row.State = api.StateNone
	}
	row.CSRFToken, _ = sess.Values[valCSRF].(string)
	if row.CSRFToken == "" {
		tok, err := randomToken(s.rand, 32)
		if err != nil {
			return err
		}
		row.CSRFToken = tok
		sess.Values[valCSRF] = tok
	}
	flow, _ := sess.Values[valFlow].(string)
	pending, _ := sess.Values[valPending].(string)
	row.FlowID = flow
	if pending != "" {
		row.FlowID = pending + "|" + flow
	}
	if t, ok := sess.Values[valAuthAt].(time.Time); ok {
		row.AuthAt = &t
	}
	row.UserAgent = truncate(r.UserAgent(), 300)
	row.IP = ClientIPFrom(ctx)
	row.LastSeenAt = now
	if err := store.SaveSession(ctx, s.db, row); err != nil {
		return err
	}
	sess.Values["_row"] = row
	encoded, err := s.codec.Encode(s.name, sess.ID)
	if err != nil {
		return fmt.Errorf("auth: encode session cookie: %w", err)
	}
	http.SetCookie(w, sessions.NewCookie(s.name, encoded, sess.Options))
	return nil
}

// Rotate gives the session a new id (and CSRF token), deleting the old row:
// called at login and at each step-up, so a planted id is worthless.
func (s *SessionStore) Rotate(ctx context.Context, sess *sessions.Session) error {
	if sess.ID != "" {
		if err := store.DeleteSession(ctx, s.db, sha256Hex(sess.ID)); err != nil {
			return err
		}
	}
	sess.ID = ""
	delete(sess.Values, "_row")
	delete(sess.Values, valCSRF)
	return nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

type ctxKey int

const clientIPKey ctxKey = 1

// WithClientIP stores the request's client address in ctx (set by the API's
// middleware, which alone knows which proxies to trust).
func WithClientIP(ctx context.Context, ip string) context.Context {
	return context.WithValue(ctx, clientIPKey, ip)
}

// ClientIPFrom returns the client address stored by WithClientIP.
func ClientIPFrom(ctx context.Context) string {
	ip, _ := ctx.Value(clientIPKey).(string)
	return ip
}
