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

// LoginCode is /login/code, the second step for accounts with two-factor
// authentication: "Activation code", "Confirm", "Request a new one".
type LoginCode struct {
	app.Compo
	base

	code string
	errs map[string]string
	err  formError
	info string
	busy bool
	wait countdown
}

// NewLoginCode returns the second-step page.
func NewLoginCode() app.Composer { return &LoginCode{} }

// OnNav sets the title.
func (p *LoginCode) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.CodeTitle)) }

// OnMount follows the session: without a login waiting for its code there
// is nothing to do here.
func (p *LoginCode) OnMount(ctx app.Context) {
	p.observe(ctx, func() { p.route(ctx) })
	p.route(ctx)
}

func (p *LoginCode) route(ctx app.Context) {
	if p.sess.Status != state.Loaded {
		return
	}
	switch p.sess.State {
	case api.StateFull:
		ctx.Navigate("/profile")
	case api.StateNone:
		ctx.Navigate("/login")
	}
}

// Render draws the page.
func (p *LoginCode) Render() app.UI {
	masked := p.sess.MaskedEmail
	return p.frame(
		app.Div().Class("narrow").Body(
			app.Div().Class("card").Body(
				app.H1().Text(p.t(i18n.CodeTitle)),
				app.P().Class("lead").ID("code-sent").Text(i18n.F(p.lang, i18n.CodeSentTo, "email", masked)),
				component.Alert(component.AlertError, p.err.Message),
				component.Alert(component.AlertOK, p.info),
				app.Form().NoValidate(true).OnSubmit(p.submit).Body(
					codeField(p.lang, "code", p.t(i18n.FieldCode), p.code, p.errs["code"], func(ctx app.Context, v string) { p.code = v }),
					app.Button().Class("btn btn-block").Type("submit").Disabled(p.busy).Text(p.t(i18n.CodeConfirm)),
				),
				app.Div().Class("links").Body(
					resendButton(p.lang, "request-new", &p.wait, p.resend),
					app.A().Href("/login").Text(p.t(i18n.CodeBackToLogin)),
				),
			),
		),
	)
}

func (p *LoginCode) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.errs, p.err, p.info = map[string]string{}, formError{}, ""
	code := validate.NormalizeCode(p.code)
	check(p.lang, p.errs, "code", validate.Code(code))
	if len(p.errs) > 0 {
		component.Focus("#code")
		return
	}
	p.busy = true
	ctx.Async(func() {
		_, err := apiclient.Default.LoginCode(api.CodeRequest{Code: code})
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				p.errs = p.err.Fields
				if p.err.Code == api.CodeUnauthorized {
					ctx.Navigate("/login")
				}
				return
			}
			p.code = ""
			state.LoadSession(ctx)
			ctx.Navigate("/profile")
		})
	})
}

func (p *LoginCode) resend(ctx app.Context, e app.Event) {
	p.err, p.info = formError{}, ""
	ctx.Async(func() {
		_, err := apiclient.Default.LoginResend()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.err = readError(p.lang, err)
				if p.err.RetryAfter > 0 {
					p.wait.start(ctx, p.err.RetryAfter)
				}
				return
			}
			p.code = ""
			p.info = p.t(i18n.CodeNewSent)
			p.wait.start(ctx, 30)
		})
	})
}
