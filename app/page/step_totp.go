package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// totpSetupStep sets up an authenticator app once the step-up is done: it
// shows the key as a QR code and as text, and takes the app's first code
// ("Activate"). The recovery codes made with it follow.
type totpSetupStep struct {
	setup  *api.TOTPSetup
	failed bool
	code   string
}

// open asks the server for a new key.
func (s *totpSetupStep) open(ctx app.Context, f *Flow) {
	s.setup, s.failed = nil, false
	send(ctx, f, apiclient.Default.BeginTOTP, func(ctx app.Context, setup api.TOTPSetup) {
		s.setup = &setup
		component.FocusSoon("#totp-code")
	})
}

// Render draws the QR code, the key and the code field.
func (s *totpSetupStep) Render(f *Flow) app.UI {
	if s.setup == nil {
		if f.err.Message == "" {
			return component.Loader(f.t(i18n.Loading))
		}
		return app.Div().Body(
			f.errorAlert(),
			app.Button().Class("btn").Type("button").ID("totp-retry").Text(f.t(i18n.TryAgain)).
				OnClick(func(ctx app.Context, e app.Event) { f.goTo(ctx, f.at) }),
		)
	}
	return f.form(
		app.P().Text(f.t(i18n.TOTPScan)),
		app.Div().Class("qr").Body(
			app.Img().Src(s.setup.QR).Alt(f.t(i18n.TOTPQRAlt)).Width(200).Height(200),
		),
		app.P().Class("muted").Text(f.t(i18n.TOTPKeyInstead)),
		app.P().Class("secret").ID("totp-key").Text(s.setup.Key),
		app.P().Text(f.t(i18n.TOTPEnterCode)),
		f.errorAlert(),
		&component.Field{IID: "totp-code", ILabel: f.t(i18n.TOTPField), IValue: s.code, IInputMode: "numeric",
			IAutocomplete: "one-time-code", IMaxLength: 7, IError: f.errs["code"],
			IOnInput: func(ctx app.Context, v string) { s.code = v }},
		f.submitButton(i18n.TFActivate),
	)
}

// Submit sends the app's first code.
func (s *totpSetupStep) Submit(ctx app.Context, f *Flow) {
	if err := validate.Code(s.code); err != nil {
		check(f.lng(), f.errs, "app_code", err)
		f.errs["code"] = f.errs["app_code"]
		component.Focus("#totp-code")
		return
	}
	code := validate.NormalizeCode(s.code)
	send(ctx, f, func() (api.TOTPResult, error) {
		return apiclient.Default.ConfirmTOTP(api.CodeRequest{Code: code})
	}, func(ctx app.Context, res api.TOTPResult) {
		f.me = res.Me
		f.onChange(ctx, res.Me)
		f.done = f.t(i18n.TOTPActivated)
		if len(res.RecoveryCodes) == 0 {
			f.finish(ctx, f.done)
			return
		}
		f.codes = res.RecoveryCodes
		f.next(ctx)
	})
}

// Focus is the code field (or "Try again").
func (s *totpSetupStep) Focus() string { return "#totp-code, #totp-retry" }

// totpRemoveStep removes the authenticator app once the step-up is done.
type totpRemoveStep struct{}

// Render draws the question and the buttons.
func (s *totpRemoveStep) Render(f *Flow) app.UI {
	return app.Div().Body(
		app.P().Text(f.t(i18n.TOTPRemoveLead)),
		f.errorAlert(),
		f.confirmActions("totp-remove-now", i18n.TFRemoveApp, true),
	)
}

// Submit removes the app.
func (s *totpRemoveStep) Submit(ctx app.Context, f *Flow) {
	send(ctx, f, apiclient.Default.RemoveTOTP, func(ctx app.Context, me api.Me) {
		f.me = me
		f.onChange(ctx, me)
		f.finish(ctx, f.t(i18n.TOTPRemoved))
	})
}

// Focus is "Remove authenticator app".
func (s *totpRemoveStep) Focus() string { return "#totp-remove-now" }
