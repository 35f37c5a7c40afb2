package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// getSession tells the client its session state and CSRF token, creating an
// anonymous session on first contact (the token needs one to live in).
func (s *Server) getSession(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if !sess.Exists() {
		sess.Persist()
	}
	out := api.Session{State: sess.State(), CSRFToken: sess.CSRF(), Return: s.returnOf(sess), Leave: s.leaveOf(sess),
		PasskeysAvailable: s.auth.PasskeysAvailable()}
	if sess.Full() {
		out.Methods, out.Level = sess.AMR(), string(s.auth.LevelOf(sess.AMR()))
	}
	if sess.State() == api.StateSecondStep {
		if ch, err := s.auth.Pending(r.Context(), sess); err == nil {
			out.MaskedEmail = ch.MaskedEmail
		}
		if fs, err := s.auth.LoginFactors(r.Context(), sess); err == nil {
			out.Factors = factors(fs.Asked, fs.Offered)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) me(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	u, err := store.UserByID(r.Context(), s.db, sess.UserID())
	if err != nil {
		fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: i18n.T(langOf(r), i18n.ErrSession)}, err)
		return
	}
	me, err := s.toMe(r, u)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	w.Header().Set("ETag", etag(u.Version))
	writeJSON(w, http.StatusOK, me)
}

func etag(version int64) string { return `"v` + itoa(int(version)) + `"` }

// toMe converts the account to the wire type.
func (s *Server) toMe(r *http.Request, u *store.User) (api.Me, error) {
	sum, err := s.auth.SummaryOf(r.Context(), u.ID)
	if err != nil {
		return api.Me{}, err
	}
	me := api.Me{
		ID: u.ID, Email: u.Email, Salutation: u.Salutation, Title: u.Title,
		FirstName: u.FirstName, LastName: u.LastName, BirthDate: u.BirthDate,
		Street: u.Street, Postcode: u.Postcode, City: u.City, Country: u.Country,
		Language: u.Language, LanguageChoice: u.LanguageChoice, TwoFactor: sum.TwoFactor, Version: u.Version,
		SecondFactors: sum.SecondFactors, RecoveryCodes: sum.RecoveryCodes, Passkeys: sum.Passkeys,
		CreatedAt: u.CreatedAt.Format("2006-01-02T15:04:05Z"),
	}
	if u.Phone != nil {
		me.Phone = *u.Phone
		me.PhoneVerified = u.PhoneVerifiedAt != nil
	}
	if me.PendingEmail, err = s.account.PendingEmail(r.Context(), u); err != nil {
		return api.Me{}, err
	}
	return me, s.careMe(r, &me, u)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.LoginRequest
	if !decode(w, r, &req) {
		return
	}
	res, err := s.auth.Login(r.Context(), sess, req, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.Session{
		State: res.State, MaskedEmail: res.Challenge.MaskedEmail, ResendAfter: seconds(res.Challenge.ResendAfter),
		CSRFToken: sess.CSRF(), Language: res.Language, Return: s.returnOf(sess), Factors: outcomeFactors(res.Outcome),
		EmailUndeliverable: s.undeliverable(r, sess.UserID()),
	})
}

func (s *Server) loginCode(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.FactorRequest
	if !decode(w, r, &req) {
		return
	}
	if _, err := s.auth.LoginCode(r.Context(), sess, req.Method, factorInput(req), meta(r)); err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.Session{State: sess.State(), CSRFToken: sess.CSRF(), Return: s.returnOf(sess),
		Methods: sess.AMR(), Level: string(s.auth.LevelOf(sess.AMR()))})
}

func (s *Server) loginResend(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ch, err := s.auth.ResendLoginCode(r.Context(), sess, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.Session{State: sess.State(), MaskedEmail: ch.MaskedEmail, ResendAfter: seconds(ch.ResendAfter), CSRFToken: sess.CSRF()})
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if err := s.auth.Logout(r.Context(), sess, meta(r)); err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	w.Header().Set("Clear-Site-Data", `"cache", "storage"`)
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}
