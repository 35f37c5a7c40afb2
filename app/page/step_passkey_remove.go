package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// passkeyRemoveStep is a passkey's removal, once the step-up is done:
// what it means, and "Remove".
type passkeyRemoveStep struct {
	key api.Passkey
}

// Render draws the question and the buttons.
func (s *passkeyRemoveStep) Render(f *Flow) app.UI {
	return app.Div().Body(
		app.P().Text(i18n.F(f.lng(), i18n.PasskeyRemoveLead, "name", s.key.Name)),
		f.errorAlert(),
		f.confirmActions("passkey-remove-now", i18n.PasskeyRemove, true),
	)
}

// Submit removes the passkey.
func (s *passkeyRemoveStep) Submit(ctx app.Context, f *Flow) {
	send(ctx, f, func() ([]api.Passkey, error) {
		return apiclient.Default.RemovePasskey(api.PasskeyIDRequest{ID: s.key.ID})
	}, func(ctx app.Context, list []api.Passkey) {
		f.me.Passkeys = len(list)
		f.onChange(ctx, f.me)
		f.finish(ctx, i18n.F(f.lng(), i18n.PasskeyRemoved, "name", s.key.Name))
	})
}

// Focus is "Remove".
func (s *passkeyRemoveStep) Focus() string { return "#passkey-remove-now" }

// passkeyRenameStep gives a passkey another name ("Save"); no step-up:
// a name changes nothing about who gets in.
type passkeyRenameStep struct {
	key    api.Passkey
	name   string
	edited bool
}

// Render draws the name field.
func (s *passkeyRenameStep) Render(f *Flow) app.UI {
	return f.form(
		f.errorAlert(),
		&component.Field{IID: valueID, ILabel: f.t(i18n.PasskeyNameField), IValue: s.key.Name,
			IMaxLength: validate.MaxPasskeyNameLength, IError: f.errs["name"], IAutocomplete: "off",
			IOnInput: func(ctx app.Context, v string) { s.name, s.edited = v, true }},
		f.submitButton(i18n.Save),
	)
}

// Submit saves the name and closes the dialog.
func (s *passkeyRenameStep) Submit(ctx app.Context, f *Flow) {
	name := s.key.Name
	if s.edited {
		name = validate.NormalizeText(s.name)
	}
	if err := validate.PasskeyName(name); err != nil {
		check(f.lng(), f.errs, "name", err)
		return
	}
	send(ctx, f, func() ([]api.Passkey, error) {
		return apiclient.Default.RenamePasskey(api.PasskeyRenameRequest{ID: s.key.ID, Name: name})
	}, func(ctx app.Context, _ []api.Passkey) { f.close(ctx) })
}

// Focus is the name field.
func (s *passkeyRenameStep) Focus() string { return "#" + valueID }
