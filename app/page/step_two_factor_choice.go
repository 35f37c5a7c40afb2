package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/i18n"
)

// twoFactorChoiceStep is the two-factor dialog's first step: where it
// stands, what it does, and "Activate" or "Deactivate".
type twoFactorChoiceStep struct{}

// Render draws the state and the button that changes it.
func (s *twoFactorChoiceStep) Render(f *Flow) app.UI {
	explain, status := f.t(i18n.TFExplainOff), f.t(i18n.AccountNotActivated)
	if f.me.TwoFactor {
		explain, status = f.t(i18n.TFExplainOn), f.t(i18n.AccountActivated)
	}
	return app.Div().Body(
		app.P().Body(app.Strong().Text(f.t(i18n.TFStatusLabel)+": "), app.Text(status)),
		app.P().Text(explain),
		app.Div().Class("actions").Body(
			app.Button().Class("btn").Type("button").ID("tf-start").Text(f.t(twoFactorVerb(f.me))).OnClick(f.submit),
			app.Button().Class("btn btn-secondary").Type("button").Text(f.t(i18n.Cancel)).
				OnClick(func(ctx app.Context, e app.Event) { f.close(ctx) }),
		),
	)
}

// Submit goes on to the password.
func (s *twoFactorChoiceStep) Submit(ctx app.Context, f *Flow) { f.next(ctx) }

// Focus is the button that changes it.
func (s *twoFactorChoiceStep) Focus() string { return "#tf-start" }
