package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

func (s *Server) forgot(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.EmailRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.ForgotPassword(r.Context(), req.Email); err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

func (s *Server) reset(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.ResetRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.ResetPassword(r.Context(), sess, req.Token, req.Password, meta(r)); err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}
