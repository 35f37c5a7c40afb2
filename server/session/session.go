// Package session keeps the browser sessions on the server, typed: who is
// signed in, with which methods, what the session is waiting for (the
// second factor of a login, a dialog's code), and which change a fresh
// step-up allows. Handlers change a Session through its methods; the Store
// loads it at the start of a request and saves it — conditionally, so a
// session ended by another request is never written back — before the
// answer's first byte.
package session

import (
	"slices"
	"time"

	"github.com/minicorp/miniid/shared/api"
)

// Lifetimes (SPEC §3).
const (
	IdleTimeout     = 30 * time.Minute
	AbsoluteTimeout = 12 * time.Hour
	touchEvery      = time.Minute
)

// Kinds of flows a session can wait in.
const (
	FlowLogin  = "login"  // a login waits for its second factor
	FlowStepUp = "stepup" // a dialog waits for its code before a change
	FlowPhone  = "phone"  // a new Phone ID waits for its SMS code
)

// Flow is what the session waits for. ID binds codes to this one attempt,
// so a code from another login or dialog never fits.
type Flow struct {
	Kind    string    `json:"kind"`
	ID      string    `json:"id"`
	Action  string    `json:"action,omitempty"` // the change a step-up is for
	Target  string    `json:"target,omitempty"` // what a change is about: a new Phone ID
	AMR     []string  `json:"amr,omitempty"`    // the methods proven so far in this flow
	Method  string    `json:"method,omitempty"` // the method asked for next
	Started time.Time `json:"started"`
	// Passkey is the flow's WebAuthn ceremony waiting for the browser's
	// answer (see ceremony.go).
	Passkey *Ceremony `json:"passkey,omitempty"`
}

// Grant is a fresh step-up: the change it was made for, until when.
type Grant struct {
	Action string    `json:"action"`
	Until  time.Time `json:"until"`
}

// data is what the row's data column holds.
type data struct {
	Flow   *Flow        `json:"flow,omitempty"`
	Grant  *Grant       `json:"grant,omitempty"`
	Return *Return      `json:"return,omitempty"`
	Leave  *Leave       `json:"leave,omitempty"`
	TOTP   *PendingTOTP `json:"totp,omitempty"`
	// Registered is the address this browser registered last, for the
	// HTML page "Please confirm your e-mail address" (the app keeps it in
	// its own storage).
	Registered string `json:"registered,omitempty"`
}

// Session is one browser's session. The zero value is not usable; the Store
// makes them.
type Session struct {
	userID int64
	state  string
	csrf   string
	amr    []string
	authAt time.Time
	data   data

	id, idHash         string // the cookie's id and its SHA-256 (the row's key)
	version            int64
	createdAt, expires time.Time
	userAgent, ip      string
	exists             bool // loaded from a row that was there
	dirty              bool // changed: save it
	rotate             bool // give it a new id when saving
	ended              bool
	keepLifetime       bool // a rotation for the same account keeps the absolute end

	device    string // the device cookie's id, "" when the browser has none
	deviceNew bool   // set the device cookie when saving

	nextID string                 // the id a rotation gives it at the save
	random func() (string, error) // 256-bit random ids and tokens
	err    error                  // a failure to make one, reported by the save
}

// UserID is the session's account (0 when none).
func (s *Session) UserID() int64 { return s.userID }

// State is api.StateNone, StateSecondStep or StateFull.
func (s *Session) State() string {
	if s.state == "" {
		return api.StateNone
	}
	return s.state
}

// Full reports whether the session is fully signed in.
func (s *Session) Full() bool { return s.state == api.StateFull && s.userID != 0 }

// CSRF is the token state-changing requests of this session must send.
func (s *Session) CSRF() string { return s.csrf }

// AMR lists the methods proven for the session's sign-in.
func (s *Session) AMR() []string { return slices.Clone(s.amr) }

// AuthAt is when the last factor was proven.
func (s *Session) AuthAt() time.Time { return s.authAt }

// Exists reports whether the request came with a live session.
func (s *Session) Exists() bool { return s.exists }

// IDHash identifies the session's row ("" before it has one).
func (s *Session) IDHash() string { return s.idHash }

// Device is the browser's device id ("" when it has none yet).
func (s *Session) Device() string { return s.device }

// Flow returns what the session waits for, if anything.
func (s *Session) Flow() (Flow, bool) {
	if s.data.Flow == nil {
		return Flow{}, false
	}
	f := *s.data.Flow
	f.AMR = slices.Clone(f.AMR)
	return f, true
}

// Persist makes a session that has no row yet be saved (the first contact
// of a browser: its CSRF token needs a row to live in).
func (s *Session) Persist() { s.dirty = true }

// SignIn makes the session userID's, in state, with the methods amr proven
// at now, under a new id (a planted or stolen pre-login id is worthless).
// Whatever the session waited for or was granted ends; its Return stays.
func (s *Session) SignIn(userID int64, state string, amr []string, now time.Time) {
	same := s.exists && s.userID == userID && userID != 0
	s.userID, s.state, s.amr, s.authAt = userID, state, slices.Clone(amr), now
	// Where the browser goes once signed in outlives the sign-in: that is
	// what it is for.
	s.data = data{Return: s.data.Return}
	s.rotateID(same)
}

// Rotate gives the session a new id and CSRF token at the next save,
// keeping its account and its absolute end (a step-up).
func (s *Session) Rotate() { s.rotateID(s.exists && s.userID != 0) }

func (s *Session) rotateID(keepLifetime bool) {
	if !s.rotate {
		s.keepLifetime = keepLifetime
	}
	s.rotate, s.dirty = true, true
	// The new id and token are made now, so the answer can carry the token;
	// the row takes the id when the session is saved.
	s.nextID, s.err = s.random()
	if s.err == nil {
		s.csrf, s.err = s.random()
	}
}

// StartFlow makes the session wait for f.
func (s *Session) StartFlow(f Flow) { s.data.Flow = &f; s.dirty = true }

// EndFlow stops waiting.
func (s *Session) EndFlow() {
	if s.data.Flow != nil {
		s.data.Flow, s.dirty = nil, true
	}
}

// GrantStepUp records a fresh step-up for action until until.
func (s *Session) GrantStepUp(action string, until time.Time) {
	s.data.Grant, s.dirty = &Grant{Action: action, Until: until}, true
}

// TakeGrant consumes a fresh step-up for action: true when there was one
// and it has not run out.
func (s *Session) TakeGrant(action string, now time.Time) bool {
	g := s.data.Grant
	if g == nil || g.Action != action || !now.Before(g.Until) {
		return false
	}
	s.data.Grant, s.dirty = nil, true
	return true
}

// NoteRegistered remembers the address a registration from this browser
// went to.
func (s *Session) NoteRegistered(email string) {
	if s.data.Registered != email {
		s.data.Registered, s.dirty = email, true
	}
}

// Registered is the address of this browser's last registration.
func (s *Session) Registered() string { return s.data.Registered }

// End deletes the session on the server and in the browser.
func (s *Session) End() { s.ended, s.dirty = true, true }

// Ended reports whether End was called.
func (s *Session) Ended() bool { return s.ended }

// NeedDevice gives the browser a device id if it has none, so that its
// next sign-ins are recognised.
func (s *Session) NeedDevice(id string) {
	if s.device == "" {
		s.device, s.deviceNew = id, true
	}
}
