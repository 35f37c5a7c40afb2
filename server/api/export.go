package api

import (
	"errors"
	"net/http"

	"github.com/minicorp/miniid/server/export"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// exportData answers "Download my data": the account's whole document as
// a JSON file download. It needs a fresh step-up for api.ActionExport, so it
// is a POST (CSRF token, and the grant it uses up).
func (s *Server) exportData(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	lang := langOf(r)
	doc, err := s.export.Export(r.Context(), sess, s.visitor(sess), meta(r))
	switch {
	case errors.Is(err, export.ErrReauthRequired):
		fail(w, r, http.StatusForbidden, api.Error{Code: api.CodeReauthRequired, Message: i18n.T(lang, i18n.ReauthRequired)}, nil)
		return
	case errors.Is(err, export.ErrTooOften):
		fail(w, r, http.StatusTooManyRequests, api.Error{Code: api.CodeRateLimited, RetryAfter: 3600, Message: i18n.T(lang, i18n.ExportTooOften)}, nil)
		return
	case err != nil:
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+s.cfg.Brand+`-ID-data-`+doc.ExportedAt[:10]+`.json"`)
	writeJSON(w, http.StatusOK, doc)
}
