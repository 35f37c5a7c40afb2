package page

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// SupportLog is /support/log: the agents' audit log, newest first.
type SupportLog struct {
	app.Compo
	console

	entries []api.AgentLogEntry
	loaded  bool
}

// NewSupportLog returns the page.
func NewSupportLog() app.Composer { return &SupportLog{} }

// OnNav sets the title.
func (p *SupportLog) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.ConsoleLog)) }

// OnMount admits the agent, then loads the log.
func (p *SupportLog) OnMount(ctx app.Context) {
	p.observe(ctx)
	p.admit(ctx, func(ctx app.Context) {
		ctx.Async(func() {
			entries, err := apiclient.Default.SupportLog()
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.err = readError(p.lang, err)
					return
				}
				p.entries, p.loaded = entries, true
			})
		})
	})
}

// Render draws the log, one entry per action: what, when and by whom, the
// customer, and the reason.
func (p *SupportLog) Render() app.UI {
	return p.shell(p.t(i18n.ConsoleLog),
		app.If(p.loaded && len(p.entries) == 0, func() app.UI { return app.P().Text(p.t(i18n.ConsoleLogEmpty)) }),
		app.Ul().Class("list").ID("console-log").Body(app.Range(p.entries).Slice(func(i int) app.UI {
			e := p.entries[i]
			return app.Li().Body(
				app.Strong().Text(i18n.T(p.lang, i18n.Key("support.action."+e.Action))),
				app.Div().Class("muted").Text(p.when(e.At)+" · "+e.Agent),
				app.Div().Body(app.A().Href("/support/customers/"+strconv.FormatInt(e.CustomerID, 10)).Text(e.CustomerEmail)),
				app.Div().Text(e.Reason),
			)
		})),
	)
}
