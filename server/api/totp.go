package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

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
	me, err := s.toMe(r, u)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, api.TOTPResult{Me: me, RecoveryCodes: codes})
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
	me, err := s.toMe(r, u)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, api.RecoveryCodes{Codes: codes, Me: me})
}
