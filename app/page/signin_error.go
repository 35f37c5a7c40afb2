package page

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// SignInError is /sign-in-error?reason=…: an app's sign-in request that
// cannot continue and cannot be sent back to its app (an unknown app, an
// address the app did not register, a request run out or from another
// browser). The server answers it with status 400; it never leads on to an
// address the request named.
type SignInError struct {
	app.Compo
	base

	reason string
}

// NewSignInError returns the page.
func NewSignInError() app.Composer { return &SignInError{} }

// OnPreRender reads the reason on the server, so the page says it before
// the app starts.
func (p *SignInError) OnPreRender(ctx app.Context) { p.reason = queryParam(ctx, "reason") }

// OnNav sets the title.
func (p *SignInError) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.SignInErrorTitle)) }

// OnMount follows language and session. On a provider address (the server
// answered /oidc/… with this page) the reason comes in a cookie.
func (p *SignInError) OnMount(ctx app.Context) {
	p.reason = queryParam(ctx, "reason")
	if p.reason == "" {
		p.reason = cookie(api.CookieSignInError)
	}
	p.observe(ctx)
}

// cookie reads a cookie the page can see.
func cookie(name string) string {
	for _, c := range strings.Split(app.Window().Get("document").Get("cookie").String(), ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(c), "="); ok && k == name {
			return v
		}
	}
	return ""
}

// text is what the page says for its reason; an unknown one reads as an
// invalid request.
func (p *SignInError) text() string {
	switch p.reason {
	case api.ReasonUnknownApp, api.ReasonRedirectURI, api.ReasonExpired, api.ReasonOtherBrowser, api.ReasonUsed:
		return p.t(i18n.SignInErrorKey(p.reason))
	}
	return p.t(i18n.SignInErrorKey(api.ReasonInvalid))
}

// Render draws the page.
func (p *SignInError) Render() app.UI {
	return p.frame(app.Div().Class("narrow").Body(
		app.Div().Class("card").ID("signin-error").Body(
			app.H1().Text(p.t(i18n.SignInErrorTitle)),
			app.P().Class("lead").Text(p.text()),
			app.A().Class("btn btn-secondary").Href("/").Text(p.t(i18n.SignInErrorHome)),
		),
	))
}
