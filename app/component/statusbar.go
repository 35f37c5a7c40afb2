package component

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/i18n"
)

// StatusBar shows the brand, "Help" and, when logged in, the profile icon
// with its menu ("My profile", "Log out").
type StatusBar struct {
	app.Compo
	ILang    string
	ISession state.Session

	open bool
}

// Render draws the bar.
func (s *StatusBar) Render() app.UI {
	lang := s.ILang
	loggedIn := s.ISession.LoggedIn()
	return app.Header().Class("statusbar").Body(
		app.Nav().Class("statusbar-inner").Aria("label", i18n.Brand()+" ID").Body(
			app.A().Class("brand").Href(homeFor(loggedIn)).Body(
				app.Img().Src("/web/icon.svg").Alt(""),
				app.Span().Text(i18n.Brand()+" ID"),
			),
			app.Span().Class("statusbar-spacer"),
			app.A().Class("navlink").Href("/help").Text(i18n.T(lang, i18n.NavHelp)),
			app.If(loggedIn, func() app.UI { return s.menu(lang) }),
		),
	)
}

func homeFor(loggedIn bool) string {
	if loggedIn {
		return "/profile"
	}
	return "/login"
}

func (s *StatusBar) menu(lang string) app.UI {
	me := s.ISession.Me
	return app.Div().Class("menu-wrap").OnKeyDown(s.onKey).Body(
		app.Button().ID("profile-button").Class("avatar").Type("button").
			Title(i18n.T(lang, i18n.NavProfileMenu)).
			Aria("label", i18n.T(lang, i18n.NavProfileMenu)).
			Aria("haspopup", "menu").
			Aria("expanded", s.open).
			Aria("controls", "profile-menu").
			Text(me.Initials()).
			OnClick(s.toggle),
		app.If(s.open, func() app.UI {
			return app.Ul().ID("profile-menu").Class("menu").Role("menu").Body(
				app.Li().Role("none").Body(
					app.A().Role("menuitem").Href("/profile").Text(i18n.T(lang, i18n.NavMyProfile)).
						OnClick(func(ctx app.Context, e app.Event) { s.open = false }),
				),
				app.Li().Role("none").Body(
					app.Button().Role("menuitem").Type("button").Text(i18n.T(lang, i18n.NavLogOut)).
						OnClick(func(ctx app.Context, e app.Event) {
							s.open = false
							state.Logout(ctx)
						}),
				),
			)
		}),
	)
}

func (s *StatusBar) toggle(ctx app.Context, e app.Event) {
	s.open = !s.open
	if s.open {
		ctx.Defer(func(app.Context) { Focus("#profile-menu [role=menuitem]") })
	}
}

func (s *StatusBar) onKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" && s.open {
		s.open = false
		FocusSoon("#profile-button")
	}
}

// FocusSoon moves focus to selector once the current update is on screen,
// even when the element that asked is being removed (a closing dialog).
func FocusSoon(selector string) {
	if app.IsServer {
		return
	}
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		Focus(selector)
		fn.Release()
		return nil
	})
	app.Window().Call("setTimeout", fn, 0)
}

// Focus moves keyboard focus to the first element matching selector.
func Focus(selector string) {
	if app.IsServer {
		return
	}
	if el := app.Window().Get("document").Call("querySelector", selector); el.Truthy() {
		el.Call("focus")
	}
}
