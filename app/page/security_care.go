package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// questionSection is the security question: which one is set, and "Set
// security question" or "Change".
func (p *Security) questionSection() app.UI {
	q := p.question
	words, button := p.t(i18n.QuestionNone), i18n.QuestionSet
	if q.Set {
		words, button = i18n.F(p.lang, i18n.QuestionCurrent, "question", q.Question), i18n.QuestionChange
	}
	return app.Section().ID("security-question").Class("section").Body(
		app.H2().Text(p.t(i18n.QuestionTitle)),
		app.P().Class("muted").Text(p.t(i18n.QuestionLead)),
		app.P().ID("question-state").Text(words),
		app.If(q.LockedUntil != "", func() app.UI {
			return component.Alert(component.AlertInfo, i18n.F(p.lang, i18n.QuestionLockedTo, "time", p.when(q.LockedUntil)))
		}),
		app.Div().Class("actions").Body(
			app.Button().ID("edit-question").Class("btn btn-secondary").Type("button").Disabled(p.sess.Offline).
				Text(p.t(button)).OnClick(func(ctx app.Context, e app.Event) { p.dialog = api.ActionSecurityQuestion }),
		),
	)
}

// exportSection is "Download my data".
func (p *Security) exportSection() app.UI {
	return app.Section().ID("export").Class("section").Body(
		app.H2().Text(p.t(i18n.ExportTitle)),
		app.P().Class("muted").Text(p.t(i18n.ExportLead)),
		app.Div().Class("actions").Body(
			app.Button().ID("download-data").Class("btn btn-secondary").Type("button").Disabled(p.sess.Offline).
				Text(p.t(i18n.ExportButton)).OnClick(func(ctx app.Context, e app.Event) { p.dialog = api.ActionExport }),
		),
	)
}

// openDialog is the step-up dialog of the question or the download.
func (p *Security) openDialog() app.UI {
	if p.dialog == "" || !p.sess.LoggedIn() {
		return nil
	}
	opener := map[string]string{api.ActionSecurityQuestion: "edit-question", api.ActionExport: "download-data"}[p.dialog]
	return &ChangeDialog{IAction: p.dialog, IMe: *p.sess.Me,
		IOnChange: func(ctx app.Context, me api.Me) { state.SetMe(ctx, me) },
		IOnClose: func(ctx app.Context) {
			p.dialog = ""
			component.FocusSoon("#" + opener)
			// The question and the events the change wrote: loaded by the
			// page itself (the dialog that closes here owns this context).
			ctx.NewAction(actionSecurityReload)
		}}
}

// actionSecurityReload asks the Security page to load its lists again.
const actionSecurityReload = "/security/reload"

// eventLine is the line under an event: when, and the device and network
// it came from; support's actions come from neither, so they show the time
// alone.
func (p *Security) eventLine(ev api.SecurityEvent) string {
	if ev.Device == "" && ev.Network == "" {
		return p.when(ev.At)
	}
	return p.when(ev.At) + " · " + p.device(ev.Device) + " · " + ev.Network
}
