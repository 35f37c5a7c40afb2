package session

import "time"

// Return is where the browser goes once it is signed in: an app's
// authorization request (OpenID Connect) that waits for this login. It is
// kept in the session, so it is bound to the browser, and it runs out at
// Until with the request.
type Return struct {
	// Path is the portal address to go to (the request's continuation).
	Path  string    `json:"path"`
	Until time.Time `json:"until"`
	// Client names the app (its client id) for the login page to show.
	Client string `json:"client,omitempty"`
	// Factors is the least number of distinct factors the app asked for
	// (0: the account's own policy decides). The funnel asks for more
	// factors when it is higher than the policy's.
	Factors int `json:"factors,omitempty"`
	// Fresh asks for a login although the session is signed in: the app
	// wants a new one (prompt=login, max_age, a higher level).
	Fresh bool `json:"fresh,omitempty"`
	// Hint is the identifier the app suggests (login_hint).
	Hint string `json:"hint,omitempty"`
}

// SetReturn makes the session go to r once signed in.
func (s *Session) SetReturn(r Return) { s.data.Return, s.dirty = &r, true }

// Return is where the session goes once signed in, if anywhere and not run
// out at now.
func (s *Session) Return(now time.Time) (Return, bool) {
	r := s.data.Return
	if r == nil || !now.Before(r.Until) {
		return Return{}, false
	}
	return *r, true
}

// ClearReturn forgets where the session was to go (the app got its answer).
func (s *Session) ClearReturn() {
	if s.data.Return != nil {
		s.data.Return, s.dirty = nil, true
	}
}

// LeastFactors is how many distinct factors the place the session returns
// to asks for at least (0 when nothing waits).
func (s *Session) LeastFactors(now time.Time) int {
	r, ok := s.Return(now)
	if !ok {
		return 0
	}
	return r.Factors
}

// Leave is where an app asked the browser to go after it logged out, kept
// while the customer decides whether to log out of the portal as well (the
// app did not prove whose session it ends, so the portal asks).
type Leave struct {
	URI    string    `json:"uri"`
	Client string    `json:"client,omitempty"`
	Until  time.Time `json:"until"`
}

// SetLeave keeps l for the sign-out page.
func (s *Session) SetLeave(l Leave) { s.data.Leave, s.dirty = &l, true }

// Leave is where the app asked the browser to go, if it did and that has
// not run out at now.
func (s *Session) Leave(now time.Time) (Leave, bool) {
	l := s.data.Leave
	if l == nil || !now.Before(l.Until) {
		return Leave{}, false
	}
	return *l, true
}
