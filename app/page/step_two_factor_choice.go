package page

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// twoFactorChoiceStep is the two-factor dialog's first step: where it
// stands, what it does, and "Activate" or "Deactivate". Below them, the
// authenticator app as the alternative to the e-mailed code ("Set up
// authenticator app", "Remove authenticator app") and, while it is on,
// "Create new recovery codes".
type twoFactorChoiceStep struct{}

// Render draws the state and the buttons that change it.
func (s *twoFactorChoiceStep) Render(f *Flow) app.UI {
	me := f.me
	explain, status := f.t(i18n.TFExplainOff), f.t(i18n.AccountNotActivated)
	hasApp := slices.Contains(me.SecondFactors, api.MethodTOTP)
	hasMail := slices.Contains(me.SecondFactors, api.MethodEmailCode)
	switch {
	case me.TwoFactor && hasApp:
		explain, status = f.t(i18n.TFExplainOnApp), f.t(i18n.AccountActivated)
	case me.TwoFactor:
		explain, status = f.t(i18n.TFExplainOn), f.t(i18n.AccountActivated)
	}
	var factors app.UI
	if me.TwoFactor {
		var names []app.UI
		for _, m := range me.SecondFactors {
			names = append(names, app.Li().Text(f.t(methodName(m))))
		}
		factors = app.Div().Body(
			app.P().Body(app.Strong().Text(f.t(i18n.TFSecondFactorLabel)+":")),
			app.Ul().Class("plain").ID("tf-factors").Body(names...),
			app.P().Class("muted").ID("tf-recovery-left").Text(i18n.F(f.lng(), i18n.TFRecoveryLeft, "count", strconv.Itoa(me.RecoveryCodes))),
		)
	}
	more := []app.UI{}
	if !hasApp {
		if !me.TwoFactor {
			more = append(more, app.P().Class("muted").Text(f.t(i18n.TFAppOffer)))
		}
		more = append(more, s.other(f, "tf-app-on", i18n.TFSetUpApp, totpOnSteps))
	}
	if hasApp && hasMail {
		more = append(more, s.other(f, "tf-app-off", i18n.TFRemoveApp, totpOffSteps))
	}
	if me.TwoFactor {
		more = append(more, s.other(f, "tf-recovery", i18n.TFNewRecoveryCodes, recoverySteps))
	}
	return app.Div().Body(
		app.P().Body(app.Strong().Text(f.t(i18n.TFStatusLabel)+": "), app.Text(status)),
		app.P().Text(explain),
		factors,
		app.Div().Class("actions").Body(
			app.Button().Class("btn").Type("button").ID("tf-start").Text(f.t(twoFactorVerb(me))).OnClick(f.submit),
			app.Button().Class("btn btn-secondary").Type("button").Text(f.t(i18n.Cancel)).
				OnClick(func(ctx app.Context, e app.Event) { f.close(ctx) }),
		),
		app.Div().Class("more-actions").Body(more...),
	)
}

// other is a button that leads to another flow of the dialog.
func (s *twoFactorChoiceStep) other(f *Flow, id string, words i18n.Key, steps func() []Step) app.UI {
	return app.Button().Class("btn btn-secondary btn-block").Type("button").ID(id).Text(f.t(words)).
		OnClick(func(ctx app.Context, e app.Event) {
			f.then(steps()...)
			f.next(ctx)
		})
}

// Submit goes on to the password.
func (s *twoFactorChoiceStep) Submit(ctx app.Context, f *Flow) { f.next(ctx) }

// Focus is the button that changes it.
func (s *twoFactorChoiceStep) Focus() string { return "#tf-start" }
