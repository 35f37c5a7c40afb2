package component

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Alert kinds.
const (
	AlertError = "error"
	AlertOK    = "ok"
	AlertInfo  = "info"
)

// Alert shows a message; errors are announced at once (role=alert), others
// politely (role=status).
func Alert(kind, text string, extra ...app.UI) app.UI {
	if text == "" {
		return nil
	}
	role := "status"
	if kind == AlertError {
		role = "alert"
	}
	return app.Div().Class("alert alert-" + kind).Role(role).Body(append([]app.UI{app.Span().Text(text)}, extra...)...)
}

// Loader is the loading view of a page.
func Loader(label string) app.UI {
	return app.Div().Class("center").Role("status").Body(
		app.Div().Class("spinner"),
		app.P().Class("muted").Text(label),
	)
}
