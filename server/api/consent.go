package api

import (
	"context"
	"net/http"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// documents are the current versions of the terms of use and the privacy
// notice (TERMS_VERSION, PRIVACY_VERSION).
func (s *Server) documents() map[string]string { return s.cfg.Care.Documents() }

// consentsDue lists the documents whose current version the account has
// not accepted (nothing, and no query, while no document is versioned).
func (s *Server) consentsDue(ctx context.Context, userID int64) ([]api.ConsentDue, error) {
	docs := s.documents()
	if len(docs) == 0 {
		return nil, nil
	}
	given, err := store.ConsentsOf(ctx, s.db, userID)
	if err != nil {
		return nil, err
	}
	var due []api.ConsentDue
	for _, doc := range []string{api.DocumentTerms, api.DocumentPrivacy} {
		v, versioned := docs[doc]
		if !versioned {
			continue
		}
		accepted := false
		for _, c := range given {
			accepted = accepted || (c.Document == doc && c.Version == v)
		}
		if !accepted {
			due = append(due, api.ConsentDue{Document: doc, Version: v})
		}
	}
	return due, nil
}

// consentFree are the requests a session may make before it accepted new
// terms: reading its profile (which lists what is due), accepting, leaving,
// and taking its data or its account away.
var consentFree = map[string]bool{
	"GET " + api.PathMe: true, "POST " + api.PathConsents: true, "POST " + api.PathLogout: true,
	"GET " + api.PathPicture: true, "POST " + api.PathExport: true, "POST " + api.PathDelete: true,
	"POST " + api.PathReauth: true, "POST " + api.PathReauthConfirm: true, "POST " + api.PathReauthResend: true,
}

// needsConsent refuses a request of a session whose account has not
// accepted the current terms, unless it is one of consentFree; it reports
// whether it answered. New terms are thus accepted at the next login,
// before anything else.
func (s *Server) needsConsent(w http.ResponseWriter, r *http.Request, sess *session.Session) bool {
	if consentFree[r.Pattern] || len(s.documents()) == 0 {
		return false
	}
	due, err := s.consentsDue(r.Context(), sess.UserID())
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return true
	}
	if len(due) == 0 {
		return false
	}
	fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeConsentRequired, Message: i18n.T(langOf(r), i18n.ConsentRequired)}, nil)
	return true
}

// acceptConsents records the acceptance of the current versions named.
func (s *Server) acceptConsents(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	var req api.DocumentsRequest
	if !decode(w, r, &req) {
		return
	}
	docs := s.documents()
	for _, c := range req.Accept {
		if docs[c.Document] == "" || docs[c.Document] != c.Version {
			fail(w, r, http.StatusConflict, api.Error{Code: api.CodeConflict, Message: i18n.T(langOf(r), i18n.ConsentWrong)}, nil)
			return
		}
	}
	if len(req.Accept) > 0 {
		err := s.db.RunInTx(r.Context(), nil, func(ctx context.Context, tx bun.Tx) error {
			now := s.clock.Now()
			for _, c := range req.Accept {
				if err := store.AddConsent(ctx, tx, &store.Consent{UserID: sess.UserID(), Document: c.Document, Version: c.Version, AcceptedAt: now}); err != nil {
					return err
				}
			}
			return audit.Record(ctx, tx, now, sess.UserID(), audit.EventTermsAccepted, meta(r))
		})
		if err != nil {
			fail(w, r, http.StatusInternalServerError, api.Error{}, err)
			return
		}
	}
	s.me(w, r, sess)
}
