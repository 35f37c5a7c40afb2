package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

// getSession tells the client its session state and CSRF token, creating an
// anonymous session on first contact (the token needs one to live in).
func (s *Server) getSession(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	if !cur.Exists() {
		if err := cur.Save(w); err != nil {
			fail(w, r, http.StatusInternalServerError, api.Error{}, err)
			return
		}
	}
	out := api.Session{State: cur.State(), CSRFToken: cur.CSRF()}
	if cur.State() == api.StateSecondStep {
		out.MaskedEmail = s.auth.MaskedEmailOf(r.Context(), cur.UserID())
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) me(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	u, err := store.UserByID(r.Context(), s.db, cur.UserID())
	if err != nil {
		fail(w, r, http.StatusUnauthorized, api.Error{Code: api.CodeUnauthorized, Message: "Please log in."}, err)
		return
	}
	w.Header().Set("ETag", etag(u.Version))
	writeJSON(w, http.StatusOK, toMe(u))
}

func etag(version int64) string { return `"v` + itoa(int(version)) + `"` }

// toMe converts the model to the wire type.
func toMe(u *store.User) api.Me {
	me := api.Me{
		ID: u.ID, Email: u.Email, Salutation: u.Salutation, Title: u.Title,
		FirstName: u.FirstName, LastName: u.LastName, BirthDate: u.BirthDate,
		Street: u.Street, Postcode: u.Postcode, City: u.City, Country: u.Country,
		Language: u.Language, LanguageChoice: u.LanguageChoice, TwoFactor: u.TwoFactor, Version: u.Version,
		CreatedAt: u.CreatedAt.Format("2006-01-02T15:04:05Z"),
	}
	if u.Phone != nil {
		me.Phone = *u.Phone
		me.PhoneVerified = u.PhoneVerifiedAt != nil
	}
	return me
}

func (s *Server) register(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.RegisterRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.Register(r.Context(), req, meta(r)); err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

func (s *Server) resendConfirmation(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.EmailRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.ResendConfirmation(r.Context(), req.Email); err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

func (s *Server) confirm(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.TokenRequest
	if !decode(w, r, &req) {
		return
	}
	u, purpose, err := s.auth.Confirm(r.Context(), cur, req.Token, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	s.saveAndAnswer(w, r, cur, func() any {
		return api.Session{State: cur.State(), CSRFToken: cur.CSRF(), Language: u.Language, Confirmed: purpose}
	})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.LoginRequest
	if !decode(w, r, &req) {
		return
	}
	res, err := s.auth.Login(r.Context(), cur, req, meta(r))
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	s.saveAndAnswer(w, r, cur, func() any {
		return api.Session{State: res.State, MaskedEmail: res.MaskedEmail, CSRFToken: cur.CSRF(), Language: res.Language}
	})
}

func (s *Server) loginCode(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.CodeRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.LoginCode(r.Context(), cur, req.Code, meta(r)); err != nil {
		s.failAuth(w, r, err)
		return
	}
	s.saveAndAnswer(w, r, cur, func() any { return api.Session{State: cur.State(), CSRFToken: cur.CSRF()} })
}

func (s *Server) loginResend(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	masked, err := s.auth.ResendLoginCode(r.Context(), cur)
	if err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.Session{State: cur.State(), MaskedEmail: masked, CSRFToken: cur.CSRF()})
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	s.auth.Logout(r.Context(), cur, meta(r))
	if err := cur.End(w); err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	w.Header().Set("Clear-Site-Data", `"cache", "storage"`)
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}

func (s *Server) forgot(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.EmailRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.ForgotPassword(r.Context(), req.Email); err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

func (s *Server) reset(w http.ResponseWriter, r *http.Request, cur *auth.Current) {
	var req api.ResetRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.ResetPassword(r.Context(), req.Token, req.Password, meta(r)); err != nil {
		s.failAuth(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.OK{OK: true})
}
