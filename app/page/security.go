package page

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Security is /profile/security: where the customer is logged in, "Log out
// on all other devices", and the recent security events.
type Security struct {
	app.Compo
	base

	status   state.Status
	sessions []api.SessionInfo
	events   []api.SecurityEvent
	question api.SecurityQuestionState
	err      formError
	info     string
	busy     bool
	dialog   string // the open dialog: api.ActionSecurityQuestion or ActionExport, "" for none
}

// NewSecurity returns the page.
func NewSecurity() app.Composer { return &Security{} }

// OnNav sets the title.
func (p *Security) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.SecurityTitle)) }

// OnMount loads the sessions and events.
func (p *Security) OnMount(ctx app.Context) {
	p.observe(ctx, func() { requireLogin(ctx, p.sess) })
	ctx.Handle(actionSecurityReload, func(ctx app.Context, a app.Action) { p.load(ctx) })
	requireLogin(ctx, p.sess)
	p.load(ctx)
}

func (p *Security) load(ctx app.Context) {
	p.status = state.Loading
	ctx.Async(func() {
		sessions, events, err := fetchSecurity()
		var q api.SecurityQuestionState
		if err == nil {
			q, err = apiclient.Default.SecurityQuestion()
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.question = q
			p.loaded(sessions, events, err)
		})
	})
}

func fetchSecurity() ([]api.SessionInfo, []api.SecurityEvent, error) {
	sessions, err := apiclient.Default.Sessions()
	if err != nil {
		return nil, nil, err
	}
	events, err := apiclient.Default.Events()
	return sessions, events, err
}

func (p *Security) loaded(sessions []api.SessionInfo, events []api.SecurityEvent, err error) {
	if err != nil {
		p.status, p.err = state.LoadingErr, readError(p.lang, err)
		return
	}
	p.status, p.sessions, p.events = state.Loaded, sessions, events
}

func (p *Security) when(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return state.FormatSavedAt(t.Format(time.RFC3339), p.lang)
}

// Render draws the page.
func (p *Security) Render() app.UI {
	if !p.sess.LoggedIn() {
		return p.frame(gate(p.lang, p.sess))
	}
	var body app.UI
	switch p.status {
	case state.Loaded:
		body = p.lists()
	case state.LoadingErr:
		body = app.Div().Body(
			component.Alert(component.AlertError, p.err.Message),
			app.Button().Class("btn").Type("button").Text(p.t(i18n.TryAgain)).OnClick(func(ctx app.Context, e app.Event) { p.load(ctx) }),
		)
	default:
		body = component.Loader(p.t(i18n.Loading))
	}
	return p.frame(app.Div().Class("medium").Body(
		app.P().Body(app.A().Href("/profile").Text("‹ "+p.t(i18n.ProfileTitle))),
		app.Div().Class("card").Body(app.H1().Text(p.t(i18n.SecurityTitle)), body),
	), p.openDialog())
}

func (p *Security) lists() app.UI {
	others := 0
	for _, s := range p.sessions {
		if !s.Current {
			others++
		}
	}
	return app.Div().Body(
		app.H2().Text(p.t(i18n.SecuritySessions)),
		app.Div().ID("security-info").TabIndex(-1).Body(component.Alert(component.AlertOK, p.info)),
		app.Ul().Class("list").ID("sessions").Body(
			app.Range(p.sessions).Slice(func(i int) app.UI {
				s := p.sessions[i]
				return app.Li().Class("row").Body(
					app.Div().Class("row-main").Body(
						app.Strong().Text(p.device(s.Device)),
						app.If(s.Current, func() app.UI { return app.Span().Class("badge badge-on").Text(" " + p.t(i18n.SecurityThisDevice)) }),
						app.Div().Class("muted").Text(i18n.F(p.lang, i18n.SecurityLastUsed, "time", p.when(s.LastUsed))+
							" · "+i18n.F(p.lang, i18n.SecurityNetwork, "net", s.Network)),
					),
					app.If(!s.Current, func() app.UI {
						return app.Button().Class("btn btn-secondary btn-small").Type("button").ID("logout-"+s.ID).
							Aria("label", p.t(i18n.SecurityLogoutSession)+": "+p.device(s.Device)).
							Disabled(p.busy || p.sess.Offline).Text(p.t(i18n.SecurityLogoutSession)).
							OnClick(func(ctx app.Context, e app.Event) { p.logoutOne(ctx, s.ID) })
					}),
				)
			}),
		),
		app.Div().Class("actions").Body(
			app.Button().Class("btn btn-secondary").Type("button").ID("logout-others").
				Disabled(p.busy || others == 0 || p.sess.Offline).Text(p.t(i18n.SecurityLogoutOthers)).OnClick(p.logoutOthers),
		),
		&connectedApps{IOffline: p.sess.Offline},
		p.questionSection(),
		p.exportSection(),
		app.H2().Text(p.t(i18n.SecurityEvents)),
		app.If(len(p.events) == 0, func() app.UI { return app.P().Class("muted").Text(p.t(i18n.SecurityNoEvents)) }),
		app.Ul().Class("list").ID("events").Body(
			app.Range(p.events).Slice(func(i int) app.UI {
				ev := p.events[i]
				return app.Li().Body(
					app.Strong().Text(i18n.T(p.lang, i18n.Key("event."+ev.Kind))),
					app.Div().Class("muted").Text(p.eventLine(ev)),
				)
			}),
		),
	)
}

func (p *Security) logoutOthers(ctx app.Context, e app.Event) {
	p.end(ctx, func() error { _, err := apiclient.Default.LogoutOthers(); return err }, i18n.SecurityLoggedOut)
}

// logoutOne ends one other session; one that had already ended is no
// failure: the list is reloaded either way.
func (p *Security) logoutOne(ctx app.Context, id string) {
	p.end(ctx, func() error {
		err := apiclient.Default.LogoutSession(api.SessionLogoutRequest{ID: id})
		if e, ok := err.(*apiclient.Error); ok && e.Status == 404 {
			return errGone
		}
		return err
	}, i18n.SecuritySessionEnded)
}

// errGone is a session that had ended before it was logged out.
var errGone = errors.New("session already ended")

// end runs a logout of other sessions, then reloads the lists, in one
// update: the button that asked stays in place (replacing the list with a
// loader would drop this very answer).
func (p *Security) end(ctx app.Context, logout func() error, done i18n.Key) {
	p.busy, p.info = true, ""
	ctx.Async(func() {
		err := logout()
		gone := errors.Is(err, errGone)
		var sessions []api.SessionInfo
		var events []api.SecurityEvent
		if err == nil || gone {
			sessions, events, err = fetchSecurity()
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			p.loaded(sessions, events, err)
			switch {
			case err == nil && gone:
				p.info = p.t(i18n.SecurityNoSuchSession)
			case err == nil:
				p.info = p.t(done)
			}
			component.FocusSoon("#security-info")
		})
	})
}

// device names a device, or says it is unknown.
func (p *Security) device(name string) string {
	if name == "" {
		return p.t(i18n.SecurityUnknownDevice)
	}
	return name
}
