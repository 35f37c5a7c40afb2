package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Confirm is /confirm?token=…: it confirms the address (or an e-mail
// change) and logs the visitor in.
type Confirm struct {
	app.Compo
	base

	status state.Status
	err    formError
	done   string
}

// NewConfirm returns the page.
func NewConfirm() app.Composer { return &Confirm{} }

// OnNav sets the title.
func (p *Confirm) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.ConfirmTitle)) }

// OnMount sends the link's token once.
func (p *Confirm) OnMount(ctx app.Context) {
	p.observe(ctx)
	token := queryParam(ctx, "token")
	if token == "" {
		p.status = state.LoadingErr
		p.err.Message = p.t(i18n.LinkInvalid)
		return
	}
	p.status = state.Loading
	// The token leaves the address bar (and the history) at once.
	app.Window().Get("history").Call("replaceState", nil, "", "/confirm")
	ctx.Async(func() {
		out, err := apiclient.Default.Confirm(api.ConfirmRequest{Token: token})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.status = state.LoadingErr
				p.err = readError(p.lang, err)
				return
			}
			p.status = state.Loaded
			if out.Language != "" {
				state.SetLang(ctx, out.Language)
			}
			if out.Confirmed == "confirm" && out.State == api.StateFull {
				p.done = p.t(i18n.ConfirmDone)
				state.LoadSession(ctx)
				ctx.Navigate("/profile")
				return
			}
			p.done = p.t(i18n.ConfirmEmailChanged)
			state.LoadSession(ctx)
		})
	})
}

// Render draws the page.
func (p *Confirm) Render() app.UI {
	var body app.UI
	switch p.status {
	case state.Loaded:
		body = app.Div().Body(
			component.Alert(component.AlertOK, p.done),
			app.A().Class("btn").Href("/profile").Text(p.t(i18n.NavMyProfile)),
		)
	case state.LoadingErr:
		body = app.Div().Body(
			component.Alert(component.AlertError, p.err.Message),
			app.Div().Class("actions").Body(
				app.A().Class("btn btn-secondary").Href("/login").Text(p.t(i18n.LoginButton)),
			),
		)
	default:
		body = component.Loader(p.t(i18n.ConfirmWorking))
	}
	return p.frame(app.Div().Class("narrow").Body(
		app.Div().Class("card").Body(app.H1().Text(p.t(i18n.ConfirmTitle)), body),
	))
}
