package component

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
)

// PostForm is a form of an entry page that works before the app runs: the
// server renders it as HTML, and the browser posts it to action (a page
// route, urlencoded) with the session's CSRF token, which the server writes
// into the hidden field. Once the app runs, onSubmit takes over and sends
// the same through the JSON API.
func PostForm(action string, onSubmit app.EventHandler, body ...app.UI) app.HTMLForm {
	return app.Form().Method("post").Action(action).NoValidate(true).OnSubmit(onSubmit).Body(
		append([]app.UI{app.Input().Type("hidden").Name(api.FormCSRF)}, body...)...,
	)
}
