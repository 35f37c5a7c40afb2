package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// newPasswordStep asks for the new password, with the strength meter.
type newPasswordStep struct {
	pw string
}

// Render draws the password field and its meter.
func (s *newPasswordStep) Render(f *Flow) app.UI {
	return f.form(
		f.errorAlert(),
		&component.Field{IID: valueID, ILabel: f.t(i18n.FieldNewPassword), IType: "password", IValue: s.pw,
			IAutocomplete: "new-password", IHint: f.t(i18n.HintPassword), IError: f.errs["password"],
			IOnInput: func(ctx app.Context, v string) {
				s.pw = v
				f.clearField("password") // the refusal was of the old text
				component.CheckStrength(ctx, v, f.me.Email, f.me.FirstName, f.me.LastName)
			}},
		&component.StrengthMeter{IRefused: f.errs["password"] != ""},
		f.submitButton(i18n.ResetButton),
	)
}

// Submit checks the length rule and sets the password.
func (s *newPasswordStep) Submit(ctx app.Context, f *Flow) {
	if err := validate.Password(s.pw); err != nil {
		check(f.lng(), f.errs, "password", err)
		return
	}
	pw := s.pw
	sendOnly(ctx, f, func() error { return apiclient.Default.ChangePassword(api.PasswordRequest{Password: pw}) },
		func(ctx app.Context) {
			s.pw = ""
			f.finish(ctx, f.t(i18n.ChangePasswordDone))
		})
}

// Focus is the password field.
func (s *newPasswordStep) Focus() string { return "#" + valueID }
