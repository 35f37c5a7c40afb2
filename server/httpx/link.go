package httpx

import (
	"github.com/minicorp/miniid/server/account"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
)

// LinkAnswer is what opening an e-mailed link tells the browser, for the
// API's answer and the HTML confirmation page alike.
func LinkAnswer(o account.Opened, sess *session.Session) api.Session {
	out := api.Session{Purpose: o.Purpose, NeedsPassword: o.NeedsPassword, SignedIn: o.SignedIn}
	if !o.NeedsPassword {
		out.Confirmed = o.Purpose
		if o.User != nil {
			// Only once the link was carried out: whoever opened it
			// elsewhere may not be the account's owner.
			out.Language = o.User.Language
		}
	}
	out.State, out.CSRFToken = sess.State(), sess.CSRF()
	if sess.Ended() {
		out.State = api.StateNone
	}
	return out
}
