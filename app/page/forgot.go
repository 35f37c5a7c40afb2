package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// Forgot is /forgot-password: an address in, always the same answer out.
type Forgot struct {
	app.Compo
	base

	email string
	errs  map[string]string
	err   formError
	sent  bool
	busy  bool
}

// NewForgot returns the page.
func NewForgot() app.Composer {
	p := &Forgot{}
	p.fill = p.prefill
	return p
}

// OnNav sets the title.
func (p *Forgot) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.ForgotTitle)) }

// OnMount follows language and session.
func (p *Forgot) OnMount(ctx app.Context) {
	p.observe(ctx)
}

func (p *Forgot) prefill(pf api.Prefill) {
	p.err = formError{Message: pf.Message, Code: pf.Code}
	p.errs = pf.Fields
	p.sent = pf.Step == api.StepSent
}

// Render draws the page.
func (p *Forgot) Render() app.UI {
	return p.frame(
		app.Div().Class("narrow").Body(
			app.Div().Class("card").Body(
				app.H1().Text(p.t(i18n.ForgotTitle)),
				app.If(p.sent, func() app.UI {
					return app.Div().Body(
						component.Alert(component.AlertOK, p.t(i18n.ForgotSent)),
						app.A().Class("btn btn-secondary").Href("/login").Text(p.t(i18n.CodeBackToLogin)),
					)
				}).Else(func() app.UI {
					return app.Div().Body(
						app.P().Class("lead").Text(p.t(i18n.ForgotLead)),
						component.Alert(component.AlertError, p.err.Message),
						component.PostForm(api.PageForgot, p.submit,
							&component.Field{IID: "email", ILabel: p.t(i18n.FieldEmail), IType: "email", IValue: p.email,
								IAutocomplete: "email", IError: p.errs["email"],
								IOnInput: func(ctx app.Context, v string) { p.email = v }},
							app.Button().Class("btn btn-block").Type("submit").Disabled(p.busy).Text(p.t(i18n.ForgotButton)),
						),
						app.Div().Class("links").Body(app.A().Href("/login").Text(p.t(i18n.CodeBackToLogin))),
					)
				}),
			),
		),
	)
}

func (p *Forgot) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.errs, p.err = map[string]string{}, formError{}
	check(p.lang, p.errs, "email", validate.Email(validate.NormalizeEmail(p.email)))
	if len(p.errs) > 0 {
		component.Focus("#email")
		return
	}
	p.busy = true
	email := p.email
	ctx.Async(func() {
		err := apiclient.Default.ForgotPassword(api.EmailRequest{Email: email})
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				p.errs = p.err.Fields
				return
			}
			p.sent = true
		})
	})
}
