package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/minicorp/miniid/server/account"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

func (s *Server) accountRoutes(mux *http.ServeMux) {
	mux.HandleFunc("PUT "+api.PathPersonal, s.full(s.updatePersonal))
	mux.HandleFunc("POST "+api.PathReauth, s.throttle("login", s.full(s.reauth)))
	mux.HandleFunc("POST "+api.PathReauthResend, s.throttle("mail", s.full(s.reauthResend)))
	mux.HandleFunc("POST "+api.PathReauthConfirm, s.throttle("code", s.full(s.reauthConfirm)))
	mux.HandleFunc("POST "+api.PathEmail, s.throttle("mail", s.full(s.changeEmail)))
	mux.HandleFunc("POST "+api.PathPassword, s.full(s.changePassword))
	mux.HandleFunc("POST "+api.PathPhone, s.throttle("mail", s.full(s.phoneOffered(s.startPhone))))
	mux.HandleFunc("POST "+api.PathPhoneVerify, s.throttle("code", s.full(s.verifyPhone)))
	mux.HandleFunc("POST "+api.PathPhoneResend, s.throttle("mail", s.full(s.phoneOffered(s.resendPhone))))
	mux.HandleFunc("POST "+api.PathPhoneRemove, s.full(s.removePhone))
	mux.HandleFunc("POST "+api.PathDelete, s.full(s.deleteAccount))
	mux.HandleFunc("GET "+api.PathSessions, s.full(s.listSessions))
	mux.HandleFunc("POST "+api.PathLogoutOthers, s.full(s.logoutOthers))
	mux.HandleFunc("POST "+api.PathSessionLogout, s.full(s.logoutSession))
	mux.HandleFunc("GET "+api.PathEvents, s.full(s.listEvents))
}

// failAccount maps the account use cases' errors, then auth's.
func (s *Server) failAccount(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	var conflict *account.ConflictError
	switch {
	case errors.As(err, &conflict):
		me, merr := s.toMe(r, conflict.Current)
		if merr != nil {
			fail(w, r, http.StatusInternalServerError, api.Error{}, merr)
			return
		}
		w.Header().Set("ETag", etag(conflict.Current.Version))
		writeJSON(w, http.StatusPreconditionFailed, api.Conflict{
			Error:   api.Error{Code: api.CodeVersionConflict, Message: i18n.T(lang, i18n.PersonalConflict)},
			Current: me,
		})
	default:
		s.failAuth(w, r, err)
	}
}

// ifMatch reads the version from If-Match: "v<version>".
func ifMatch(r *http.Request) (int64, bool) {
	v := strings.Trim(strings.TrimPrefix(r.Header.Get(api.HeaderIfMatch), "W/"), `"`)
	n, err := strconv.ParseInt(strings.TrimPrefix(v, "v"), 10, 64)
	return n, err == nil && n > 0 && strings.HasPrefix(v, "v")
}

// answerMe answers with the account's profile.
func (s *Server) answerMe(w http.ResponseWriter, r *http.Request, u *store.User) {
	me, err := s.toMe(r, u)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	w.Header().Set("ETag", etag(u.Version))
	writeJSON(w, http.StatusOK, me)
}

func (s *Server) updatePersonal(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	version, ok := ifMatch(r)
	if !ok {
		fail(w, r, http.StatusPreconditionRequired, api.Error{Code: api.CodeBadRequest, Message: "Send If-Match with the profile's version."}, nil)
		return
	}
	var req api.PersonalData
	if !decode(w, r, &req) {
		return
	}
	u, err := s.account.UpdatePersonal(r.Context(), sess.UserID(), req, version, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	s.answerMe(w, r, u)
}

// seconds rounds d up to whole seconds for an answer.
func seconds(d time.Duration) int { return int((d + time.Second - 1) / time.Second) }

func (s *Server) reauth(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.ReauthRequest
	if !decode(w, r, &req) {
		return
	}
	if req.Action == auth.ActionTwoFactorOn || req.Action == auth.ActionTwoFactorOff || !auth.IsAction(req.Action) {
		failFields(w, r, map[string]string{"action": "not_allowed"})
		return
	}
	res, err := s.auth.BeginStepUp(r.Context(), sess, req.Action, req.Password, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.ReauthResult{CodeSent: res.CodeSent(), MaskedEmail: res.Challenge.MaskedEmail,
		ResendAfter: seconds(res.Challenge.ResendAfter), CSRFToken: sess.CSRF(), Factors: outcomeFactors(res.Outcome)})
}

func (s *Server) reauthResend(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ch, err := s.auth.ResendStepUp(r.Context(), sess, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.ReauthResult{CodeSent: true, MaskedEmail: ch.MaskedEmail, ResendAfter: seconds(ch.ResendAfter)})
}

func (s *Server) reauthConfirm(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.FactorRequest
	if !decode(w, r, &req) {
		return
	}
	if _, err := s.auth.ConfirmStepUp(r.Context(), sess, req.Method, factorInput(req), meta(r)); err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.Session{State: sess.State(), CSRFToken: sess.CSRF()})
}

func (s *Server) changeEmail(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.EmailChangeRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.account.RequestEmailChange(r.Context(), sess, req.Email, meta(r)); err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.PasswordRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.account.ChangePassword(r.Context(), sess, req.Password, meta(r)); err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}

func (s *Server) startPhone(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.PhoneRequest
	if !decode(w, r, &req) {
		return
	}
	ch, err := s.account.StartPhone(r.Context(), sess, req.Phone, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.PhoneCodeSent{MaskedPhone: ch.MaskedEmail, ResendAfter: seconds(ch.ResendAfter)})
}

func (s *Server) resendPhone(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ch, err := s.account.ResendPhone(r.Context(), sess, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.PhoneCodeSent{MaskedPhone: ch.MaskedEmail, ResendAfter: seconds(ch.ResendAfter)})
}

func (s *Server) verifyPhone(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.CodeRequest
	if !decode(w, r, &req) {
		return
	}
	u, err := s.account.VerifyPhone(r.Context(), sess, req.Code, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	s.answerMe(w, r, u)
}

func (s *Server) removePhone(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	u, err := s.account.RemovePhone(r.Context(), sess, meta(r))
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	s.answerMe(w, r, u)
}

func (s *Server) deleteAccount(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if err := s.account.Delete(r.Context(), sess, meta(r)); err != nil {
		s.failAccount(w, r, err)
		return
	}
	w.Header().Set("Clear-Site-Data", `"cache", "storage"`)
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}

func (s *Server) listSessions(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	list, err := s.account.Sessions(r.Context(), sess)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) logoutOthers(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	n, err := s.account.LogoutOthers(r.Context(), sess, meta(r))
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, api.LoggedOut{Count: n})
}

func (s *Server) logoutSession(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.SessionLogoutRequest
	if !decode(w, r, &req) {
		return
	}
	n, err := s.account.LogoutSession(r.Context(), sess, req.ID, meta(r))
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	if n == 0 {
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(langOf(r), i18n.SecurityNoSuchSession)}, nil)
		return
	}
	writeJSON(w, http.StatusOK, api.LoggedOut{Count: n})
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	list, err := s.account.Events(r.Context(), sess.UserID())
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}
