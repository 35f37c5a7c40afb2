package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// passwordStep asks for the current password ("NEXT") and proves it; the
// answer says whether a code went out.
type passwordStep struct {
	prove func(password string) (sent, error)

	pw string
}

// Render draws the password field.
func (s *passwordStep) Render(f *Flow) app.UI {
	return f.form(
		app.P().Text(f.t(i18n.TFPasswordLead)),
		f.errorAlert(),
		&component.Field{IID: "ch-password", ILabel: f.t(i18n.FieldPassword), IType: "password", IValue: s.pw,
			IAutocomplete: "current-password", IError: f.errs["password"],
			IOnInput: func(ctx app.Context, v string) { s.pw = v }},
		f.submitButton(i18n.TFNext),
	)
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

// Focus is the password field.
func (s *passwordStep) Focus() string { return "#ch-password" }
