package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/i18n"
)

// Home is /: it sends the visitor on to the profile or to log in.
type Home struct {
	app.Compo
	base
}

// NewHome returns the page.
func NewHome() app.Composer { return &Home{} }

// OnNav sets the title.
func (p *Home) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.NavLogIn)) }

// OnMount waits for the session, then moves on.
func (p *Home) OnMount(ctx app.Context) {
	p.observe(ctx, func() { p.route(ctx) })
	p.route(ctx)
}

func (p *Home) route(ctx app.Context) {
	switch {
	case p.sess.LoggedIn():
		ctx.Navigate("/profile")
	case p.sess.Status == state.Loaded || p.sess.Status == state.LoadingErr:
		ctx.Navigate("/login")
	}
}

// Render shows the frame while the session loads.
func (p *Home) Render() app.UI {
	return p.frame(component.Loader(p.t(i18n.Loading)))
}
