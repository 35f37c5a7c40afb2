package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// actionTwoFactor is the dialog behind "Edit" on TWO-FACTOR AUTHENTICATION.
const actionTwoFactor = "two_factor"

// Steps of a change dialog.
const (
	chExplain  = "explain"
	chPassword = "password"
	chCode     = "code"
	chForm     = "form"
	chSMS      = "sms"
	chDone     = "done"
)

// ChangeDialog is the dialog behind each "Edit" of Account data and behind
// "Delete MINI ID": the password (and the e-mailed code when two-factor
// authentication is on) first, then the change itself. For two-factor
// authentication the code is always asked, and it makes the change:
// "Activate" (or "Deactivate") → password → "NEXT" → code → "Activate".
type ChangeDialog struct {
	app.Compo
	IAction  string // api.ActionEmail, ActionPassword, ActionPhone, ActionDelete
	IMe      api.Me
	IOnDone  func(ctx app.Context, me *api.Me) // a changed profile, or nil
	IOnClose func(ctx app.Context)

	lang   string
	step   string
	pw     string
	code   string
	value  string // new e-mail, password or phone
	masked string
	done   string
	errs   map[string]string
	err    formError
	info   string
	busy   bool
	wait   countdown
}

// OnMount follows the language.
func (d *ChangeDialog) OnMount(ctx app.Context) { state.ObserveLang(ctx, &d.lang) }

func (d *ChangeDialog) t(k i18n.Key) string { return i18n.T(d.lang, k) }

func (d *ChangeDialog) title() string {
	switch d.IAction {
	case api.ActionEmail:
		return d.t(i18n.ChangeEmailTitle)
	case api.ActionPassword:
		return d.t(i18n.ChangePasswordTitle)
	case api.ActionPhone:
		return d.t(i18n.ChangePhoneTitle)
	case actionTwoFactor:
		return d.t(i18n.TFTitle)
	}
	return d.t(i18n.DeleteTitle)
}

// Render draws the current step.
func (d *ChangeDialog) Render() app.UI {
	if d.step == "" {
		d.step = chPassword
		if d.IAction == api.ActionDelete || d.IAction == actionTwoFactor {
			d.step = chExplain
		}
	}
	return &component.Dialog{IID: "change-dialog", ITitle: d.title(), IOnClose: d.IOnClose,
		IBody: []app.UI{d.body()}}
}

func (d *ChangeDialog) body() app.UI {
	switch d.step {
	case chExplain:
		if d.IAction == actionTwoFactor {
			return d.twoFactorChoice()
		}
		return app.Div().Body(
			app.P().Text(d.t(i18n.DeleteExplain)),
			app.Ul().Body(app.Li().Text(d.t(i18n.DeleteLost1)), app.Li().Text(d.t(i18n.DeleteLost2)), app.Li().Text(d.t(i18n.DeleteLost3))),
			app.Div().Class("actions").Body(
				app.Button().Class("btn btn-danger").Type("button").ID("delete-continue").Text(d.t(i18n.DeleteContinue)).
					OnClick(func(ctx app.Context, e app.Event) { d.goTo(ctx, chPassword, "#ch-password") }),
				app.Button().Class("btn btn-secondary").Type("button").Text(d.t(i18n.Cancel)).
					OnClick(func(ctx app.Context, e app.Event) { d.IOnClose(ctx) }),
			),
		)
	case chPassword:
		return app.Form().NoValidate(true).OnSubmit(d.submitPassword).Body(
			app.P().Text(d.t(i18n.TFPasswordLead)),
			component.Alert(component.AlertError, d.err.Message),
			&component.Field{IID: "ch-password", ILabel: d.t(i18n.FieldPassword), IType: "password", IValue: d.pw,
				IAutocomplete: "current-password", IError: d.errs["password"],
				IOnInput: func(ctx app.Context, v string) { d.pw = v }},
			app.Button().Class("btn btn-block").Type("submit").Disabled(d.busy).Text(d.t(i18n.TFNext)),
		)
	case chCode, chSMS:
		lead, label, button := i18n.F(d.lang, i18n.ConfirmCodeLead, "email", d.masked), d.t(i18n.FieldCode), d.t(i18n.CodeConfirm)
		switch {
		case d.step == chSMS:
			lead, label = i18n.F(d.lang, i18n.ChangePhoneSent, "phone", d.masked), d.t(i18n.ChangePhoneCode)
		case d.IAction == actionTwoFactor:
			lead, button = i18n.F(d.lang, i18n.CodeSentTo, "email", d.masked), d.twoFactorVerb()
		}
		return app.Form().NoValidate(true).OnSubmit(d.submitCode).Body(
			app.P().ID("ch-sent").Text(lead),
			component.Alert(component.AlertError, d.err.Message),
			component.Alert(component.AlertOK, d.info),
			codeField(d.lang, "ch-code", label, d.code, d.errs["code"], func(ctx app.Context, v string) { d.code = v }),
			app.Button().Class("btn btn-block").Type("submit").Disabled(d.busy).Text(button),
			app.Div().Class("links").Body(
				resendButton(d.lang, "ch-request-new", &d.wait, d.resend),
			),
		)
	case chForm:
		return d.form()
	default:
		return app.Div().Body(
			component.Alert(component.AlertOK, d.done),
			app.Button().Class("btn btn-block").Type("button").Text(d.t(i18n.Close)).
				OnClick(func(ctx app.Context, e app.Event) { d.IOnClose(ctx) }),
		)
	}
}

func (d *ChangeDialog) goTo(ctx app.Context, step, focus string) {
	d.step = step
	d.err, d.errs, d.info = formError{}, map[string]string{}, ""
	component.FocusSoon(focus)
}

// call runs send in the background and then ok, or shows the error.
func (d *ChangeDialog) call(ctx app.Context, send func() error, ok func(ctx app.Context)) {
	d.busy = true
	ctx.Async(func() {
		err := send()
		ctx.Dispatch(func(ctx app.Context) {
			d.busy = false
			if err != nil {
				d.err = readError(d.lang, err)
				d.errs = d.err.Fields
				if d.err.RetryAfter > 0 && d.err.Code == api.CodeRateLimited {
					d.wait.start(ctx, d.err.RetryAfter)
				}
				if d.err.Code == api.CodeReauthRequired || d.err.Code == api.CodeBadRequest && d.step != chPassword {
					d.goTo(ctx, chPassword, "#ch-password")
					d.err = readError(d.lang, err)
				}
				return
			}
			ok(ctx)
		})
	})
}

func (d *ChangeDialog) submitPassword(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d.err, d.errs = formError{}, map[string]string{}
	if d.pw == "" {
		d.errs["password"] = i18n.FieldError(d.lang, "password", validate.CodeRequired)
		return
	}
	if d.IAction == actionTwoFactor {
		var sent api.CodeSent
		req := api.TwoFactorStartRequest{Enable: !d.IMe.TwoFactor, Password: d.pw}
		d.call(ctx, func() (err error) { sent, err = apiclient.Default.StartTwoFactor(req); return }, func(ctx app.Context) {
			d.pw = ""
			d.masked = sent.MaskedEmail
			d.goTo(ctx, chCode, "#ch-code")
			d.wait.start(ctx, 30)
		})
		return
	}
	var res api.ReauthResult
	req := api.ReauthRequest{Action: d.IAction, Password: d.pw}
	d.call(ctx, func() (err error) { res, err = apiclient.Default.Reauth(req); return }, func(ctx app.Context) {
		d.pw = ""
		if res.CodeSent {
			d.masked = res.MaskedEmail
			d.goTo(ctx, chCode, "#ch-code")
			d.wait.start(ctx, 30)
			return
		}
		d.proven(ctx)
	})
}

// proven moves on once the password (and code) are proven.
func (d *ChangeDialog) proven(ctx app.Context) {
	if d.IAction == api.ActionDelete {
		d.goTo(ctx, chForm, "#delete-now")
		return
	}
	d.goTo(ctx, chForm, "#ch-value")
}

func (d *ChangeDialog) submitCode(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d.err, d.errs, d.info = formError{}, map[string]string{}, ""
	code := validate.NormalizeCode(d.code)
	if err := validate.Code(code); err != nil {
		check(d.lang, d.errs, "code", err)
		return
	}
	if d.step == chSMS {
		var me api.Me
		d.call(ctx, func() (err error) { me, err = apiclient.Default.VerifyPhone(api.CodeRequest{Code: code}); return }, func(ctx app.Context) {
			d.code = ""
			d.done = d.t(i18n.ChangePhoneDone)
			d.goTo(ctx, chDone, "#change-dialog .dialog-body button")
			d.IOnDone(ctx, &me)
		})
		return
	}
	if d.IAction == actionTwoFactor {
		var res api.TwoFactorResult
		d.call(ctx, func() (err error) { res, err = apiclient.Default.ConfirmTwoFactor(api.CodeRequest{Code: code}); return }, func(ctx app.Context) {
			d.code = ""
			d.done = d.t(i18n.TFNowDeactivated)
			if res.Me.TwoFactor {
				d.done = d.t(i18n.TFNowActivated)
			}
			d.goTo(ctx, chDone, "#change-dialog .dialog-body button")
			d.IOnDone(ctx, &res.Me)
		})
		return
	}
	d.call(ctx, func() error { _, err := apiclient.Default.ReauthConfirm(api.CodeRequest{Code: code}); return err }, func(ctx app.Context) {
		d.code = ""
		d.proven(ctx)
	})
}

func (d *ChangeDialog) resend(ctx app.Context, e app.Event) {
	d.err, d.info = formError{}, ""
	send := func() error { _, err := apiclient.Default.ReauthResend(); return err }
	switch {
	case d.step == chSMS:
		send = func() error { _, err := apiclient.Default.ResendPhone(); return err }
	case d.IAction == actionTwoFactor:
		send = func() error { _, err := apiclient.Default.ResendTwoFactor(); return err }
	}
	d.call(ctx, send, func(ctx app.Context) {
		d.code = ""
		d.info = d.t(i18n.CodeNewSent)
		d.wait.start(ctx, 30)
	})
}

// twoFactorVerb is "Activate" or "Deactivate", whichever the change is.
func (d *ChangeDialog) twoFactorVerb() string {
	if d.IMe.TwoFactor {
		return d.t(i18n.TFDeactivate)
	}
	return d.t(i18n.TFActivate)
}

// twoFactorChoice is the dialog's first step for two-factor
// authentication: where it stands, what it does, and the button to change it.
func (d *ChangeDialog) twoFactorChoice() app.UI {
	explain, status := d.t(i18n.TFExplainOff), d.t(i18n.AccountNotActivated)
	if d.IMe.TwoFactor {
		explain, status = d.t(i18n.TFExplainOn), d.t(i18n.AccountActivated)
	}
	return app.Div().Body(
		app.P().Body(app.Strong().Text(d.t(i18n.TFStatusLabel)+": "), app.Text(status)),
		app.P().Text(explain),
		app.Div().Class("actions").Body(
			app.Button().Class("btn").Type("button").ID("tf-start").Text(d.twoFactorVerb()).
				OnClick(func(ctx app.Context, e app.Event) { d.goTo(ctx, chPassword, "#ch-password") }),
			app.Button().Class("btn btn-secondary").Type("button").Text(d.t(i18n.Cancel)).
				OnClick(func(ctx app.Context, e app.Event) { d.IOnClose(ctx) }),
		),
	)
}
