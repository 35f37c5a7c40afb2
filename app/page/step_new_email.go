package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// newEmailStep asks for the new address and sends the confirmation link
// to it ("Send confirmation link").
type newEmailStep struct {
	email string
}

// Render draws the address field.
func (s *newEmailStep) Render(f *Flow) app.UI {
	return f.form(
		f.errorAlert(),
		&component.Field{IID: valueID, ILabel: f.t(i18n.ChangeEmailNew), IType: "email", IValue: s.email,
			IAutocomplete: "email", IError: f.errs["email"],
			IOnInput: func(ctx app.Context, v string) { s.email = v }},
		f.submitButton(i18n.ChangeEmailSend),
	)
}

// Submit checks the address and asks for the link.
func (s *newEmailStep) Submit(ctx app.Context, f *Flow) {
	email := validate.NormalizeEmail(s.email)
	if err := validate.Email(email); err != nil {
		check(f.lng(), f.errs, "email", err)
		return
	}
	sendOnly(ctx, f, func() error { return apiclient.Default.ChangeEmail(api.EmailChangeRequest{Email: email}) },
		func(ctx app.Context) {
			// Account data shows the change waiting (the server's /me says
			// the same from now on).
			f.me.PendingEmail = email
			if f.onChange != nil {
				f.onChange(ctx, f.me)
			}
			f.finish(ctx, i18n.F(f.lng(), i18n.ChangeEmailSent, "email", email))
		})
}

// Focus is the address field.
func (s *newEmailStep) Focus() string { return "#" + valueID }
