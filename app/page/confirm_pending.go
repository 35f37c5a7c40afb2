package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// ConfirmPending is /register/confirm: "Please confirm your e-mail address"
// with "Send the e-mail again".
type ConfirmPending struct {
	app.Compo
	base

	email string
	err   formError
	info  string
	wait  countdown
}

// NewConfirmPending returns the page.
func NewConfirmPending() app.Composer {
	p := &ConfirmPending{}
	p.fill = p.prefill
	return p
}

// OnNav sets the title.
func (p *ConfirmPending) OnNav(ctx app.Context) {
	setTitle(ctx, i18n.T(p.lang, i18n.ConfirmPendingTitle))
}

// OnMount reads the address the visitor registered with.
func (p *ConfirmPending) OnMount(ctx app.Context) {
	p.observe(ctx)
	ctx.SessionStorage().Get(keyPendingEmail, &p.email)
}

func (p *ConfirmPending) prefill(pf api.Prefill) {
	if p.email == "" {
		p.email = pf.Email // registered through the HTML form
	}
	p.err, p.info = formError{Message: pf.Message, Code: pf.Code}, pf.Info
}

// Render draws the page.
func (p *ConfirmPending) Render() app.UI {
	return p.frame(app.Div().Class("narrow").Body(
		app.Div().Class("card").Body(
			app.H1().Text(p.t(i18n.ConfirmPendingTitle)),
			app.P().Text(i18n.F(p.lang, i18n.ConfirmPendingText, "email", p.email)),
			app.P().Class("muted").Text(p.t(i18n.ConfirmPendingHint)),
			component.Alert(component.AlertError, p.err.Message),
			component.Alert(component.AlertOK, p.info),
			component.PostForm(api.PageConfirmPending, p.resend,
				app.Input().Type("hidden").Name("email"),
				app.Div().Class("actions").Body(
					app.If(p.email != "", func() app.UI {
						return app.Button().Class("btn btn-secondary").Type("submit").Name(api.FormOp).Value(api.OpResend).
							Disabled(p.wait.active()).Text(p.wait.label(p.lang, p.t(i18n.ConfirmSendAgain)))
					}),
					app.A().Href("/login").Text(p.t(i18n.CodeBackToLogin)),
				),
			),
		),
	))
}

func (p *ConfirmPending) resend(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.err, p.info = formError{}, ""
	email := p.email
	ctx.Async(func() {
		err := apiclient.Default.ResendConfirmation(api.EmailRequest{Email: email})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.err = readError(p.lang, err)
				if p.err.RetryAfter > 0 {
					p.wait.start(ctx, p.err.RetryAfter)
				}
				return
			}
			p.info = p.t(i18n.ConfirmSentAgain)
			p.wait.start(ctx, resendWait(0)) // api.OK carries no ResendAfter
		})
	})
}
