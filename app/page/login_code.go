package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// LoginCode is /login/code, the second step for accounts with two-factor
// authentication: "Activation code", "Confirm", "Request a new one" — or the
// code of the authenticator app — and "Use another method" (a recovery
// code, a passkey). It is a flow of one step, the second factor the dialogs
// use.
type LoginCode struct {
	app.Compo
	base

	flow *Flow
	pf   api.Prefill // what the server's page said
}

// NewLoginCode returns the second-step page.
func NewLoginCode() app.Composer { return &LoginCode{} }

// OnInit builds the flow: the code went out with the password step.
func (p *LoginCode) OnInit() {
	p.base.OnInit()
	p.flow = newFlow(&p.lang, api.Me{}, &factorStep{place: loginPlace()})
	p.flow.codeDue = true
	p.flow.action = api.PageLoginCode
	p.prefill(state.TakePrefill())
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
	p.flow.mount(ctx)
	p.observe(ctx, func() { p.route(ctx) })
	p.route(ctx)
	component.FocusSoon(p.flow.steps[0].Focus()) // the page is there for the code
	// "Request a new one" says when it works, counting down from the
	// wait the server gave with the code: never a refusal for a first click.
	switch {
	case p.pf.RetryAfter > 0:
		p.flow.wait.start(ctx, p.pf.RetryAfter)
	case p.sess.ResendAfter > 0:
		p.flow.wait.start(ctx, p.sess.ResendAfter)
	}
}

// OnPreRender shows where the code went and the answer of a form post.
func (p *LoginCode) OnPreRender(ctx app.Context) {
	p.base.OnPreRender(ctx)
	p.prefill(state.Prefill(ctx))
}

func (p *LoginCode) prefill(pf api.Prefill) {
	p.pf = pf
	if pf.Masked != "" {
		p.flow.sentTo = pf.Masked
	}
	if pf.Asked != "" {
		p.flow.asked = pf.Asked // the server's page asks for that method
	}
	p.flow.err = formError{Message: pf.Message, Code: pf.Code, RetryAfter: pf.RetryAfter}
	p.flow.errs, p.flow.info = orEmpty(pf.Fields), pf.Info
}

func (p *LoginCode) route(ctx app.Context) {
	if p.sess.MaskedEmail != "" {
		p.flow.sentTo = p.sess.MaskedEmail
	}
	if p.sess.Factors.Asked != "" && !p.flow.choosing && !p.flow.busy {
		p.flow.asked, p.flow.offered = p.sess.Factors.Asked, p.sess.Factors.Offered
	}
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
				app.H1().Text(p.t(p.title())),
				app.If(p.sess.EmailUndeliverable != "", func() app.UI {
					return component.Alert(component.AlertError, p.t(i18n.UndeliverableAtLogin))
				}),
				p.flow.Render(),
			),
		),
	)
}

// title is the seed's "Enter your activation code" for the e-mailed code,
// and "Confirm it's you" for the other factors.
func (p *LoginCode) title() i18n.Key {
	if p.flow.asked == "" || p.flow.asked == api.MethodEmailCode {
		return i18n.CodeTitle
	}
	return i18n.SecondStepTitle
}

// loginPlace is the second factor of a login; a right one logs in, and
// goes where the sign-in leads (an app waiting for it, or the profile).
func loginPlace() *factorPlace {
	return &factorPlace{id: "code", lead: i18n.CodeSentTo, button: i18n.CodeConfirm,
		prove: func(r api.FactorRequest) (onSuccess, error) {
			out, err := apiclient.Default.LoginCode(r)
			return func(ctx app.Context, f *Flow) { afterSignIn(ctx, out.Return) }, err
		},
		choose: func(m string) (api.FactorChallenge, error) {
			return apiclient.Default.LoginMethod(api.MethodRequest{Method: m})
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
