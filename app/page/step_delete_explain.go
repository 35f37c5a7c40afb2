package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/i18n"
)

// deleteExplainStep is the deletion's first step: what is lost, and
// "Continue" or "Cancel".
type deleteExplainStep struct{}

// Render draws what a deletion takes away.
func (s *deleteExplainStep) Render(f *Flow) app.UI {
	return app.Div().Body(
		app.P().Text(f.t(i18n.DeleteExplain)),
		app.Ul().Body(app.Li().Text(f.t(i18n.DeleteLost1)), app.Li().Text(f.t(i18n.DeleteLost2)), app.Li().Text(f.t(i18n.DeleteLost3))),
		app.Div().Class("actions").Body(
			app.Button().Class("btn btn-danger").Type("button").ID("delete-continue").Text(f.t(i18n.DeleteContinue)).OnClick(f.submit),
			app.Button().Class("btn btn-secondary").Type("button").Text(f.t(i18n.Cancel)).
				OnClick(func(ctx app.Context, e app.Event) { f.close(ctx) }),
		),
	)
}

// Submit goes on to the password.
func (s *deleteExplainStep) Submit(ctx app.Context, f *Flow) { f.next(ctx) }

// Focus is "Continue".
func (s *deleteExplainStep) Focus() string { return "#delete-continue" }
