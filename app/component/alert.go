package component

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Alert kinds.
const (
	AlertError = "error"
	AlertOK    = "ok"
	AlertInfo  = "info"
)

// Alert shows a message; errors are announced at once (role=alert), others
// politely (role=status). Without text it still renders its (empty) live
// region: screen readers announce what is put into a region that was
// already there, and the elements after it keep their place, so go-app
// updates them instead of replacing them (a replaced form would drop the
// answer to its own request).
func Alert(kind, text string, extra ...app.UI) app.UI {
	role := "status"
	if kind == AlertError {
		role = "alert"
	}
	if text == "" {
		return app.Div().Class("alert-slot").Role(role)
	}
	// tabindex -1: the focus can be moved to an error (Flow.fail).
	return app.Div().Class("alert-slot").Role(role).Body(
		app.Div().Class("alert alert-" + kind).TabIndex(-1).Body(append([]app.UI{app.Span().Text(text)}, extra...)...),
	)
}

// Loader is the loading view of a page.
func Loader(label string) app.UI {
	return app.Div().Class("center").Role("status").Body(
		app.Div().Class("spinner"),
		app.P().Class("muted").Text(label),
	)
}
