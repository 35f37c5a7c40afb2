package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/secquestion"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/server/support"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

func (s *Server) supportRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+api.PathSupportMe, s.agent(s.supportMe))
	mux.HandleFunc("GET "+api.PathSupportFind, s.agent(s.supportFind))
	mux.HandleFunc("GET "+api.PathSupportCustomer, s.agent(s.supportCustomer))
	mux.HandleFunc("POST "+api.PathSupportAction, s.agent(s.supportAct))
	mux.HandleFunc("POST "+api.PathSupportCheck, s.agent(s.supportCheck))
	mux.HandleFunc("GET "+api.PathSupportLog, s.agent(s.supportLog))
}

// agentHandler is a console handler: it gets the admitted agent too.
type agentHandler func(w http.ResponseWriter, r *http.Request, sess *session.Session, agent *store.User, until time.Time)

// agent admits only support agents (see support.Service.Agent): a customer
// gets 403, an agent signed in with one factor 403 with its own code, an
// agent whose sign-in is older than 8 hours 401.
func (s *Server) agent(h agentHandler) http.HandlerFunc {
	return s.full(func(w http.ResponseWriter, r *http.Request, sess *session.Session) {
		agent, until, err := s.support.Agent(r.Context(), sess)
		if err != nil {
			s.failSupport(w, r, err)
			return
		}
		h(w, r, sess, agent, until)
	})
}

// failSupport maps the console's errors to answers.
func (s *Server) failSupport(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	var locked *secquestion.LockedError
	switch {
	case errors.Is(err, support.ErrNotAgent):
		fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeForbidden, Message: i18n.T(lang, i18n.SupportNotAgent)}, nil)
	case errors.Is(err, support.ErrNeedsSecondFactor):
		fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeSecondFactor, Message: i18n.T(lang, i18n.SupportNeedsSecondFactor)}, nil)
	case errors.Is(err, support.ErrSessionOver):
		fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: i18n.T(lang, i18n.SupportSessionOver)}, nil)
	case errors.Is(err, support.ErrNoCustomer):
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(lang, i18n.SupportNoCustomer)}, nil)
	case errors.Is(err, support.ErrReason):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalid, Message: i18n.T(lang, i18n.SupportReasonMissing),
			Fields: map[string]api.FieldError{"reason": {Code: "required", Message: i18n.T(lang, i18n.SupportReasonMissing)}}}, nil)
	case errors.Is(err, support.ErrUnknownAction):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalid, Message: i18n.T(lang, i18n.SupportUnknownAction),
			Fields: map[string]api.FieldError{"action": {Code: "not_allowed", Message: i18n.T(lang, i18n.SupportUnknownAction)}}}, nil)
	case errors.Is(err, support.ErrNotBlocked):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(lang, i18n.SupportNotBlocked)}, nil)
	case errors.Is(err, support.ErrAlreadyConfirmed):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(lang, i18n.SupportAlreadyConfirmed)}, nil)
	case errors.Is(err, support.ErrQueryShort):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalid, Message: i18n.T(lang, i18n.SupportQueryShort),
			Fields: map[string]api.FieldError{"q": {Code: "required", Message: i18n.T(lang, i18n.SupportQueryShort)}}}, nil)
	case errors.Is(err, secquestion.ErrNoQuestion):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeNoQuestion, Message: i18n.T(lang, i18n.SupportNoQuestion)}, nil)
	case errors.As(err, &locked):
		fail(w, r, http.StatusLocked, api.Error{Code: api.CodeLocked, Until: locked.Until.UTC().Format(time.RFC3339),
			Message: i18n.F(lang, i18n.SupportQuestionLocked, "time", notify.FormatTime(locked.Until, lang))}, nil)
	default:
		s.failAuth(w, r, err)
	}
}

// customerID reads the {id} of the path.
func customerID(r *http.Request) int64 {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

func (s *Server) supportMe(w http.ResponseWriter, r *http.Request, _ *session.Session, agent *store.User, until time.Time) {
	writeJSON(w, http.StatusOK, api.SupportAgent{Email: agent.Email, Name: notify.DisplayName(agent), Until: until.UTC().Format(time.RFC3339)})
}

func (s *Server) supportFind(w http.ResponseWriter, r *http.Request, _ *session.Session, _ *store.User, _ time.Time) {
	hits, err := s.support.Find(r.Context(), r.URL.Query().Get("q"))
	if err != nil {
		s.failSupport(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, hits)
}

func (s *Server) supportCustomer(w http.ResponseWriter, r *http.Request, _ *session.Session, _ *store.User, _ time.Time) {
	st, err := s.support.Status(r.Context(), customerID(r), langOf(r))
	if err != nil {
		s.failSupport(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) supportAct(w http.ResponseWriter, r *http.Request, _ *session.Session, agent *store.User, _ time.Time) {
	var req api.SupportActionRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.support.Act(r.Context(), agent, customerID(r), req.Action, req.Reason); err != nil {
		s.failSupport(w, r, err)
		return
	}
	st, err := s.support.Status(r.Context(), customerID(r), langOf(r))
	if err != nil {
		s.failSupport(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) supportCheck(w http.ResponseWriter, r *http.Request, _ *session.Session, agent *store.User, _ time.Time) {
	var req api.SupportCheckRequest
	if !decode(w, r, &req) {
		return
	}
	res, err := s.support.CheckAnswer(r.Context(), agent, customerID(r), req.Answer, langOf(r))
	if err != nil {
		s.failSupport(w, r, err)
		return
	}
	out := api.SupportCheckResult{Match: res.Match}
	if res.LockedUntil != nil {
		out.LockedUntil = res.LockedUntil.UTC().Format(time.RFC3339)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) supportLog(w http.ResponseWriter, r *http.Request, _ *session.Session, _ *store.User, _ time.Time) {
	log, err := s.support.Log(r.Context())
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, log)
}
