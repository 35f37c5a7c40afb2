package page

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/i18n"
)

// Profile is /profile: name, MINI ID, country and the entries to the
// profile's parts.
type Profile struct {
	app.Compo
	base

	busy bool
	err  formError
	info string
}

// NewProfile returns the page.
func NewProfile() app.Composer { return &Profile{} }

// OnNav sets the title.
func (p *Profile) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.ProfileTitle)) }

// OnMount follows the session and sends a visitor without one to log in.
func (p *Profile) OnMount(ctx app.Context) {
	p.observe(ctx, func() { requireLogin(ctx, p.sess) })
	requireLogin(ctx, p.sess)
}

// Render draws the page.
func (p *Profile) Render() app.UI {
	if !p.sess.LoggedIn() {
		return p.frame(gate(p.lang, p.sess))
	}
	me := p.sess.Me
	name := strings.TrimSpace(strings.Join([]string{i18n.Salutation(p.lang, me.Salutation), me.Title, me.FirstName, me.LastName}, " "))
	if me.Salutation == "none" || me.Salutation == "" {
		name = strings.TrimSpace(me.Title + " " + me.FirstName + " " + me.LastName)
	}
	return p.frame(app.Div().Class("medium").Body(
		app.Div().Class("card").Body(
			app.Div().Class("profile-head").Body(
				app.Span().Class("avatar").ID("profile-avatar").Aria("hidden", "true").Body(component.Avatar(p.sess)),
				app.Div().Body(
					app.H1().ID("profile-name").Text(name),
					app.P().Class("muted").Text(p.t(i18n.ProfileTitle)),
				),
			),
			app.If(me.Phone != "" && !me.PhoneVerified, func() app.UI {
				return component.Alert(component.AlertInfo, i18n.F(p.lang, i18n.ProfileVerifyPhone, "phone", me.Phone),
					app.Div().Class("actions").Body(app.A().ID("verify-phone").Href("/profile/account").Text(p.t(i18n.ProfileVerifyPhoneLink))))
			}),
			undeliverableNote(p.lang, me, true),
			p.pictureControls(),
			app.Dl().Class("facts").Body(
				app.Dt().Text(p.t(i18n.ProfileMiniID)),
				app.Dd().ID("profile-email").Text(me.Email),
				app.Dt().Text(p.t(i18n.ProfileCountry)),
				app.Dd().ID("profile-country").Text(i18n.Country(p.lang, me.Country)),
			),
			app.Ul().Class("entries").Body(
				app.Li().Body(app.A().Href("/profile/account").Text(p.t(i18n.ProfileAccountData))),
				app.Li().Body(app.A().Href("/profile/personal").Text(p.t(i18n.ProfilePersonalData))),
				app.Li().Body(app.A().Href("/profile/security").Text(p.t(i18n.ProfileSecurity))),
				app.Li().Body(app.A().Href("/help").Text(p.t(i18n.ProfileHelp))),
			),
		),
	))
}
