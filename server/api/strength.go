package api

import (
	"net/http"
	"unicode/utf8"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/validate"
)

// Bounds of the strength check's user_inputs, the words the password is
// compared with. The app sends three (e-mail address, first and last name),
// none longer than an e-mail address may be. A request beyond them is
// refused with a field error rather than cut short: it does not come from
// the app, and a score computed from other words than were sent would be a
// wrong answer given quietly.
const (
	maxUserInputs      = 5
	maxUserInputLength = validate.MaxEmailLength // characters
)

func (s *Server) strength(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.StrengthRequest
	if !decode(w, r, &req) {
		return
	}
	if len(req.UserInputs) > maxUserInputs {
		failFields(w, r, map[string]string{"user_inputs": "too_many"})
		return
	}
	for _, in := range req.UserInputs {
		if utf8.RuneCountInString(in) > maxUserInputLength {
			failFields(w, r, map[string]string{"user_inputs": "too_long"})
			return
		}
	}
	writeJSON(w, http.StatusOK, auth.Strength(req.Password, req.UserInputs...))
}
