package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/i18n"
)

// SignOut is /sign-out: an app logged out without proving whose session it
// ends, so the portal asks — "Log out" of the MINI ID too, or "Stay logged
// in" — and then sends the browser on to the app's registered address.
type SignOut struct {
	app.Compo
	base

	busy bool
}

// NewSignOut returns the page.
func NewSignOut() app.Composer { return &SignOut{} }

// OnNav sets the title.
func (p *SignOut) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.SignOutTitle)) }

// OnMount follows language and session (which holds the app's address).
func (p *SignOut) OnMount(ctx app.Context) { p.observe(ctx) }

// logout logs this browser out, then goes on to the app. A logout the
// server cannot hear now (offline) is kept on the device and sent with the
// next call (apiclient.Client.Logout).
func (p *SignOut) logout(ctx app.Context, e app.Event) {
	to := p.sess.Leave.To
	p.busy = true
	ctx.Async(func() {
		state.ForgetDevice()
		_ = apiclient.Default.Logout() // kept on the device until the server hears it
		ctx.Dispatch(func(ctx app.Context) { leaveApp(to) })
	})
}

// Render draws the page.
func (p *SignOut) Render() app.UI {
	if p.sess.Status != state.Loaded {
		return p.frame(component.Loader(p.t(i18n.Loading)))
	}
	l := p.sess.Leave
	if l == nil || !p.sess.LoggedIn() {
		return p.frame(app.Div().Class("narrow").Body(app.Div().Class("card").Body(
			app.H1().Text(p.t(i18n.SignOutTitle)),
			app.P().Class("lead").Text(p.t(i18n.SignOutNothing)),
			app.A().Class("btn btn-secondary").Href("/").Text(p.t(i18n.SignInErrorHome)),
		)))
	}
	return p.frame(app.Div().Class("narrow").Body(app.Div().Class("card").Body(
		app.H1().Text(p.t(i18n.SignOutTitle)),
		app.P().Class("lead").Text(i18n.F(p.lang, i18n.SignOutLead, "app", l.App)),
		app.Div().Class("actions").Body(
			app.Button().Class("btn").Type("button").ID("signout-logout").Disabled(p.busy).Text(p.t(i18n.SignOutButton)).OnClick(p.logout),
			app.Button().Class("btn btn-secondary").Type("button").ID("signout-stay").Disabled(p.busy).Text(p.t(i18n.SignOutStay)).
				OnClick(func(ctx app.Context, e app.Event) { leaveApp(l.To) }),
		),
	)))
}
