package page

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// console is what every page of the support console keeps: the agent the
// server admitted, or why it did not.
type console struct {
	base
	agent  api.SupportAgent
	status state.Status
	err    formError
}

// admit asks the server whether this session may use the console; a
// session without a login goes to the login page.
func (c *console) admit(ctx app.Context, then func(ctx app.Context)) {
	c.status = state.Loading
	ctx.Async(func() {
		agent, err := apiclient.Default.SupportMe()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				c.status, c.err = state.LoadingErr, readError(c.lang, err)
				if e, ok := err.(*apiclient.Error); ok && e.Status == 401 {
					ctx.Navigate("/login")
				}
				return
			}
			c.status, c.agent = state.Loaded, agent
			if then != nil {
				then(ctx)
			}
		})
	})
}

// shell draws a console page: the agent and the console's links above the
// body, or why the console is shut.
func (c *console) shell(title string, body ...app.UI) app.UI {
	var inner []app.UI
	switch c.status {
	case state.Loaded:
		inner = append([]app.UI{
			app.P().Class("muted").ID("console-agent").Text(i18n.F(c.lang, i18n.ConsoleUntil, "email", c.agent.Email, "time", c.when(c.agent.Until))),
			app.Nav().Class("console-nav").Aria("label", c.t(i18n.ConsoleTitle)).Body(
				app.A().Href("/support").Text(c.t(i18n.ConsoleSearch)),
				app.A().Href("/support/log").Text(c.t(i18n.ConsoleLog)),
			),
		}, body...)
	case state.LoadingErr:
		inner = []app.UI{component.Alert(component.AlertError, c.err.Message)}
	default:
		inner = []app.UI{component.Loader(c.t(i18n.Loading))}
	}
	return c.frame(app.Div().Class("medium").Body(
		app.Div().Class("card").Body(append([]app.UI{app.H1().Text(title)}, inner...)...),
	))
}

// when writes an RFC 3339 time for the agent.
func (c *console) when(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return state.FormatSavedAt(t.Format(time.RFC3339), c.lang)
}

// Support is /support: the console's search for a customer by e-mail
// address, Phone ID or name.
type Support struct {
	app.Compo
	console

	query    string
	hits     []api.SupportCustomer
	searched bool
	busy     bool
	errs     map[string]string
}

// NewSupport returns the page.
func NewSupport() app.Composer { return &Support{} }

// OnNav sets the title.
func (p *Support) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.ConsoleTitle)) }

// OnMount asks whether the session may use the console.
func (p *Support) OnMount(ctx app.Context) {
	p.observe(ctx)
	p.admit(ctx, nil)
}

// Render draws the search and its hits.
func (p *Support) Render() app.UI {
	return p.shell(p.t(i18n.ConsoleTitle),
		app.Form().NoValidate(true).Role("search").OnSubmit(p.search).Body(
			&component.Field{IID: "console-q", ILabel: p.t(i18n.ConsoleSearch), IType: "search", IValue: p.query,
				IHint: p.t(i18n.ConsoleSearchHint), IError: p.errs["q"], IAutocomplete: "off",
				IOnInput: func(ctx app.Context, v string) { p.query = v }},
			app.Button().Class("btn").Type("submit").Disabled(p.busy).Text(p.t(i18n.ConsoleFind)),
		),
		component.Alert(component.AlertError, p.err.Message),
		app.If(p.searched && len(p.hits) == 0, func() app.UI { return app.P().ID("console-no-hits").Text(p.t(i18n.ConsoleNoHits)) }),
		app.Ul().Class("list console-hits").ID("console-hits").Body(app.Range(p.hits).Slice(func(i int) app.UI {
			h := p.hits[i]
			state := p.t(i18n.ConsoleConfirmed)
			if !h.Confirmed {
				state = p.t(i18n.ConsoleUnconfirmed)
			}
			return app.Li().Body(
				app.A().Href("/support/customers/"+strconv.FormatInt(h.ID, 10)).Text(h.Name+" · "+h.Email),
				app.Div().Class("muted").Text(strings.TrimSpace(h.Phone+" "+state)),
			)
		})),
	)
}

func (p *Support) search(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.err, p.errs, p.busy = formError{}, nil, true
	q := p.query
	ctx.Async(func() {
		hits, err := apiclient.Default.SupportFind(q)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				fe := readError(p.lang, err)
				p.errs = fe.Fields
				if len(fe.Fields) == 0 {
					p.err = fe
				}
				return
			}
			p.hits, p.searched = hits, true
		})
	})
}
