package auth

import (
	"net/http"
	"time"

	"github.com/gorilla/sessions"

	"github.com/minicorp/miniid/shared/api"
)

// Current is the request's session with typed accessors.
type Current struct {
	S     *sessions.Session
	r     *http.Request
	store *SessionStore
}

// Load returns the request's session.
func (st *SessionStore) Load(r *http.Request) (*Current, error) {
	s, err := st.Get(r, st.name)
	if err != nil {
		return nil, err
	}
	return &Current{S: s, r: r, store: st}, nil
}

// Save writes the session and sets the cookie.
func (c *Current) Save(w http.ResponseWriter) error { return c.store.Save(c.r, w, c.S) }

// Exists reports whether the request came with a live session.
func (c *Current) Exists() bool { return !c.S.IsNew }

// State is api.StateNone, StateSecondStep or StateFull.
func (c *Current) State() string {
	if v, ok := c.S.Values[valState].(string); ok && v != "" {
		return v
	}
	return api.StateNone
}

// UserID returns the session's account (0 when none).
func (c *Current) UserID() int64 {
	v, _ := c.S.Values[valUserID].(int64)
	return v
}

// Full reports whether the session is fully logged in.
func (c *Current) Full() bool { return c.State() == api.StateFull && c.UserID() != 0 }

// CSRF returns the session's CSRF token ("" before the session is saved).
func (c *Current) CSRF() string { v, _ := c.S.Values[valCSRF].(string); return v }

// IDHash identifies the session in the table (for "this device").
func (c *Current) IDHash() string {
	if c.S.ID == "" {
		return ""
	}
	return sha256Hex(c.S.ID)
}

// Flow is the id binding codes to this login attempt or dialog.
func (c *Current) Flow() string { v, _ := c.S.Values[valFlow].(string); return v }

// Pending is the change a dialog is confirming with a code.
func (c *Current) Pending() string { v, _ := c.S.Values[valPending].(string); return v }

// AuthAt is when the password was last proven in this session.
func (c *Current) AuthAt() time.Time { v, _ := c.S.Values[valAuthAt].(time.Time); return v }

func (c *Current) setPending(pending, flow string) {
	c.S.Values[valPending] = pending
	c.S.Values[valFlow] = flow
}

// logIn rotates the session id and makes it the given state for userID.
func (c *Current) logIn(userID int64, state string, flow string, now time.Time) error {
	if err := c.store.Rotate(c.r.Context(), c.S); err != nil {
		return err
	}
	c.S.Values[valUserID] = userID
	c.S.Values[valState] = state
	c.S.Values[valFlow] = flow
	delete(c.S.Values, valPending)
	if state == api.StateFull {
		c.S.Values[valAuthAt] = now
	}
	return nil
}

// End deletes the session on the server and in the browser.
func (c *Current) End(w http.ResponseWriter) error {
	c.S.Options.MaxAge = -1
	return c.Save(w)
}

// SetFlow binds the session to a new flow id for a code (Phone ID).
func (c *Current) SetFlow(pending, flow string) { c.setPending(pending, flow) }

// Rotate gives the session a new id, keeping its login (step-up).
func (c *Current) Rotate(now time.Time) error {
	return c.logIn(c.UserID(), c.State(), "", now)
}
