package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

func (s *Server) register(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.RegisterRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.account.Register(r.Context(), sess, req, meta(r)); err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

func (s *Server) resendConfirmation(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.EmailRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.account.ResendConfirmation(r.Context(), req.Email); err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

// confirm opens an e-mailed link (account.OpenLink): where the link needs
// a password first the answer says NeedsPassword and nothing has happened
// yet.
func (s *Server) confirm(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.ConfirmRequest
	if !decode(w, r, &req) {
		return
	}
	opened, err := s.account.OpenLink(r.Context(), sess, req.Token, req.Password, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	out := httpx.LinkAnswer(opened, sess)
	if out.SignedIn {
		out.Return = s.returnOf(sess) // a registration made on the way to an app
	}
	writeJSON(w, http.StatusOK, out)
}
