package page

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// connectedApps is the Security page's "Connected apps": each app the
// customer allowed to use the MINI ID, what it receives, since when and
// when it last used it, with "Remove access".
type connectedApps struct {
	app.Compo

	IOffline bool // the page shows the device's copy: changes need the network

	lang   string
	status state.Status
	apps   []api.ConnectedApp
	err    formError
	info   string
	busy   bool
}

// OnMount follows the language and loads the list.
func (c *connectedApps) OnMount(ctx app.Context) {
	state.ObserveLang(ctx, &c.lang)
	c.load(ctx, "")
}

// load fetches the list; info, when given, is shown with it.
func (c *connectedApps) load(ctx app.Context, info string) {
	if c.status != state.Loaded {
		c.status = state.Loading
	}
	ctx.Async(func() {
		apps, err := apiclient.Default.Apps()
		ctx.Dispatch(func(ctx app.Context) {
			c.busy = false
			if err != nil {
				c.status, c.err = state.LoadingErr, readError(c.lang, err)
				return
			}
			c.status, c.apps, c.err, c.info = state.Loaded, apps, formError{}, info
		})
	})
}

// remove is "Remove access" for one app: its tokens end at once.
func (c *connectedApps) remove(ctx app.Context, a api.ConnectedApp) {
	c.busy, c.info, c.err = true, "", formError{}
	ctx.Async(func() {
		err := apiclient.Default.RemoveApp(api.RemoveAppRequest{ID: a.ID})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				if e, ok := err.(*apiclient.Error); !ok || e.Status != 404 {
					c.busy, c.err = false, readError(c.lang, err)
					return
				}
			}
			c.load(ctx, i18n.F(c.lang, i18n.AppsRemoved, "app", a.Name))
			component.FocusSoon("#apps-info")
		})
	})
}

func (c *connectedApps) when(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return state.FormatSavedAt(t.Format(time.RFC3339), c.lang)
}

// scopes names what the app receives, in a line.
func (c *connectedApps) scopes(list []string) string {
	var words []string
	for _, s := range list {
		if s != "openid" {
			words = append(words, i18n.T(c.lang, i18n.ScopeKey(s)))
		}
	}
	return strings.Join(words, " · ")
}

// Render draws the section.
func (c *connectedApps) Render() app.UI {
	t := func(k i18n.Key) string { return i18n.T(c.lang, k) }
	var body app.UI
	switch c.status {
	case state.Loaded:
		body = c.list()
	case state.LoadingErr:
		body = app.Div().Body(
			component.Alert(component.AlertError, c.err.Message),
			app.Button().Class("btn btn-secondary").Type("button").Text(t(i18n.TryAgain)).
				OnClick(func(ctx app.Context, e app.Event) { c.load(ctx, "") }),
		)
	default:
		body = component.Loader(t(i18n.Loading))
	}
	return app.Section().Class("section").ID("connected-apps").Body(
		app.H2().Text(t(i18n.AppsTitle)),
		app.Div().ID("apps-info").TabIndex(-1).Body(component.Alert(component.AlertOK, c.info)),
		body,
	)
}

func (c *connectedApps) list() app.UI {
	if len(c.apps) == 0 {
		return app.P().Class("muted").Text(i18n.T(c.lang, i18n.AppsNone))
	}
	return app.Div().Body(
		component.Alert(component.AlertError, c.err.Message),
		app.Ul().Class("list").ID("apps").Body(
			app.Range(c.apps).Slice(func(i int) app.UI {
				a := c.apps[i]
				return app.Li().Class("row row-wrap").Body(
					app.Div().Class("row-main").Body(
						app.Strong().Text(a.Name),
						app.Div().Text(c.scopes(a.Scopes)),
						app.Div().Class("muted").Text(i18n.F(c.lang, i18n.AppsSince, "time", c.when(a.Since))+
							" · "+i18n.F(c.lang, i18n.AppsLastUsed, "time", c.when(a.LastUsed))),
					),
					app.Button().Class("btn btn-secondary btn-small").Type("button").ID("remove-app-"+a.ID).
						Aria("label", i18n.T(c.lang, i18n.AppsRemove)+": "+a.Name).
						Disabled(c.busy || c.IOffline).Text(i18n.T(c.lang, i18n.AppsRemove)).
						OnClick(func(ctx app.Context, e app.Event) { c.remove(ctx, a) }),
				)
			}),
		),
	)
}
