package session

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/clock"
	"github.com/minicorp/miniid/server/keyring"
	"github.com/minicorp/miniid/server/store"
)

// ErrEnded is a save of a session that was ended while the request ran.
var ErrEnded = errors.New("session: ended elsewhere")

// ErrConflict is a save that met a change of the same session by a
// parallel request.
var ErrConflict = errors.New("session: changed by a parallel request")

// DeviceLifetime is how long a browser keeps its device id (browsers cap a
// cookie's life at 400 days).
const DeviceLifetime = 400 * 24 * time.Hour

// Store loads and saves sessions. The cookie holds only a signed 256-bit
// random id, the table only its SHA-256, so sessions can be listed and
// ended, and a database leak hands out no live cookie.
//
// gorilla/securecookie signs and time-limits the cookie value and verifies
// it under every key of the ring (key rotation); gorilla/sessions supplies
// the cookie's options and writes it. Its Store interface, whose untyped
// Values map is saved whole, is not used: sessions here are typed and saved
// conditionally.
type Store struct {
	db      *bun.DB
	clock   clock.Clock
	rand    io.Reader
	codecs  []securecookie.Codec
	name    string
	device  string
	options sessions.Options
}

// NewStore returns a store whose cookies are "__Host-miniid" and
// "__Host-miniid-device" behind HTTPS (Secure, no Domain, Path=/), and
// "miniid" and "miniid-device" on plain HTTP.
func NewStore(db *bun.DB, keys keyring.Ring, clk clock.Clock, rand io.Reader, secure bool) *Store {
	prefix := ""
	if secure {
		prefix = "__Host-"
	}
	var codecs []securecookie.Codec
	for _, k := range keys.DeriveAll("session-cookie") {
		c := securecookie.New(k, nil)
		c.MaxAge(int(DeviceLifetime / time.Second))
		codecs = append(codecs, c)
	}
	return &Store{
		db: db, clock: clk, rand: rand, codecs: codecs, name: prefix + "miniid", device: prefix + "miniid-device",
		options: sessions.Options{Path: "/", HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode},
	}
}

// Name is the session cookie's name.
func (st *Store) Name() string { return st.name }

func (st *Store) random() (string, error) { return keyring.Random(st.rand, 32) }

// Load returns the request's session: the live one its cookie names, or a
// new, unsaved one. An unknown, expired or idle session counts as none.
func (st *Store) Load(r *http.Request) (*Session, error) {
	ctx := r.Context()
	now := st.clock.Now()
	s := &Session{random: st.random, userAgent: r.UserAgent(), ip: audit.ClientIP(ctx)}
	s.device = st.decode(r, st.device)
	id := st.decode(r, st.name)
	if id != "" {
		row, err := store.SessionByHash(ctx, st.db, hashID(id), now)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return nil, fmt.Errorf("session: load: %w", err)
		case row.LastSeenAt.Add(IdleTimeout).Before(now):
			if err := store.DeleteSession(ctx, st.db, row.IDHash); err != nil {
				return nil, fmt.Errorf("session: end idle session: %w", err)
			}
		default:
			if err := s.fill(id, row); err != nil {
				return nil, err
			}
			if now.Sub(row.LastSeenAt) > touchEvery {
				if err := store.TouchSession(ctx, st.db, row.IDHash, now); err != nil {
					return nil, fmt.Errorf("session: touch: %w", err)
				}
			}
			return s, nil
		}
	}
	var err error
	if s.csrf, err = st.random(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Session) fill(id string, row *store.Session) error {
	s.id, s.idHash, s.exists = id, row.IDHash, true
	s.version, s.createdAt, s.expires = row.Version, row.CreatedAt, row.ExpiresAt
	if row.UserID != nil {
		s.userID = *row.UserID
	}
	s.state, s.csrf = row.State, row.CSRFToken
	if row.AuthAt != nil {
		s.authAt = *row.AuthAt
	}
	if row.AMR != "" {
		s.amr = strings.Split(row.AMR, ",")
	}
	if row.Data != "" {
		if err := json.Unmarshal([]byte(row.Data), &s.data); err != nil {
			return fmt.Errorf("session: read data of %s…: %w", row.IDHash[:8], err)
		}
	}
	return nil
}

func (st *Store) decode(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	var v string
	if err := securecookie.DecodeMulti(name, c.Value, &v, st.codecs...); err != nil {
		return ""
	}
	return v
}

// Save writes what changed in s and sets its cookies. A session loaded from
// a row is only ever written over that row at the version it was loaded
// with: when it was ended meanwhile the answer is ErrEnded, and nothing is
// written back.
func (st *Store) Save(ctx context.Context, w http.ResponseWriter, s *Session) error {
	if s.err != nil {
		return s.err
	}
	if s.deviceNew {
		if err := st.setCookie(w, st.device, s.device, int(DeviceLifetime/time.Second)); err != nil {
			return err
		}
		s.deviceNew = false
	}
	if s.ended {
		if s.exists {
			if err := store.DeleteSession(ctx, st.db, s.idHash); err != nil {
				return fmt.Errorf("session: end: %w", err)
			}
		}
		s.exists = false
		http.SetCookie(w, sessions.NewCookie(st.name, "", &sessions.Options{Path: "/", HttpOnly: true, Secure: st.options.Secure, SameSite: st.options.SameSite, MaxAge: -1}))
		return nil
	}
	if !s.dirty {
		return nil
	}
	now := st.clock.Now()
	row := s.row(now)
	var err error
	switch {
	case s.rotate || !s.exists:
		next := s.nextID
		if next == "" {
			if next, err = st.random(); err != nil {
				return err
			}
		}
		row.IDHash, row.Version = hashID(next), 1
		if !s.keepLifetime || !s.exists {
			row.CreatedAt, row.ExpiresAt = now, now.Add(AbsoluteTimeout)
		}
		old := ""
		if s.exists {
			old = s.idHash
		}
		err = store.ReplaceSession(ctx, st.db, old, s.version, row)
		if err == nil {
			s.id, s.idHash, s.version, s.exists, s.rotate, s.nextID = next, row.IDHash, 1, true, false, ""
			s.createdAt, s.expires = row.CreatedAt, row.ExpiresAt
			err = st.setCookie(w, st.name, next, 0)
		}
	default:
		err = store.UpdateSession(ctx, st.db, row)
		if err == nil {
			s.version = row.Version
		}
	}
	switch {
	case errors.Is(err, store.ErrSessionGone):
		return ErrEnded
	case errors.Is(err, store.ErrConflict):
		return ErrConflict
	case err != nil:
		return fmt.Errorf("session: save: %w", err)
	}
	s.dirty = false
	return nil
}

// row is the table row of s as it stands.
func (s *Session) row(now time.Time) *store.Session {
	row := &store.Session{
		IDHash: s.idHash, State: s.State(), CSRFToken: s.csrf, AMR: strings.Join(s.amr, ","),
		Version: s.version, UserAgent: truncate(s.userAgent, 300), IP: s.ip,
		CreatedAt: s.createdAt, ExpiresAt: s.expires, LastSeenAt: now,
	}
	if s.userID != 0 {
		uid := s.userID
		row.UserID = &uid
	}
	if !s.authAt.IsZero() {
		at := s.authAt
		row.AuthAt = &at
	}
	if s.data != (data{}) {
		b, _ := json.Marshal(s.data) // plain structs: cannot fail
		row.Data = string(b)
	}
	return row
}

func (st *Store) setCookie(w http.ResponseWriter, name, value string, maxAge int) error {
	encoded, err := securecookie.EncodeMulti(name, value, st.codecs...)
	if err != nil {
		return fmt.Errorf("session: encode cookie %s: %w", name, err)
	}
	opts := st.options
	opts.MaxAge = maxAge
	http.SetCookie(w, sessions.NewCookie(name, encoded, &opts))
	return nil
}

// hashID is the row key of a session id: the ids are 256-bit random, so a
// plain hash is enough.
func hashID(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
