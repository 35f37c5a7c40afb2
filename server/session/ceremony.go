package session

import (
	"time"
)

// Kinds of flows of passkey ceremonies.
const (
	FlowPasskeyLogin = "passkey_login" // "Log in with a passkey" waits for the browser
	FlowPasskeyAdd   = "passkey_add"   // a new passkey waits for the browser to create it
)

// Ceremony is a WebAuthn ceremony waiting for the browser's answer: the
// challenge the browser signs, the user handle a new passkey gets, and when
// it runs out. It belongs to one flow and is used once: TakeCeremony
// removes it before the answer is checked, so a second answer to the same
// challenge finds nothing.
type Ceremony struct {
	Challenge string    `json:"challenge"`
	Handle    []byte    `json:"handle,omitempty"` // registration only
	Until     time.Time `json:"until"`
}

// TakeCeremony removes the ceremony of the session's flow of kind and
// returns it with the flow, if there is one that has not run out at now.
func (s *Session) TakeCeremony(kind string, now time.Time) (Flow, Ceremony, bool) {
	f := s.data.Flow
	if f == nil || f.Kind != kind || f.Passkey == nil {
		return Flow{}, Ceremony{}, false
	}
	c := *f.Passkey
	f.Passkey, s.dirty = nil, true
	out, _ := s.Flow()
	return out, c, now.Before(c.Until)
}

// Granted reports whether a fresh step-up for action is there at now,
// without using it up (a passkey's creation is asked for first, then
// carried out once the browser made it).
func (s *Session) Granted(action string, now time.Time) bool {
	g := s.data.Grant
	return g != nil && g.Action == action && now.Before(g.Until)
}

// PendingTOTP is an authenticator app being set up: its key, sealed (the
// session row is in the database), until the first code confirms it.
type PendingTOTP struct {
	Sealed string    `json:"sealed"`
	Until  time.Time `json:"until"`
}

// StartTOTP keeps the key of an authenticator app being set up, replacing
// one set up before.
func (s *Session) StartTOTP(p PendingTOTP) { s.data.TOTP, s.dirty = &p, true }

// PendingTOTP returns the authenticator app being set up, if it has not run
// out at now.
func (s *Session) PendingTOTP(now time.Time) (PendingTOTP, bool) {
	if s.data.TOTP == nil || !now.Before(s.data.TOTP.Until) {
		return PendingTOTP{}, false
	}
	return *s.data.TOTP, true
}

// EndTOTP forgets the authenticator app being set up.
func (s *Session) EndTOTP() {
	if s.data.TOTP != nil {
		s.data.TOTP, s.dirty = nil, true
	}
}
