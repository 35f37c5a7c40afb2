package httpx

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/minicorp/miniid/server/account"
	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/notify"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Refusal maps an error of the sign-in and account use cases to its status
// and envelope in lang; anything it does not know is a 500 (the caller logs
// the cause and shows a generic message). An account.ConflictError is not
// mapped here: only the API can answer it (with the current profile).
func Refusal(err error, lang string, now time.Time) (int, api.Error) {
	var fe auth.FieldErrors
	var blocked *auth.BlockedError
	var rate *otp.RateError
	var paused *otp.PausedError
	var deleted *auth.DeletionPendingError
	field := func(code, name, fcode string, msg i18n.Key) api.Error {
		m := i18n.T(lang, msg)
		return api.Error{Code: code, Message: m, Fields: map[string]api.FieldError{name: {Code: fcode, Message: m}}}
	}
	switch {
	case errors.As(err, &deleted):
		return http.StatusForbidden, api.Error{
			Code: api.CodeDeletionPending, Until: deleted.Until.UTC().Format("2006-01-02T15:04:05Z"),
			Message: i18n.F(lang, i18n.DeletionPending, "time", notify.FormatTime(deleted.Until, lang)),
		}
	case errors.As(err, &fe):
		return http.StatusBadRequest, FieldErrors(lang, fe)
	case errors.As(err, &blocked):
		return http.StatusLocked, api.Error{
			Code: api.CodeBlocked, Until: blocked.Until.UTC().Format("2006-01-02T15:04:05Z"),
			RetryAfter: int(math.Ceil(blocked.Until.Sub(now).Seconds())),
			Message:    i18n.F(lang, i18n.LoginBlocked, "time", notify.FormatTime(blocked.Until, lang)),
		}
	case errors.As(err, &rate):
		return http.StatusTooManyRequests, RateError(lang, rate.RetryAfter)
	case errors.As(err, &paused):
		return http.StatusTooManyRequests, api.Error{
			Code: api.CodeCodesPaused, Until: paused.Until.UTC().Format("2006-01-02T15:04:05Z"),
			RetryAfter: int(math.Ceil(paused.Until.Sub(now).Seconds())),
			Message:    i18n.F(lang, i18n.CodesPaused, "time", notify.FormatTime(paused.Until, lang)),
		}
	case errors.Is(err, auth.ErrInvalidLogin):
		msg := i18n.T(lang, i18n.LoginInvalid)
		var wrong *auth.WrongPasswordError
		if errors.As(err, &wrong) {
			// Said before the block, not after it (the same for an
			// address without an account: it is counted alike).
			switch wrong.Left {
			case 1:
				msg += " " + i18n.T(lang, i18n.LoginOneTryLeft)
			case 2:
				msg += " " + i18n.T(lang, i18n.LoginTwoTriesLeft)
			}
		}
		return http.StatusUnauthorized, api.Error{Code: api.CodeInvalidLogin, Message: msg}
	case errors.Is(err, auth.ErrNotConfirmed):
		return http.StatusForbidden, api.Error{Code: api.CodeNotConfirmed, Message: i18n.T(lang, i18n.LoginNotConfirmed)}
	case errors.Is(err, otp.ErrReplaced):
		return http.StatusBadRequest, field(api.CodeInvalidCode, "code", "replaced", i18n.CodeReplaced)
	case errors.Is(err, otp.ErrWrong):
		return http.StatusBadRequest, field(api.CodeInvalidCode, "code", "invalid", i18n.CodeInvalid)
	case errors.Is(err, otp.ErrVoid):
		return http.StatusBadRequest, field(api.CodeCodeVoid, "code", "void", i18n.CodeVoid)
	case errors.Is(err, linktoken.ErrInvalid):
		return http.StatusBadRequest, api.Error{Code: api.CodeInvalidToken, Message: i18n.T(lang, i18n.LinkInvalid)}
	case errors.Is(err, auth.ErrWrongPassword):
		return http.StatusBadRequest, field(api.CodeWrongPassword, "password", "wrong", i18n.PasswordWrong)
	case errors.Is(err, auth.ErrNoSecondStep):
		return http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: i18n.T(lang, i18n.ErrSession)}
	case errors.Is(err, auth.ErrNothingToDo), errors.Is(err, auth.ErrUnknownAction):
		return http.StatusConflict, api.Error{Code: api.CodeBadRequest, Message: i18n.T(lang, i18n.NothingPending)}
	case errors.Is(err, account.ErrReauthRequired):
		return http.StatusForbidden, api.Error{Code: api.CodeReauthRequired, Message: i18n.T(lang, i18n.ReauthRequired)}
	case errors.Is(err, account.ErrPhoneTaken):
		return http.StatusConflict, field(api.CodeInvalid, "phone", "taken", i18n.PhoneTaken)
	case errors.Is(err, account.ErrEmailTaken):
		return http.StatusConflict, api.Error{Code: api.CodeEmailTaken, Message: i18n.T(lang, i18n.EmailTakenNow)}
	case errors.Is(err, account.ErrSameEmail):
		return http.StatusBadRequest, FieldErrors(lang, map[string]string{"email": "same"})
	}
	return http.StatusInternalServerError, api.Error{Code: api.CodeInternal, Message: i18n.T(lang, i18n.ErrServer)}
}

// FieldErrors is the refusal of a form with a message per field (field →
// validation code), in lang.
func FieldErrors(lang string, fields map[string]string) api.Error {
	e := api.Error{Code: api.CodeInvalid, Message: i18n.T(lang, i18n.ErrFixFields), Fields: map[string]api.FieldError{}}
	for f, code := range fields {
		e.Fields[f] = api.FieldError{Code: code, Message: i18n.FieldError(lang, f, code)}
	}
	return e
}

// RetryUnavailable is the Retry-After, in seconds, of a 503: a restarted
// PostgreSQL answers again within seconds, and the pool reconnects on the
// next request.
const RetryUnavailable = 2

// Unavailable is the refusal of a request the database could not serve
// (store.Unavailable): nothing is wrong with the request, and the same
// request succeeds once the database is back.
func Unavailable(lang string) api.Error {
	return api.Error{Code: api.CodeTemporarilyUnavailable, RetryAfter: RetryUnavailable,
		Message: i18n.F(lang, i18n.ErrUnavailable, "seconds", strconv.Itoa(RetryUnavailable))}
}
