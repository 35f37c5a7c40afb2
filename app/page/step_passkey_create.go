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

// passkeyCreateStep names the new passkey and has the device make it
// ("Create passkey"), once the step-up is done.
type passkeyCreateStep struct {
	name string
}

// Render draws the name field and the button.
func (s *passkeyCreateStep) Render(f *Flow) app.UI {
	return f.form(
		app.P().Text(f.t(i18n.PasskeyAddLead)),
		f.errorAlert(),
		component.Alert(component.AlertInfo, f.waiting()),
		&component.Field{IID: valueID, ILabel: f.t(i18n.PasskeyNameField), IValue: s.name, IOptional: true,
			IMaxLength: validate.MaxPasskeyNameLength, IHint: f.t(i18n.PasskeyNameHint), IError: f.errs["name"],
			IAutocomplete: "off", IOnInput: func(ctx app.Context, v string) { s.name = v }},
		f.submitButton(i18n.PasskeyCreate),
	)
}

// Submit has the browser create the passkey and adds it to the account.
func (s *passkeyCreateStep) Submit(ctx app.Context, f *Flow) {
	name := validate.NormalizeText(s.name)
	if name != "" {
		if err := validate.PasskeyName(name); err != nil {
			check(f.lng(), f.errs, "name", err)
			return
		}
	}
	send(ctx, f, func() (api.Passkey, error) {
		opts, err := apiclient.Default.BeginPasskey()
		if err != nil {
			return api.Passkey{}, err
		}
		cred, err := passkey.Create(opts.Options)
		if err != nil {
			return api.Passkey{}, err
		}
		return apiclient.Default.FinishPasskey(api.NewPasskeyRequest{Name: name, Credential: cred})
	}, func(ctx app.Context, p api.Passkey) {
		f.me.Passkeys++
		f.onChange(ctx, f.me)
		f.finish(ctx, i18n.F(f.lng(), i18n.PasskeyAdded, "name", p.Name))
	})
}

// Focus is the name field.
func (s *passkeyCreateStep) Focus() string { return "#" + valueID }
