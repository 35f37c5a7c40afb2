package api

import (
	"errors"
	"net/http"

	"github.com/minicorp/miniid/server/secquestion"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

func (s *Server) questionRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+api.PathSecurityQuestions, s.withSession(s.questionChoices))
	mux.HandleFunc("GET "+api.PathSecurityQuestion, s.full(s.questionState))
	mux.HandleFunc("PUT "+api.PathSecurityQuestion, s.full(s.setQuestion))
}

func (s *Server) questionChoices(w http.ResponseWriter, r *http.Request, _ *session.Session) {
	writeJSON(w, http.StatusOK, secquestion.Choices(langOf(r)))
}

func (s *Server) questionState(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	st, err := s.questions.State(r.Context(), sess.UserID(), langOf(r))
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// setQuestion sets the question and answer; it needs a fresh step-up for
// api.ActionSecurityQuestion (POST /me/reauth).
func (s *Server) setQuestion(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.SecurityQuestionRequest
	if !decode(w, r, &req) {
		return
	}
	lang := langOf(r)
	err := s.questions.Set(r.Context(), sess, req.Question, req.Answer, meta(r))
	switch {
	case errors.Is(err, secquestion.ErrUnknown):
		failMessage(w, r, "question", "not_allowed", i18n.T(lang, i18n.QuestionUnknown))
	case errors.Is(err, secquestion.ErrAnswerLength):
		failMessage(w, r, "answer", "length", i18n.T(lang, i18n.QuestionAnswerLen))
	case errors.Is(err, secquestion.ErrReauthRequired):
		fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeReauthRequired, Message: i18n.T(lang, i18n.ReauthRequired)}, nil)
	case err != nil:
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
	default:
		s.questionState(w, r, sess)
	}
}

// failMessage answers 400 with one field at fault and its own message.
func failMessage(w http.ResponseWriter, r *http.Request, field, code, msg string) {
	fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalid, Message: msg,
		Fields: map[string]api.FieldError{field: {Code: code, Message: msg}}}, nil)
}
