package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/auth"
)

func (s *Server) strength(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req struct {
		Password   string   `json:"password"`
		UserInputs []string `json:"user_inputs"`
	}
	if !decode(w, r, &req) {
		return
	}
	if len(req.UserInputs) > 5 {
		req.UserInputs = req.UserInputs[:5]
	}
	writeJSON(w, http.StatusOK, auth.Strength(req.Password, req.UserInputs...))
}
