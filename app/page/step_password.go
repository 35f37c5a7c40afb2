package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/passkey"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// passwordStep asks for the current password ("NEXT") and proves it; the
// answer says whether a second factor is asked. For a change (passkeyFor
// names it), an account with a passkey may use it instead: a passkey is
// two factors, so nothing else is asked.
type passwordStep struct {
	prove      func(password string) (sent, error)
	passkeyFor string

	pw string
}

// Render draws the password field, and "Use a passkey instead".
func (s *passwordStep) Render(f *Flow) app.UI {
	var alt app.UI
	if s.passkeyFor != "" && f.me.Passkeys > 0 && passkey.Supported() {
		alt = app.Div().Class("links").Body(
			app.Button().Class("linkbtn").Type("button").ID("ch-use-passkey").Disabled(f.busy).
				Text(f.t(i18n.PasswordUsePasskey)).OnClick(s.usePasskey(f)),
		)
	}
	return f.form(
		app.P().Text(f.t(i18n.TFPasswordLead)),
		f.errorAlert(),
		component.Alert(component.AlertInfo, s.waiting(f)),
		&component.Field{IID: "ch-password", ILabel: f.t(i18n.FieldPassword), IType: "password", IValue: s.pw,
			IAutocomplete: "current-password", IError: f.errs["password"],
			IOnInput: func(ctx app.Context, v string) { s.pw = v }},
		f.submitButton(i18n.TFNext),
		alt,
	)
}

// waiting is the flow's word while a passkey is asked for instead of the
// password (not while the password is checked).
func (s *passwordStep) waiting(f *Flow) string {
	if s.pw != "" {
		return ""
	}
	return f.waiting()
}

// Submit proves the password, then moves on to the code or the change.
func (s *passwordStep) Submit(ctx app.Context, f *Flow) {
	if s.pw == "" {
		f.errs["password"] = i18n.FieldError(f.lng(), "password", validate.CodeRequired)
		return
	}
	pw := s.pw
	send(ctx, f, func() (sent, error) { return s.prove(pw) }, func(ctx app.Context, c sent) {
		s.pw = ""
		f.codeSent(ctx, c)
		f.next(ctx)
	})
}

// usePasskey proves who it is with a passkey alone, then moves on to the
// change.
func (s *passwordStep) usePasskey(f *Flow) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		f.err, f.errs, f.info = formError{}, map[string]string{}, ""
		s.pw = ""
		component.SetInputValue("ch-password", "")
		sendOnly(ctx, f, func() error {
			opts, err := apiclient.Default.ReauthPasskey(api.StepUpPasskeyRequest{Action: s.passkeyFor})
			if err != nil {
				return err
			}
			cred, err := passkey.Get(opts.Options)
			if err != nil {
				return err
			}
			_, err = apiclient.Default.ReauthConfirm(api.FactorRequest{Method: api.MethodPasskey, Credential: cred})
			return err
		}, func(ctx app.Context) {
			f.codeDue = false
			f.next(ctx)
		})
	}
}

// Focus is the password field.
func (s *passwordStep) Focus() string { return "#ch-password" }
