package api

import (
	"net/http"
	"time"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

// stamp writes a moment for the wire (UTC, RFC 3339).
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// toPasskey converts a passkey to the wire type.
func toPasskey(p auth.Passkey) api.Passkey {
	out := api.Passkey{ID: p.Identifier, Name: p.Name, DeviceType: api.PasskeyDeviceBound, CreatedAt: stamp(p.CreatedAt)}
	if p.Synced {
		out.DeviceType = api.PasskeySynced
	}
	if p.LastUsedAt != nil {
		out.LastUsedAt = stamp(*p.LastUsedAt)
	}
	return out
}

func (s *Server) listPasskeys(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	list, err := s.auth.Passkeys(r.Context(), sess.UserID())
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	out := []api.Passkey{}
	for _, p := range list {
		out = append(out, toPasskey(p))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) beginPasskey(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if !decode(w, r, &struct{}{}) {
		return
	}
	opts, err := s.auth.BeginPasskey(r.Context(), sess)
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, api.PasskeyOptions{Options: opts})
}

func (s *Server) finishPasskey(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.NewPasskeyRequest
	if !decode(w, r, &req) {
		return
	}
	p, err := s.auth.FinishPasskey(r.Context(), sess, req.Name, req.Credential, meta(r))
	if err != nil {
		s.failFactor(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, toPasskey(p))
}

func (s *Server) renamePasskey(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.PasskeyRenameRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.RenamePasskey(r.Context(), sess.UserID(), req.ID, req.Name); err != nil {
		s.failFactor(w, r, err)
		return
	}
	s.listPasskeys(w, r, sess)
}

func (s *Server) removePasskey(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.PasskeyIDRequest
	if !decode(w, r, &req) {
		return
	}
	if err := s.auth.RemovePasskey(r.Context(), sess, req.ID, meta(r)); err != nil {
		s.failFactor(w, r, err)
		return
	}
	s.listPasskeys(w, r, sess)
}
