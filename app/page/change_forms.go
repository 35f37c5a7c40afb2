package page

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// form is the change itself, once the password (and code) are proven.
func (d *ChangeDialog) form() app.UI {
	switch d.IAction {
	case api.ActionEmail:
		return app.Form().NoValidate(true).OnSubmit(d.submitEmail).Body(
			component.Alert(component.AlertError, d.err.Message),
			&component.Field{IID: "ch-value", ILabel: d.t(i18n.ChangeEmailNew), IType: "email", IValue: d.value,
				IAutocomplete: "email", IError: d.errs["email"],
				IOnInput: func(ctx app.Context, v string) { d.value = v }},
			app.Button().Class("btn btn-block").Type("submit").Disabled(d.busy).Text(d.t(i18n.ChangeEmailSend)),
		)
	case api.ActionPassword:
		return app.Form().NoValidate(true).OnSubmit(d.submitPassword2).Body(
			component.Alert(component.AlertError, d.err.Message),
			&component.Field{IID: "ch-value", ILabel: d.t(i18n.FieldNewPassword), IType: "password", IValue: d.value,
				IAutocomplete: "new-password", IHint: d.t(i18n.HintPassword), IError: d.errs["password"],
				IOnInput: func(ctx app.Context, v string) {
					d.value = v
					component.CheckStrength(ctx, v, d.IMe.Email, d.IMe.FirstName, d.IMe.LastName)
				}},
			&component.StrengthMeter{},
			app.Button().Class("btn btn-block").Type("submit").Disabled(d.busy).Text(d.t(i18n.ResetButton)),
		)
	case api.ActionPhone:
		return app.Form().NoValidate(true).OnSubmit(d.submitPhone).Body(
			component.Alert(component.AlertError, d.err.Message),
			&component.Field{IID: "ch-value", ILabel: d.t(i18n.FieldPhone), IType: "tel", IValue: d.value,
				IAutocomplete: "tel", IHint: d.t(i18n.HintPhone), IError: d.errs["phone"],
				IOnInput: func(ctx app.Context, v string) { d.value = v }},
			app.Button().Class("btn btn-block").Type("submit").Disabled(d.busy).Text(d.t(i18n.ChangePhoneSend)),
			app.If(d.IMe.Phone != "", func() app.UI {
				return app.Div().Class("links").Body(
					app.Button().Class("linkbtn").Type("button").Text(d.t(i18n.ChangePhoneRemove)).OnClick(d.removePhone),
				)
			}),
		)
	}
	return app.Div().Body(
		app.P().Text(d.t(i18n.DeleteFinal)),
		component.Alert(component.AlertError, d.err.Message),
		app.Div().Class("actions").Body(
			app.Button().Class("btn btn-danger").Type("button").ID("delete-now").Disabled(d.busy).
				Text(d.t(i18n.DeleteNow)).OnClick(d.deleteNow),
			app.Button().Class("btn btn-secondary").Type("button").Text(d.t(i18n.Cancel)).
				OnClick(func(ctx app.Context, e app.Event) { d.IOnClose(ctx) }),
		),
	)
}

func (d *ChangeDialog) submitEmail(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d.errs = map[string]string{}
	email := validate.NormalizeEmail(d.value)
	if err := validate.Email(email); err != nil {
		check(d.lang, d.errs, "email", err)
		return
	}
	d.call(ctx, func() error { return apiclient.Default.ChangeEmail(api.EmailChangeRequest{Email: email}) }, func(ctx app.Context) {
		d.done = i18n.F(d.lang, i18n.ChangeEmailSent, "email", email)
		d.goTo(ctx, chDone, "#change-dialog .dialog-body button")
	})
}

func (d *ChangeDialog) submitPassword2(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d.errs = map[string]string{}
	if err := validate.Password(d.value); err != nil {
		check(d.lang, d.errs, "password", err)
		return
	}
	pw := d.value
	d.call(ctx, func() error { return apiclient.Default.ChangePassword(api.PasswordRequest{Password: pw}) }, func(ctx app.Context) {
		d.value = ""
		d.done = d.t(i18n.ChangePasswordDone)
		d.goTo(ctx, chDone, "#change-dialog .dialog-body button")
	})
}

func (d *ChangeDialog) submitPhone(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d.errs = map[string]string{}
	phone := validate.NormalizePhone(strings.TrimSpace(d.value))
	if err := validate.Phone(phone); err != nil {
		check(d.lang, d.errs, "phone", err)
		return
	}
	var sent api.PhoneCodeSent
	d.call(ctx, func() (err error) { sent, err = apiclient.Default.StartPhone(api.PhoneRequest{Phone: phone}); return }, func(ctx app.Context) {
		d.masked = sent.MaskedPhone
		d.goTo(ctx, chSMS, "#ch-code")
		d.wait.start(ctx, 30)
		me := d.IMe
		me.Phone, me.PhoneVerified = phone, false
		d.IOnDone(ctx, &me)
	})
}

func (d *ChangeDialog) removePhone(ctx app.Context, e app.Event) {
	var me api.Me
	d.call(ctx, func() (err error) { me, err = apiclient.Default.RemovePhone(); return }, func(ctx app.Context) {
		d.done = d.t(i18n.ChangePhoneRemoved)
		d.goTo(ctx, chDone, "#change-dialog .dialog-body button")
		d.IOnDone(ctx, &me)
	})
}

func (d *ChangeDialog) deleteNow(ctx app.Context, e app.Event) {
	d.call(ctx, apiclient.Default.DeleteAccount, func(ctx app.Context) {
		state.ForgetDevice()
		ctx.SessionStorage().Set(keyFarewell, "1")
		ctx.SetState(state.KeySession, state.Session{Status: state.Loaded, State: api.StateNone})
		ctx.Navigate("/login")
	})
}

// keyFarewell tells the login page to say the account was deleted.
const keyFarewell = "farewell"
