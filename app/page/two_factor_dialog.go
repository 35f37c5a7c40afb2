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

// Steps of the two-factor dialog.
const (
	tfChoose   = "choose"
	tfPassword = "password"
	tfCode     = "code"
	tfDone     = "done"
)

// TwoFactorDialog switches two-factor authentication on or off: "Activate"
// (or "Deactivate") → password → "NEXT" → the e-mailed code → "Activate".
type TwoFactorDialog struct {
	app.Compo
	ILang    string
	IEnabled bool
	IOnClose func(ctx app.Context)

	step     string
	enable   bool
	password string
	code     string
	masked   string
	errs     map[string]string
	err      formError
	info     string
	busy     bool
	wait     countdown
}

func (d *TwoFactorDialog) t(k i18n.Key) string { return i18n.T(d.ILang, k) }

// Render draws the current step.
func (d *TwoFactorDialog) Render() app.UI {
	if d.step == "" {
		d.step = tfChoose
	}
	return &component.Dialog{IID: "two-factor-dialog", ITitle: d.t(i18n.TFTitle), ILang: d.ILang,
		IOnClose: d.IOnClose, IBody: []app.UI{d.body()}}
}

func (d *TwoFactorDialog) actionLabel() string {
	if d.enable {
		return d.t(i18n.TFActivate)
	}
	return d.t(i18n.TFDeactivate)
}

func (d *TwoFactorDialog) body() app.UI {
	switch d.step {
	case tfPassword:
		return app.Form().NoValidate(true).OnSubmit(d.submitPassword).Body(
			app.P().Text(d.t(i18n.TFPasswordLead)),
			component.Alert(component.AlertError, d.err.Message),
			&component.Field{IID: "tf-password", ILabel: d.t(i18n.FieldPassword), IType: "password", IValue: d.password,
				IAutocomplete: "current-password", IError: d.errs["password"], ILang: d.ILang,
				IOnInput: func(ctx app.Context, v string) { d.password = v }},
			app.Button().Class("btn btn-block").Type("submit").Disabled(d.busy).Text(d.t(i18n.TFNext)),
		)
	case tfCode:
		return app.Form().NoValidate(true).OnSubmit(d.submitCode).Body(
			app.P().ID("tf-sent").Text(i18n.F(d.ILang, i18n.CodeSentTo, "email", d.masked)),
			component.Alert(component.AlertError, d.err.Message),
			component.Alert(component.AlertOK, d.info),
			codeField(d.ILang, "tf-code", d.t(i18n.FieldCode), d.code, d.errs["code"], func(ctx app.Context, v string) { d.code = v }),
			app.Button().Class("btn btn-block").Type("submit").Disabled(d.busy).Text(d.actionLabel()),
			app.Div().Class("links").Body(
				resendButton(d.ILang, "tf-request-new", &d.wait, d.resend),
			),
		)
	case tfDone:
		msg := d.t(i18n.TFNowDeactivated)
		if d.enable {
			msg = d.t(i18n.TFNowActivated)
		}
		return app.Div().Body(
			component.Alert(component.AlertOK, msg),
			app.Button().Class("btn btn-block").Type("button").Text(d.t(i18n.Close)).
				OnClick(func(ctx app.Context, e app.Event) { d.IOnClose(ctx) }),
		)
	default:
		explain, label := d.t(i18n.TFExplainOff), d.t(i18n.TFActivate)
		if d.IEnabled {
			explain, label = d.t(i18n.TFExplainOn), d.t(i18n.TFDeactivate)
		}
		state := d.t(i18n.AccountNotActivated)
		if d.IEnabled {
			state = d.t(i18n.AccountActivated)
		}
		return app.Div().Body(
			app.P().Body(app.Strong().Text(d.t(i18n.TFStatusLabel)+": "), app.Text(state)),
			app.P().Text(explain),
			app.Div().Class("actions").Body(
				app.Button().Class("btn").Type("button").ID("tf-start").Text(label).OnClick(d.choose),
				app.Button().Class("btn btn-secondary").Type("button").Text(d.t(i18n.Cancel)).
					OnClick(func(ctx app.Context, e app.Event) { d.IOnClose(ctx) }),
			),
		)
	}
}

func (d *TwoFactorDialog) goTo(ctx app.Context, step, focus string) {
	d.step = step
	d.err, d.errs, d.info = formError{}, map[string]string{}, ""
	component.FocusSoon(focus)
}

func (d *TwoFactorDialog) choose(ctx app.Context, e app.Event) {
	d.enable = !d.IEnabled
	d.goTo(ctx, tfPassword, "#tf-password")
}

func (d *TwoFactorDialog) submitPassword(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d.err, d.errs = formError{}, map[string]string{}
	if d.password == "" {
		d.errs["password"] = i18n.FieldError(d.ILang, "password", validate.CodeRequired)
		component.Focus("#tf-password")
		return
	}
	d.busy = true
	req := api.TwoFactorStartRequest{Enable: d.enable, Password: d.password}
	ctx.Async(func() {
		var out api.CodeSent
		err := apiclient.Default.Post(api.PathTwoFactorStart, req, &out)
		ctx.Dispatch(func(ctx app.Context) {
			d.busy = false
			d.password = ""
			if err != nil {
				d.err = readError(d.ILang, err)
				d.errs = d.err.Fields
				component.FocusSoon("#tf-password")
				return
			}
			d.masked = out.MaskedEmail
			d.goTo(ctx, tfCode, "#tf-code")
			d.wait.start(ctx, 30)
		})
	})
}

func (d *TwoFactorDialog) submitCode(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d.err, d.errs, d.info = formError{}, map[string]string{}, ""
	code := validate.NormalizeCode(d.code)
	check(d.ILang, d.errs, "code", validate.Code(code))
	if len(d.errs) > 0 {
		component.Focus("#tf-code")
		return
	}
	d.busy = true
	ctx.Async(func() {
		var out api.TwoFactorResult
		err := apiclient.Default.Post(api.PathTwoFactorConfirm, api.CodeRequest{Code: code}, &out)
		ctx.Dispatch(func(ctx app.Context) {
			d.busy = false
			if err != nil {
				d.err = readError(d.ILang, err)
				d.errs = d.err.Fields
				component.FocusSoon("#tf-code")
				return
			}
			apiclient.Default.SetCSRF(out.CSRFToken)
			d.code = ""
			d.goTo(ctx, tfDone, "#two-factor-dialog .dialog-body button")
			state.SetMe(ctx, out.Me)
		})
	})
}

func (d *TwoFactorDialog) resend(ctx app.Context, e app.Event) {
	d.err, d.info = formError{}, ""
	ctx.Async(func() {
		var out api.CodeSent
		err := apiclient.Default.Post(api.PathTwoFactorResend, nil, &out)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				d.err = readError(d.ILang, err)
				if d.err.RetryAfter > 0 {
					d.wait.start(ctx, d.err.RetryAfter)
				}
				return
			}
			d.code = ""
			d.info = d.t(i18n.CodeNewSent)
			d.wait.start(ctx, 30)
		})
	})
}
