package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/shared/api"
)

func (s *Server) twoFactorStart(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.TwoFactorStartRequest
	if !decode(w, r, &req) {
		return
	}
	action := auth.ActionTwoFactorOff
	if req.Enable {
		action = auth.ActionTwoFactorOn
	}
	res, err := s.auth.BeginStepUp(r.Context(), cur, action, req.Password, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	s.saveAndAnswer(w, r, cur, func() any { return api.CodeSent{MaskedEmail: res.MaskedEmail} })
}

func (s *Server) twoFactorResend(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	masked, err := s.auth.ResendStepUp(r.Context(), cur)
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.CodeSent{MaskedEmail: masked})
}

func (s *Server) twoFactorConfirm(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.CodeRequest
	if !decode(w, r, &req) {
		return
	}
	u, err := s.auth.ConfirmTwoFactor(r.Context(), cur, req.Code, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	s.saveAndAnswer(w, r, cur, func() any { return api.TwoFactorResult{Me: toMe(u), CSRFToken: cur.CSRF()} })
}
