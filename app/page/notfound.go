package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/i18n"
)

// NotFound is the page for an address the portal does not have.
type NotFound struct {
	app.Compo
	base
}

// NewNotFound returns the page.
func NewNotFound() app.Composer { return &NotFound{} }

// OnNav sets the title.
func (p *NotFound) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.NotFoundTitle)) }

// OnMount follows language and session.
func (p *NotFound) OnMount(ctx app.Context) { p.observe(ctx) }

// Render draws the page.
func (p *NotFound) Render() app.UI {
	return p.frame(app.Div().Class("narrow").Body(
		app.Div().Class("card notfound").Body(
			app.P().Class("big").Aria("hidden", "true").Text("404"),
			app.H1().Text(p.t(i18n.NotFoundTitle)),
			app.P().Class("lead").Text(p.t(i18n.NotFoundText)),
			app.A().Class("btn").Href("/").Text(p.t(i18n.NotFoundHome)),
		),
	))
}
