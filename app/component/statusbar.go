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
	ISession state.Session

	lang string
	open bool
}

// OnMount follows the language.
func (s *StatusBar) OnMount(ctx app.Context) { state.ObserveLang(ctx, &s.lang) }

// Render draws the bar.
func (s *StatusBar) Render() app.UI {
	lang := s.lang
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
	return app.Div().Class("menu-wrap").OnKeyDown(s.onKey).Body(
		app.Button().ID("profile-button").Class("avatar").Type("button").
			Title(i18n.T(lang, i18n.NavProfileMenu)).
			Aria("label", i18n.T(lang, i18n.NavProfileMenu)).
			Aria("haspopup", "menu").
			Aria("expanded", s.open).
			Aria("controls", "profile-menu").
			Body(Avatar(s.ISession)).
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

// Avatar is the customer's picture, or their initials without one.
func Avatar(s state.Session) app.UI {
	if s.Picture != "" && s.Me != nil && s.Me.Picture != "" {
		return app.Img().Class("avatar-img").Src(s.Picture).Alt("")
	}
	return app.Text(s.Me.Initials())
}

func (s *StatusBar) toggle(ctx app.Context, e app.Event) {
	s.open = !s.open
	if s.open {
		FocusSoon("#profile-menu [role=menuitem]")
	}
}

func (s *StatusBar) onKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" && s.open {
		s.open = false
		FocusSoon("#profile-button")
	}
}

// FocusSoon moves focus to the first element found by the selectors, in
// order of preference, once it is on screen: go-app updates the page after
// the event handler returns, so it looks again every frame for about half a
// second. It works even when the element that asked is being removed (a
// closing dialog), which ctx.Defer would not.
func FocusSoon(selectors ...string) {
	if app.IsServer {
		return
	}
	tries := 0
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		doc := app.Window().Get("document")
		for _, sel := range selectors {
			if el := doc.Call("querySelector", sel); el.Truthy() {
				el.Call("focus")
				fn.Release()
				return nil
			}
		}
		if tries++; tries < 30 {
			app.Window().Call("setTimeout", fn, 16)
			return nil
		}
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
