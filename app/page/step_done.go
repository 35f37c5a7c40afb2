package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/i18n"
)

// doneStep is a flow's closing words, with "Close".
type doneStep struct{}

// Render draws the words and the button.
func (s *doneStep) Render(f *Flow) app.UI {
	return app.Div().Body(
		component.Alert(component.AlertOK, f.done),
		app.Button().Class("btn btn-block").Type("button").ID("ch-close").Text(f.t(i18n.Close)).OnClick(f.submit),
	)
}

// Submit closes the flow.
func (s *doneStep) Submit(ctx app.Context, f *Flow) { f.close(ctx) }

// Focus is "Close".
func (s *doneStep) Focus() string { return "#ch-close" }
