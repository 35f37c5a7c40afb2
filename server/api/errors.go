package api

import (
	"net/http"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/server/httpx"
)

// failAuth maps the sign-in use cases' errors to answers in the caller's
// language (the same words the HTML forms show); anything unknown is a 500.
func (s *Server) failAuth(w http.ResponseWriter, r *http.Request, err error) {
	status, e := httpx.Refusal(err, langOf(r), s.clock.Now())
	var cause error
	if status >= 500 {
		cause = err
	}
	fail(w, r, status, e, cause)
}

// meta describes the request for events and mails.
func meta(r *http.Request) audit.Meta { return httpx.Meta(r) }
