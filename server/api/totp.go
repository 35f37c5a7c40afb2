package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// answerWith answers with what wrap makes of u's profile (a change's result
// that carries the profile along).
func (s *Server) answerWith(w http.ResponseWriter, r *http.Request, u *store.User, wrap func(api.Me) any) {
	me, err := s.toMe(r, u)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, wrap(me))
}

func (s *Server) beginTOTP(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if !decode(w, r, &struct{}{}) {
		return
	}
	setup, err := s.auth.BeginTOTP(r.Context(), sess)
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.TOTPSetup{QR: setup.QR, Key: setup.Key, URI: setup.URI, Issuer: setup.Issuer})
}

func (s *Server) confirmTOTP(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.CodeRequest
	if !decode(w, r, &req) {
		return
	}
	u, codes, err := s.auth.ConfirmTOTP(r.Context(), sess, req.Code, meta(r))
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	s.answerWith(w, r, u, func(me api.Me) any { return api.TOTPResult{Me: me, RecoveryCodes: codes} })
}

func (s *Server) removeTOTP(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if !decode(w, r, &struct{}{}) {
		return
	}
	u, err := s.auth.RemoveTOTP(r.Context(), sess, meta(r))
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	s.answerMe(w, r, u)
}

func (s *Server) newRecoveryCodes(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if !decode(w, r, &struct{}{}) {
		return
	}
	u, codes, err := s.auth.NewRecoveryCodes(r.Context(), sess, meta(r))
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	s.answerWith(w, r, u, func(me api.Me) any { return api.RecoveryCodes{Codes: codes, Me: me} })
}
