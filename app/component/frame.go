package component

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/i18n"
)

// Frame is the shell of every page: skip link, status bar, banners and the
// main landmark holding the page's content.
type Frame struct {
	app.Compo
	ISession state.Session
	IBody    []app.UI

	lang        string
	updateReady bool
}

// NewFrame returns a frame.
func NewFrame(sess state.Session, body ...app.UI) *Frame {
	return &Frame{ISession: sess, IBody: body}
}

// OnMount follows the language.
func (f *Frame) OnMount(ctx app.Context) { state.ObserveLang(ctx, &f.lang) }

// navigations counts the app's page changes; the first is the page's own
// load.
var navigations int

// OnNav moves the focus to the new page's heading after a page change in
// the app, when nothing else took it (a code field, a message): focus left
// on <body> makes a screen reader start over and Tab start from the top.
// Not on the first page: there the reader starts at the top, or goes on
// typing where they were before the app took over.
func (f *Frame) OnNav(ctx app.Context) {
	if app.IsServer {
		return
	}
	if navigations++; navigations > 1 {
		FocusHeading()
		return
	}
	// The first page is up: what the server said was for it alone.
	state.ForgetPrefill()
}

// OnAppUpdate shows that a new version is ready instead of mixing versions.
// The very first visit installs the service worker, which go-app also
// reports as an update: only a page that was already running an older
// version shows the banner.
func (f *Frame) OnAppUpdate(ctx app.Context) {
	f.updateReady = ctx.AppUpdateAvailable() && state.HadEarlierVersion()
}

// Render draws the frame.
func (f *Frame) Render() app.UI {
	lang := f.lang
	return app.Div().Class("frame").Body(
		app.A().Class("visually-hidden").Href("#main").Text(i18n.T(lang, i18n.NavSkip)),
		&StatusBar{ISession: f.ISession},
		app.If(f.updateReady, func() app.UI {
			return app.Div().Class("banner banner-update").Aria("live", "polite").Body(
				app.Text(i18n.T(lang, i18n.UpdateReady)),
				app.Button().Class("btn btn-secondary").Type("button").Text(i18n.T(lang, i18n.UpdateReload)).
					OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			)
		}),
		app.If(f.ISession.Offline && f.ISession.SavedAt != "", func() app.UI {
			return app.Div().Class("banner banner-offline").Aria("live", "polite").ID("offline-banner").Text(
				i18n.F(lang, i18n.OfflineBanner, "time", state.FormatSavedAt(f.ISession.SavedAt, lang)) + " · " + i18n.T(lang, i18n.OfflineNoChange),
			)
		}),
		app.Main().ID("main").TabIndex(-1).Body(f.IBody...),
	)
}

// OnPreRender takes the language of the page the server prerenders.
func (f *Frame) OnPreRender(ctx app.Context) { state.PreRenderLang(ctx, &f.lang) }

// OnInit starts in the app's language: the first drawing speaks it.
func (f *Frame) OnInit() { f.lang = state.StartLang() }
