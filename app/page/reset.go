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

// Reset is /reset-password?token=…: a new password from an e-mailed link.
type Reset struct {
	app.Compo
	base

	token    string
	password string
	errs     map[string]string
	err      formError
	done     bool
	busy     bool
}

// NewReset returns the page.
func NewReset() app.Composer { return &Reset{} }

// OnNav sets the title and reads the token.
func (p *Reset) OnNav(ctx app.Context) {
	setTitle(ctx, i18n.T(p.lang, i18n.ResetTitle))
	if t := queryParam(ctx, "token"); t != "" {
		p.token = t
	}
}

// OnMount follows language and session.
func (p *Reset) OnMount(ctx app.Context) {
	p.observe(ctx)
	p.prefill(ctx)
	if p.token != "" {
		// The token leaves the address bar (and the history) at once.
		app.Window().Get("history").Call("replaceState", nil, "", "/reset-password")
	}
}

// OnPreRender shows the answer of a form post the server renders.
func (p *Reset) OnPreRender(ctx app.Context) {
	p.base.OnPreRender(ctx)
	p.prefill(ctx)
}

func (p *Reset) prefill(ctx app.Context) {
	p.token = queryParam(ctx, "token")
	pf := state.Prefill(ctx)
	if pf.Token != "" {
		p.token = pf.Token // the page answers a form post
	}
	p.err = formError{Message: pf.Message, Code: pf.Code}
	p.errs = pf.Fields
	p.done = pf.Step == api.StepDone
}

// Render draws the page.
func (p *Reset) Render() app.UI {
	var body app.UI
	switch {
	case p.done:
		body = app.Div().Body(
			component.Alert(component.AlertOK, p.t(i18n.ResetDone)),
			app.A().Class("btn").Href("/login").Text(p.t(i18n.LoginButton)),
		)
	case p.token == "":
		body = app.Div().Body(
			component.Alert(component.AlertInfo, p.t(i18n.ResetNoToken)),
			app.A().Class("btn btn-secondary").Href("/forgot-password").Text(p.t(i18n.LoginForgot)),
		)
	default:
		body = app.Div().Body(
			app.P().Class("lead").Text(p.t(i18n.ResetLead)),
			component.Alert(component.AlertError, p.err.Message, p.newLink()),
			component.PostForm(api.PageReset, p.submit,
				app.Input().Type("hidden").Name("token"),
				&component.Field{IID: "password", ILabel: p.t(i18n.FieldNewPassword), IType: "password", IValue: p.password,
					IAutocomplete: "new-password", IHint: p.t(i18n.HintPassword), IError: p.errs["password"],
					IOnInput: func(ctx app.Context, v string) {
						p.password = v
						delete(p.errs, "password") // the refusal was of the old text
						component.CheckStrength(ctx, v)
					}},
				&component.StrengthMeter{IRefused: p.errs["password"] != ""},
				app.Button().Class("btn btn-block").Type("submit").Disabled(p.busy).Text(p.t(i18n.ResetButton)),
			),
		)
	}
	return p.frame(app.Div().Class("narrow").Body(
		app.Div().Class("card").Body(app.H1().Text(p.t(i18n.ResetTitle)), body),
	))
}

func (p *Reset) newLink() app.UI {
	if p.err.Code != api.CodeInvalidToken {
		return nil
	}
	return app.Div().Class("actions").Body(app.A().Href("/forgot-password").Text(p.t(i18n.LoginForgot)))
}

func (p *Reset) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.errs, p.err = map[string]string{}, formError{}
	check(p.lang, p.errs, "password", validate.Password(p.password))
	if len(p.errs) > 0 {
		component.Focus("#password")
		return
	}
	p.busy = true
	req := api.ResetRequest{Token: p.token, Password: p.password}
	ctx.Async(func() {
		err := apiclient.Default.ResetPassword(req)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				p.errs = p.err.Fields
				return
			}
			p.password = ""
			p.done = true
		})
	})
}
