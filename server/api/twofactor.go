package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

func (s *Server) twoFactorStart(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.TwoFactorStartRequest
	if !decode(w, r, &req) {
		return
	}
	action := auth.ActionTwoFactorOff
	if req.Enable {
		action = auth.ActionTwoFactorOn
	}
	res, err := s.auth.BeginStepUp(r.Context(), sess, action, req.Password, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.CodeSent{MaskedEmail: res.Challenge.MaskedEmail, ResendAfter: seconds(res.Challenge.ResendAfter),
		Factors: outcomeFactors(res.Outcome)})
}

func (s *Server) twoFactorResend(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ch, err := s.auth.ResendStepUp(r.Context(), sess, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.CodeSent{MaskedEmail: ch.MaskedEmail, ResendAfter: seconds(ch.ResendAfter)})
}

func (s *Server) twoFactorConfirm(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.FactorRequest
	if !decode(w, r, &req) {
		return
	}
	u, err := s.auth.ConfirmTwoFactor(r.Context(), sess, req.Method, factorInput(req), meta(r))
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	s.answerWith(w, r, u, func(me api.Me) any { return api.TwoFactorResult{Me: me, CSRFToken: sess.CSRF()} })
}
