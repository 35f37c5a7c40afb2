package api

import (
	"errors"
	"math"
	"net/http"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// failAuth maps the sign-in use cases' errors to answers in the caller's
// language; anything unknown is a 500.
func (s *Server) failAuth(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	var fe auth.FieldErrors
	var blocked *auth.BlockedError
	var rate *otp.RateError
	var paused *otp.PausedError
	var deleted *auth.DeletionPendingError
	switch {
	case errors.As(err, &deleted):
		fail(w, r, http.StatusForbidden, api.Error{
			Code: api.CodeDeletionPending, Until: deleted.Until.UTC().Format("2006-01-02T15:04:05Z"),
			Message: i18n.F(lang, i18n.DeletionPending, "time", notify.FormatTime(deleted.Until, lang)),
		}, nil)
	case errors.As(err, &fe):
		failFields(w, r, fe)
	case errors.As(err, &blocked):
		fail(w, r, http.StatusLocked, api.Error{
			Code: api.CodeBlocked, Until: blocked.Until.UTC().Format("2006-01-02T15:04:05Z"),
			RetryAfter: int(math.Ceil(blocked.Until.Sub(s.clock.Now()).Seconds())),
			Message:    i18n.F(lang, i18n.LoginBlocked, "time", notify.FormatTime(blocked.Until, lang)),
		}, nil)
	case errors.As(err, &rate):
		failRate(w, r, rate.RetryAfter)
	case errors.As(err, &paused):
		fail(w, r, http.StatusTooManyRequests, api.Error{
			Code: api.CodeCodesPaused, Until: paused.Until.UTC().Format("2006-01-02T15:04:05Z"),
			RetryAfter: int(math.Ceil(paused.Until.Sub(s.clock.Now()).Seconds())),
			Message:    i18n.F(lang, i18n.CodesPaused, "time", notify.FormatTime(paused.Until, lang)),
		}, nil)
	case errors.Is(err, auth.ErrInvalidLogin):
		fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodeInvalidLogin, Message: i18n.T(lang, i18n.LoginInvalid)}, nil)
	case errors.Is(err, auth.ErrNotConfirmed):
		fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeNotConfirmed, Message: i18n.T(lang, i18n.LoginNotConfirmed)}, nil)
	case errors.Is(err, otp.ErrWrong):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalidCode, Message: i18n.T(lang, i18n.CodeInvalid),
			Fields: map[string]api.FieldError{"code": {Code: "invalid", Message: i18n.T(lang, i18n.CodeInvalid)}}}, nil)
	case errors.Is(err, otp.ErrVoid):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeCodeVoid, Message: i18n.T(lang, i18n.CodeVoid),
			Fields: map[string]api.FieldError{"code": {Code: "void", Message: i18n.T(lang, i18n.CodeVoid)}}}, nil)
	case errors.Is(err, linktoken.ErrInvalid):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeInvalidToken, Message: i18n.T(lang, i18n.LinkInvalid)}, nil)
	case errors.Is(err, auth.ErrWrongPassword):
		fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeWrongPassword, Message: i18n.T(lang, i18n.PasswordWrong),
			Fields: map[string]api.FieldError{"password": {Code: "wrong", Message: i18n.T(lang, i18n.PasswordWrong)}}}, nil)
	case errors.Is(err, auth.ErrNoSecondStep):
		fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: i18n.T(lang, i18n.ErrSession)}, nil)
	case errors.Is(err, auth.ErrNothingToDo), errors.Is(err, auth.ErrUnknownAction):
		fail(w, r, http.StatusConflict, api.Error{Code: api.CodeBadRequest, Message: i18n.T(lang, i18n.NothingPending)}, nil)
	default:
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
	}
}

// meta describes the request for events and mails.
func meta(r *http.Request) audit.Meta {
	return audit.Meta{IP: audit.ClientIP(r.Context()), UserAgent: r.UserAgent(), Lang: langOf(r)}
}
