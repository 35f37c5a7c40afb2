package api

import (
	"context"
	"errors"
	"math"
	"net/http"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// factorRoutes registers passkeys, the authenticator app, the recovery
// codes and "Use another method".
func (s *Server) factorRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST "+api.PathLoginPasskey, s.throttle("login", s.withSession(s.loginPasskey)))
	mux.HandleFunc("POST "+api.PathLoginPasskeyFinish, s.throttle("code", s.withSession(s.loginPasskeyFinish)))
	mux.HandleFunc("POST "+api.PathLoginMethod, s.throttle("mail", s.withSession(s.chooseFactor(s.auth.SwitchLoginFactor))))
	mux.HandleFunc("POST "+api.PathReauthMethod, s.throttle("mail", s.full(s.chooseFactor(s.auth.SwitchStepUpFactor))))
	mux.HandleFunc("POST "+api.PathReauthPasskey, s.throttle("login", s.full(s.reauthPasskey)))

	mux.HandleFunc("GET "+api.PathPasskeys, s.full(s.listPasskeys))
	mux.HandleFunc("POST "+api.PathPasskeyBegin, s.throttle("login", s.full(s.beginPasskey)))
	mux.HandleFunc("POST "+api.PathPasskeyFinish, s.throttle("code", s.full(s.finishPasskey)))
	mux.HandleFunc("POST "+api.PathPasskeyRename, s.full(s.renamePasskey))
	mux.HandleFunc("POST "+api.PathPasskeyRemove, s.full(s.removePasskey))

	mux.HandleFunc("POST "+api.PathTOTPBegin, s.throttle("login", s.full(s.beginTOTP)))
	mux.HandleFunc("POST "+api.PathTOTPConfirm, s.throttle("code", s.full(s.confirmTOTP)))
	mux.HandleFunc("POST "+api.PathTOTPRemove, s.full(s.removeTOTP))
	mux.HandleFunc("POST "+api.PathRecoveryCodes, s.full(s.newRecoveryCodes))
}

// factors is the wire form of a flow's second factors.
func factors(asked string, offered []string) api.Factors {
	return api.Factors{Asked: asked, Offered: offered}
}

// outcomeFactors are the factors a funnel's outcome asks for.
func outcomeFactors(o auth.Outcome) api.Factors {
	if o.Next == nil {
		return api.Factors{}
	}
	return factors(o.Next.Name(), o.Offered)
}

// factorInput is what a FactorRequest proves: a passkey's answer, or the
// code.
func factorInput(req api.FactorRequest) string {
	if req.Method == api.MethodPasskey {
		return string(req.Credential)
	}
	return req.Code
}

// failFactor maps the errors of the second factors and passkeys, then the
// account's and auth's.
func (s *Server) failFactor(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	var locked *auth.FactorLockedError
	codeField := func(key i18n.Key) map[string]api.FieldError {
		return map[string]api.FieldError{"code": {Code: "invalid", Message: i18n.T(lang, key)}}
	}
	switch {
	case errors.As(err, &locked):
		fail(w, r, http.StatusTooManyRequests, api.Error{
			Code: api.CodeRateLimited, Until: locked.Until.UTC().Format("2006-01-02T15:04:05Z"),
			RetryAfter: int(math.Ceil(locked.Until.Sub(s.clock.Now()).Seconds())),
			Message:    i18n.F(lang, i18n.FactorLocked, "time", notify.FormatTime(locked.Until, lang)),
		}, nil)
	case errors.Is(err, auth.ErrWrongTOTP):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalidCode, Message: i18n.T(lang, i18n.TOTPWrong), Fields: codeField(i18n.TOTPWrong)}, nil)
	case errors.Is(err, auth.ErrWrongRecoveryCode):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalidCode, Message: i18n.T(lang, i18n.RecoveryWrong), Fields: codeField(i18n.RecoveryWrong)}, nil)
	case errors.Is(err, auth.ErrMethodNotOffered):
		failFields(w, r, map[string]string{"method": "not_allowed"})
	case errors.Is(err, auth.ErrPasskeyRefused):
		fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodePasskeyRefused, Message: i18n.T(lang, i18n.PasskeyRefused)}, err)
	case errors.Is(err, auth.ErrPasskeyNotCreated):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodePasskeyInvalid, Message: i18n.T(lang, i18n.PasskeyNotCreated)}, err)
	case errors.Is(err, auth.ErrCeremonyGone):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodePasskeyExpired, Message: i18n.T(lang, i18n.PasskeyExpired)}, nil)
	case errors.Is(err, auth.ErrNoPasskey):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(lang, i18n.PasskeyNone)}, nil)
	case errors.Is(err, auth.ErrPasskeysUnavailable):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeUnavailable, Message: i18n.T(lang, i18n.PasskeysUnavailable)}, nil)
	case errors.Is(err, auth.ErrTwoFactorOff):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(lang, i18n.RecoveryNeedsTwoFactor)}, nil)
	case errors.Is(err, auth.ErrReauthRequired):
		fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeReauthRequired, Message: i18n.T(lang, i18n.ReauthRequired)}, nil)
	case errors.Is(err, store.ErrNotFound):
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(lang, i18n.PasskeyNotFound)}, nil)
	default:
		s.failAccount(w, r, err)
	}
}

func (s *Server) loginPasskey(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.PasskeyLoginRequest
	if !decode(w, r, &req) {
		return
	}
	opts, err := s.auth.BeginPasskeyLogin(r.Context(), sess, req.Conditional)
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.PasskeyOptions{Options: opts})
}

func (s *Server) loginPasskeyFinish(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.PasskeyCredentialRequest
	if !decode(w, r, &req) {
		return
	}
	res, err := s.auth.FinishPasskeyLogin(r.Context(), sess, req.Credential, meta(r))
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.Session{State: res.State, CSRFToken: sess.CSRF(), Language: res.Language,
		Methods: sess.AMR(), Level: string(res.Level), Return: s.returnOf(sess)})
}

// challengeAnswer is the wire form of "Use another method"'s answer.
func challengeAnswer(ch auth.Challenge, fs auth.Factors) api.FactorChallenge {
	return api.FactorChallenge{Factors: factors(fs.Asked, fs.Offered), MaskedEmail: ch.MaskedEmail,
		ResendAfter: seconds(ch.ResendAfter), Passkey: ch.Passkey}
}

// chooseFactor is "Use another method" where switchTo switches: a login's
// second step, or a dialog's step-up.
func (s *Server) chooseFactor(switchTo func(context.Context, *session.Session, string, audit.Meta) (auth.Challenge, auth.Factors, error)) sessionHandler {
	return func(w http.ResponseWriter, r *http.Request, sess *session.Session) {
		var req api.MethodRequest
		if !decode(w, r, &req) {
			return
		}
		ch, fs, err := switchTo(r.Context(), sess, req.Method, meta(r))
		if err != nil {
			s.failFactor(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, challengeAnswer(ch, fs))
	}
}

func (s *Server) reauthPasskey(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.StepUpPasskeyRequest
	if !decode(w, r, &req) {
		return
	}
	opts, err := s.auth.BeginStepUpPasskey(r.Context(), sess, req.Action)
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.PasskeyOptions{Options: opts})
}
