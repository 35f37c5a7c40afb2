package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Restore is /restore?token=…, the link of the farewell mail: "Keep my
// MINI ID" brings back an account that waits for its deletion.
type Restore struct {
	app.Compo
	base

	token string
	busy  bool
	done  bool
	err   formError
}

// NewRestore returns the page.
func NewRestore() app.Composer { return &Restore{} }

// OnNav sets the title.
func (p *Restore) OnNav(ctx app.Context) {
	setTitle(ctx, i18n.T(p.lang, i18n.RestoreTitle))
}

// OnMount reads the token and takes it out of the address bar and history.
func (p *Restore) OnMount(ctx app.Context) {
	p.observe(ctx)
	p.token = queryParam(ctx, "token")
	if !app.IsServer && p.token != "" {
		app.Window().Get("history").Call("replaceState", nil, "", "/restore")
	}
}

// Render draws the page.
func (p *Restore) Render() app.UI {
	var body app.UI
	switch {
	case p.done:
		body = app.Div().Body(
			component.Alert(component.AlertOK, p.t(i18n.RestoreLinkDone)),
			app.A().Class("btn btn-block").Href("/login").Text(p.t(i18n.RestoreLogin)),
		)
	case p.token == "":
		body = component.Alert(component.AlertError, p.t(i18n.LinkInvalid))
	default:
		body = app.Div().Body(
			app.P().Text(p.t(i18n.RestoreLead)),
			component.Alert(component.AlertError, p.err.Message),
			app.Button().ID("restore-keep").Class("btn btn-block").Type("button").Disabled(p.busy).
				Text(p.t(i18n.RestoreKeep)).OnClick(p.keep),
		)
	}
	return p.frame(app.Div().Class("narrow").Body(app.Div().Class("card").Body(
		app.H1().Text(p.t(i18n.RestoreTitle)), body,
	)))
}

func (p *Restore) keep(ctx app.Context, e app.Event) {
	p.busy, p.err = true, formError{}
	tok := p.token
	ctx.Async(func() {
		err := apiclient.Default.Restore(api.TokenRequest{Token: tok})
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				return
			}
			p.done = true
		})
	})
}
