package page

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// SupportCustomer is /support/customers/{id}: what an agent sees of one
// customer, the check of the security question, and the actions, each with
// the reason the agent types.
type SupportCustomer struct {
	app.Compo
	console

	id     int64
	st     api.SupportStatus
	loaded bool

	answer string
	check  *api.SupportCheckResult
	reason string
	busy   bool
	errs   map[string]string
	info   string
}

// NewSupportCustomer returns the page.
func NewSupportCustomer() app.Composer { return &SupportCustomer{} }

// OnNav sets the title.
func (p *SupportCustomer) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.ConsoleCustomer)) }

// OnMount admits the agent, then loads the customer.
func (p *SupportCustomer) OnMount(ctx app.Context) {
	p.observe(ctx)
	parts := strings.Split(ctx.Page().URL().Path, "/")
	p.id, _ = strconv.ParseInt(parts[len(parts)-1], 10, 64)
	p.admit(ctx, p.load)
}

func (p *SupportCustomer) load(ctx app.Context) {
	id := p.id
	ctx.Async(func() {
		st, err := apiclient.Default.SupportCustomer(id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.err = readError(p.lang, err)
				return
			}
			p.st, p.loaded = st, true
		})
	})
}

// Render draws the customer.
func (p *SupportCustomer) Render() app.UI {
	title := p.t(i18n.ConsoleCustomer)
	if p.loaded {
		title = p.st.Name
	}
	if !p.loaded {
		return p.shell(title, component.Alert(component.AlertError, p.err.Message), app.If(p.err.Message == "", func() app.UI {
			return component.Loader(p.t(i18n.Loading))
		}))
	}
	return p.shell(title,
		app.P().Body(app.A().Href("/support").Text("‹ "+p.t(i18n.ConsoleBack))),
		p.facts(),
		p.checkSection(),
		p.actionSection(),
		app.H2().Text(p.t(i18n.ConsoleEvents)),
		app.Ul().Class("list").ID("console-events").Body(app.Range(p.st.Events).Slice(func(i int) app.UI {
			ev := p.st.Events[i]
			return app.Li().Body(app.Strong().Text(i18n.T(p.lang, i18n.Key("event."+ev.Kind))),
				app.Div().Class("muted").Text(strings.Trim(p.when(ev.At)+" · "+ev.Device+" · "+ev.Network, " ·")))
		})),
	)
}

// facts is the customer's state, without a single secret.
func (p *SupportCustomer) facts() app.UI {
	st := p.st
	confirmed := p.t(i18n.ConsoleConfirmed)
	if !st.Confirmed {
		confirmed = p.t(i18n.ConsoleUnconfirmed)
	}
	blocked := p.t(i18n.ConsoleNotBlocked)
	if st.BlockedUntil != "" {
		blocked = i18n.F(p.lang, i18n.ConsoleBlocked, "time", p.when(st.BlockedUntil))
	}
	factors := p.t(i18n.ConsoleNoFactors)
	if len(st.Factors) > 0 {
		factors = i18n.F(p.lang, i18n.ConsoleFactors, "factors", strings.Join(st.Factors, ", "))
	}
	lines := []string{st.Email, strings.TrimSpace(st.Phone + " " + st.City + " " + st.Country), confirmed, blocked, factors,
		i18n.F(p.lang, i18n.ConsoleSessions, "count", strconv.Itoa(st.Sessions))}
	if st.DeletionAfter != "" {
		lines = append(lines, i18n.F(p.lang, i18n.ConsoleDeletion, "time", p.when(st.DeletionAfter)))
	}
	if st.Undeliverable != "" {
		lines = append(lines, i18n.F(p.lang, i18n.ConsoleUndeliverable, "reason", st.Undeliverable))
	}
	return app.Div().Class("console-facts").ID("console-facts").Body(app.Range(lines).Slice(func(i int) app.UI {
		return app.Div().Text(lines[i])
	}))
}

// checkSection asks the security question and shows only whether the
// caller's answer matched.
func (p *SupportCustomer) checkSection() app.UI {
	if !p.st.HasSecurityQuestion {
		return app.Section().Body(app.H2().Text(p.t(i18n.ConsoleCheckTitle)), app.P().Text(p.t(i18n.SupportNoQuestion)))
	}
	var result app.UI = component.Alert(component.AlertInfo, "")
	if p.check != nil {
		words, class := p.t(i18n.ConsoleNoMatch), "result-nomatch"
		if p.check.Match {
			words, class = p.t(i18n.ConsoleMatch), "result-match"
		}
		result = app.Div().Role("status").Body(app.P().ID("check-result").Class(class).Text(words))
	}
	return app.Section().ID("console-check").Body(
		app.H2().Text(p.t(i18n.ConsoleCheckTitle)),
		app.P().Text(i18n.F(p.lang, i18n.ConsoleCheckLead, "question", p.st.Question)),
		app.If(p.st.QuestionLockedUntil != "", func() app.UI {
			return component.Alert(component.AlertError, i18n.F(p.lang, i18n.SupportQuestionLocked, "time", p.when(p.st.QuestionLockedUntil)))
		}),
		app.Form().NoValidate(true).OnSubmit(p.checkAnswer).Body(
			&component.Field{IID: "console-answer", ILabel: p.t(i18n.ConsoleAnswer), IValue: p.answer, IAutocomplete: "off",
				IError: p.errs["answer"], IOnInput: func(ctx app.Context, v string) { p.answer = v }},
			app.Button().Class("btn btn-secondary").Type("submit").Disabled(p.busy || p.st.QuestionLockedUntil != "").Text(p.t(i18n.ConsoleCheck)),
		),
		result,
	)
}

func (p *SupportCustomer) checkAnswer(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.busy, p.check, p.err, p.info = true, nil, formError{}, ""
	id, answer := p.id, p.answer
	ctx.Async(func() {
		res, err := apiclient.Default.SupportCheck(id, api.SupportCheckRequest{Answer: answer})
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				p.load(ctx)
				return
			}
			p.answer, p.check = "", &res
			p.load(ctx) // the events and a lock
		})
	})
}

// actionSection is the reason and one button per action that applies.
func (p *SupportCustomer) actionSection() app.UI {
	applies := map[string]bool{
		api.SupportEndBlock:         p.st.BlockedUntil != "",
		api.SupportResendConfirm:    !p.st.Confirmed,
		api.SupportEndSessions:      p.st.Sessions > 0,
		api.SupportSendPasswordLink: p.st.Confirmed,
	}
	order := []string{api.SupportEndBlock, api.SupportResendConfirm, api.SupportEndSessions, api.SupportSendPasswordLink}
	return app.Section().ID("console-actions").Body(
		app.H2().Text(p.t(i18n.ConsoleActions)),
		component.Alert(component.AlertError, p.err.Message),
		component.Alert(component.AlertOK, p.info),
		&component.Field{IID: "console-reason", ILabel: p.t(i18n.ConsoleReason), IValue: p.reason,
			IHint: p.t(i18n.ConsoleReasonHint), IError: p.errs["reason"], IMaxLength: 500,
			IOnInput: func(ctx app.Context, v string) { p.reason = v }},
		app.Div().Class("actions").Body(app.Range(order).Slice(func(i int) app.UI {
			action := order[i]
			return app.Button().ID("act-" + action).Class("btn btn-secondary").Type("button").
				Disabled(p.busy || !applies[action]).Text(i18n.T(p.lang, i18n.Key("support.action."+action))).
				OnClick(func(ctx app.Context, e app.Event) { p.act(ctx, action) })
		})),
	)
}

func (p *SupportCustomer) act(ctx app.Context, action string) {
	p.errs, p.err, p.info = map[string]string{}, formError{}, ""
	if n := len([]rune(strings.TrimSpace(p.reason))); n < 10 {
		p.errs["reason"] = p.t(i18n.SupportReasonMissing)
		component.FocusSoon("#console-reason")
		return
	}
	p.busy = true
	id, req := p.id, api.SupportActionRequest{Action: action, Reason: p.reason}
	ctx.Async(func() {
		st, err := apiclient.Default.SupportAct(id, req)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				fe := readError(p.lang, err)
				p.err, p.errs = fe, fe.Fields
				return
			}
			// The reason stays: one call often needs two actions.
			p.st, p.info = st, p.t(i18n.ConsoleDone)
		})
	})
}
