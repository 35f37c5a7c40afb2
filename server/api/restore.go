package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

// restore opens the link of the farewell mail (/restore?token=…): the
// account waiting for its deletion is active again.
func (s *Server) restore(w http.ResponseWriter, r *http.Request, _ *session.Session) {
	var req api.TokenRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.account.Restore(r.Context(), req.Token, meta(r)); err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}
