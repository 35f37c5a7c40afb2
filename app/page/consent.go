package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Consent is /consent?id=…: a third-party app asks to use the MINI ID —
// "Name wants to use your MINI ID: …" with "Allow" and "Cancel". The
// answer goes to the server, which then sends the browser back to the app.
type Consent struct {
	app.Compo
	base

	id     string
	status state.Status
	req    api.Authorization
	err    formError
	busy   bool
}

// NewConsent returns the page.
func NewConsent() app.Composer { return &Consent{} }

// OnNav sets the title.
func (p *Consent) OnNav(ctx app.Context) {
	setTitle(ctx, i18n.F(p.lang, i18n.ConsentTitle, "app", p.req.App))
}

// OnMount loads the app's request once the customer is logged in.
func (p *Consent) OnMount(ctx app.Context) {
	p.id = queryParam(ctx, "id")
	p.observe(ctx, func() { p.start(ctx) })
	p.start(ctx)
}

func (p *Consent) start(ctx app.Context) {
	if !requireLogin(ctx, p.sess) || p.status != state.NeverLoaded {
		return
	}
	p.status = state.Loading
	id := p.id
	ctx.Async(func() {
		req, err := apiclient.Default.Authorization(id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.status, p.err = state.LoadingErr, readError(p.lang, err)
				return
			}
			p.status, p.req = state.Loaded, req
			setTitle(ctx, i18n.F(p.lang, i18n.ConsentTitle, "app", req.App))
			component.FocusSoon("#consent-allow")
		})
	})
}

// answer sends "Allow" or "Cancel" and follows the server back to the app.
func (p *Consent) answer(ctx app.Context, allow bool) {
	p.busy, p.err = true, formError{}
	req := api.ConsentRequest{ID: p.id, Allow: allow}
	ctx.Async(func() {
		out, err := apiclient.Default.Consent(req)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.busy, p.err = false, readError(p.lang, err)
				if p.err.Code == apiclient.CodeOffline {
					p.err.Message = p.t(i18n.ConsentOffline)
				}
				return
			}
			leaveApp(out.To)
		})
	})
}

// Render draws the page.
func (p *Consent) Render() app.UI {
	if !p.sess.LoggedIn() {
		return p.frame(gate(p.lang, p.sess))
	}
	var body app.UI
	switch p.status {
	case state.Loaded:
		body = p.question()
	case state.LoadingErr:
		body = app.Div().Body(
			app.H1().Text(p.t(i18n.SignInErrorTitle)),
			component.Alert(component.AlertError, p.err.Message),
			app.A().Class("btn btn-secondary").Href("/profile").Text(p.t(i18n.SignInErrorHome)),
		)
	default:
		body = component.Loader(p.t(i18n.Loading))
	}
	return p.frame(app.Div().Class("narrow").Body(app.Div().Class("card").Body(body)))
}

func (p *Consent) question() app.UI {
	return app.Div().Body(
		app.H1().Text(i18n.F(p.lang, i18n.ConsentTitle, "app", p.req.App)),
		app.P().Class("lead").Text(i18n.F(p.lang, i18n.ConsentLead, "app", p.req.App)),
		app.Ul().Class("list").ID("consent-scopes").Body(
			app.Range(p.req.Scopes).Slice(func(i int) app.UI {
				return app.Li().Text(i18n.T(p.lang, i18n.ScopeKey(p.req.Scopes[i])))
			}),
		),
		app.P().Class("muted").Text(p.t(i18n.ConsentRemove)),
		component.Alert(component.AlertError, p.err.Message),
		app.Div().Class("actions").Body(
			app.Button().Class("btn").Type("button").ID("consent-allow").Disabled(p.busy).Text(p.t(i18n.ConsentAllow)).
				OnClick(func(ctx app.Context, e app.Event) { p.answer(ctx, true) }),
			app.Button().Class("btn btn-secondary").Type("button").ID("consent-cancel").Disabled(p.busy).Text(p.t(i18n.ConsentCancel)).
				OnClick(func(ctx app.Context, e app.Event) { p.answer(ctx, false) }),
		),
	)
}
