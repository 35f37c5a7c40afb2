package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// LoginCode is /login/code, the second step for accounts with two-factor
// authentication: "Activation code", "Confirm", "Request a new one". It is a
// flow of one step, the same code step the dialogs use.
type LoginCode struct {
	app.Compo
	base

	flow *Flow
}

// NewLoginCode returns the second-step page.
func NewLoginCode() app.Composer { return &LoginCode{} }

// OnInit builds the flow: the code went out with the password step.
func (p *LoginCode) OnInit() {
	p.flow = newFlow(&p.lang, api.Me{}, loginCodeStep())
	p.flow.codeDue = true
	p.flow.onFail = func(ctx app.Context, fe formError) {
		if fe.Code == api.CodeUnauthorized {
			ctx.Navigate("/login") // the login attempt is gone: start again
		}
	}
}

// OnNav sets the title.
func (p *LoginCode) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.CodeTitle)) }

// OnMount follows the session: without a login waiting for its code there
// is nothing to do here.
func (p *LoginCode) OnMount(ctx app.Context) {
	p.observe(ctx, func() { p.route(ctx) })
	p.route(ctx)
}

func (p *LoginCode) route(ctx app.Context) {
	p.flow.sentTo = p.sess.MaskedEmail
	if p.sess.Status != state.Loaded {
		return
	}
	switch p.sess.State {
	case api.StateFull:
		goSignedIn(ctx, p.sess.Return)
	case api.StateNone:
		ctx.Navigate("/login")
	}
}

// Render draws the page.
func (p *LoginCode) Render() app.UI {
	return p.frame(
		app.Div().Class("narrow").Body(
			app.Div().Class("card").Body(
				app.H1().Text(p.t(i18n.CodeTitle)),
				p.flow.Render(),
			),
		),
	)
}

// loginCodeStep is the code of a login's second step; a right one logs in.
func loginCodeStep() *codeStep {
	return &codeStep{id: "code", lead: i18n.CodeSentTo, label: i18n.FieldCode, button: i18n.CodeConfirm,
		verify: func(code string) (onSuccess, error) {
			out, err := apiclient.Default.LoginCode(api.CodeRequest{Code: code})
			return func(ctx app.Context, f *Flow) { afterSignIn(ctx, out.Return) }, err
		},
		resend: func() (sent, error) {
			s, err := apiclient.Default.LoginResend()
			return sent{to: s.MaskedEmail, after: s.ResendAfter}, err
		},
		more: func(lang string) app.UI {
			return app.A().Href("/login").Text(i18n.T(lang, i18n.CodeBackToLogin))
		},
	}
}
