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
				// Decorative: the link's words name it. go-app drops an
				// empty alt, so the role says it.
				app.Img().Src("/web/icon.svg").Role("presentation"),
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
		// Its name holds the initials it shows (WCAG 2.5.3, label in name).
		app.Button().ID("profile-button").Class("avatar").Type("button").
			Title(i18n.T(lang, i18n.NavProfileMenu)).
			Aria("label", i18n.T(lang, i18n.NavProfileMenu)+" ("+s.ISession.Me.Initials()+")").
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
		// Decorative: the button's name says what it is (go-app drops an
		// empty alt, so the role says it).
		return app.Img().Class("avatar-img").Src(s.Picture).Alt("").Role("presentation")
	}
	return app.Text(s.Me.Initials())
}

func (s *StatusBar) toggle(ctx app.Context, e app.Event) {
	s.open = !s.open
	if s.open {
		FocusSoon("#profile-menu [role=menuitem]")
	}
}

// onKey is the menu's keyboard (WAI-ARIA menu button pattern): Escape
// closes it, the arrow keys move through its items (round), Home and End go
// to the first and the last.
func (s *StatusBar) onKey(ctx app.Context, e app.Event) {
	if !s.open {
		return
	}
	key := e.Get("key").String()
	if key == "Escape" {
		s.open = false
		FocusSoon("#profile-button")
		return
	}
	items := app.Window().Get("document").Call("querySelectorAll", "#profile-menu [role=menuitem]")
	n := items.Length()
	if n == 0 {
		return
	}
	at := -1
	active := app.Window().Get("document").Get("activeElement")
	for i := range n {
		if items.Index(i).Equal(active) {
			at = i
		}
	}
	next := -1
	switch key {
	case "ArrowDown":
		next = (at + 1) % n
	case "ArrowUp":
		next = (at - 1 + n) % n
		if at < 0 {
			next = n - 1
		}
	case "Home":
		next = 0
	case "End":
		next = n - 1
	}
	if next >= 0 {
		e.PreventDefault()
		items.Index(next).Call("focus")
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
				// An element of a page still inert (a dialog closing)
				// refuses the focus: try again next frame.
				if doc.Get("activeElement").Equal(el) {
					fn.Release()
					return nil
				}
				break
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

// FocusHeading moves focus to the page's heading (or its main landmark)
// once the page is drawn, unless something already has it.
func FocusHeading() {
	if app.IsServer {
		return
	}
	tries := 0
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		doc := app.Window().Get("document")
		if a := doc.Get("activeElement"); a.Truthy() && !a.Equal(doc.Get("body")) && !a.Equal(doc.Call("getElementById", "main")) {
			fn.Release() // something took it: a field, a message
			return nil
		}
		target := doc.Call("querySelector", "#main h1")
		if !target.Truthy() && tries < 40 {
			// The page is still loading its content (a loader): wait
			// for its heading, then settle for the main landmark.
			tries++
			app.Window().Call("setTimeout", fn, 50)
			return nil
		}
		if !target.Truthy() {
			target = doc.Call("getElementById", "main")
		}
		if target.Truthy() {
			if !target.Call("hasAttribute", "tabindex").Bool() {
				target.Call("setAttribute", "tabindex", "-1")
			}
			target.Call("focus", map[string]any{"preventScroll": true})
		}
		fn.Release()
		return nil
	})
	app.Window().Call("setTimeout", fn, 120)
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

// OnPreRender takes the language of the page the server prerenders.
func (s *StatusBar) OnPreRender(ctx app.Context) { state.PreRenderLang(ctx, &s.lang) }

// OnInit starts in the app's language: the first drawing speaks it.
func (s *StatusBar) OnInit() { s.lang = state.StartLang() }
