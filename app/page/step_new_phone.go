package page

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// newPhoneStep asks for the new Phone ID and texts it a code (the code step
// that follows verifies it); a Phone ID already there can be removed.
type newPhoneStep struct {
	phone  string
	filled bool
}

// Render draws the number field, and "Remove" when there is a Phone ID. A
// number given at registration and not verified yet is filled in: this is
// where it gets verified.
func (s *newPhoneStep) Render(f *Flow) app.UI {
	if !s.filled {
		s.filled = true
		if f.me.Phone != "" && !f.me.PhoneVerified {
			s.phone = f.me.Phone
		}
	}
	return f.form(
		f.errorAlert(),
		&component.Field{IID: valueID, ILabel: f.t(i18n.FieldPhone), IType: "tel", IValue: s.phone,
			IAutocomplete: "tel", IHint: f.t(i18n.HintPhone), IError: f.errs["phone"],
			IOnInput: func(ctx app.Context, v string) { s.phone = v }},
		f.submitButton(i18n.ChangePhoneSend),
		app.If(f.me.Phone != "", func() app.UI {
			return app.Div().Class("links").Body(
				app.Button().Class("linkbtn").Type("button").Text(f.t(i18n.ChangePhoneRemove)).
					OnClick(func(ctx app.Context, e app.Event) { s.remove(ctx, f) }),
			)
		}),
	)
}

// Submit checks the number and texts it a code.
func (s *newPhoneStep) Submit(ctx app.Context, f *Flow) {
	phone := validate.NormalizePhone(strings.TrimSpace(s.phone))
	if err := validate.Phone(phone); err != nil {
		check(f.lng(), f.errs, "phone", err)
		return
	}
	send(ctx, f, func() (api.PhoneCodeSent, error) { return apiclient.Default.StartPhone(api.PhoneRequest{Phone: phone}) },
		func(ctx app.Context, c api.PhoneCodeSent) {
			// The Phone ID the account has stays until the new number is
			// verified: the profile changes only with the code step.
			f.codeSent(ctx, sent{due: true, to: c.MaskedPhone, after: c.ResendAfter})
			f.next(ctx)
		})
}

func (s *newPhoneStep) remove(ctx app.Context, f *Flow) {
	f.err, f.errs = formError{}, map[string]string{}
	send(ctx, f, apiclient.Default.RemovePhone, func(ctx app.Context, me api.Me) {
		f.onChange(ctx, me)
		f.finish(ctx, f.t(i18n.ChangePhoneRemoved))
	})
}

// Focus is the number field.
func (s *newPhoneStep) Focus() string { return "#" + valueID }
