package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
)

func (s *Server) register(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.RegisterRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.account.Register(r.Context(), sess, req, meta(r)); err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

func (s *Server) resendConfirmation(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.EmailRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.account.ResendConfirmation(r.Context(), req.Email); err != nil {
		s.failAccount(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, api.OK{OK: true})
}

// confirm opens an e-mailed link: a registration's confirmation, an e-mail
// change's confirmation, or its undo. Where the link needs a password first
// (a registration outside the browser that made it, an undo) the answer
// says NeedsPassword and nothing has happened yet.
func (s *Server) confirm(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.ConfirmRequest
	if !decode(w, r, &req) {
		return
	}
	ctx, m := r.Context(), meta(r)
	purpose, err := s.auth.LinkPurpose(ctx, req.Token)
	if err != nil {
		s.failAccount(w, r, err)
		return
	}
	out := api.Session{Purpose: purpose}
	var u *store.User
	switch purpose {
	case linktoken.Confirm:
		res, err := s.auth.Confirm(ctx, sess, req.Token, req.Password, m)
		if err != nil {
			s.failAccount(w, r, err)
			return
		}
		u, out.NeedsPassword, out.SignedIn = res.User, res.NeedsPassword, res.SignedIn
	case linktoken.EmailChange:
		if u, err = s.account.ConfirmEmailChange(ctx, req.Token, m); err != nil {
			s.failAccount(w, r, err)
			return
		}
	case linktoken.EmailUndo:
		if req.Password == "" {
			out.NeedsPassword = true
			break
		}
		if u, err = s.account.UndoEmailChange(ctx, req.Token, req.Password, m); err != nil {
			s.failAccount(w, r, err)
			return
		}
		if sess.UserID() == u.ID {
			sess.End() // every session of the account has ended
		}
	}
	if !out.NeedsPassword {
		out.Confirmed = purpose
	}
	if u != nil && !out.NeedsPassword {
		// Only once the link was carried out: whoever opened it elsewhere
		// may not be the account's owner.
		out.Language = u.Language
	}
	out.State, out.CSRFToken = sess.State(), sess.CSRF()
	if sess.Ended() {
		out.State = api.StateNone
	}
	if out.SignedIn {
		out.Return = s.returnOf(sess) // a registration made on the way to an app
	}
	writeJSON(w, http.StatusOK, out)
}
