package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Help is /help: the search box, the most read articles, the topic tree and
// the assistant. Everything is loaded in the page's language and loaded
// again when the language changes.
type Help struct {
	app.Compo
	base

	ctx        app.Context // the page's own context: loads outlive the buttons that start them
	loadedLang string
	seq        int
	status     state.Status
	err        string
	tree       []api.HelpTopic
	mostRead   []api.HelpArticleSummary

	search helpSearch
}

// NewHelp returns the page.
func NewHelp() app.Composer { return &Help{} }

// OnNav sets the title and follows the search in the address (?q=): a
// search is a navigation, so Back returns to the previous results and the
// status bar's "Help" returns to the plain help centre.
func (p *Help) OnNav(ctx app.Context) {
	setTitle(ctx, i18n.T(p.lang, i18n.HelpTitle))
	if app.IsServer || p.ctx.Context == nil {
		return
	}
	switch q := queryParam(ctx, "q"); {
	case q == "" && p.search.searched != "":
		p.search.reset()
	case q != "" && q != p.search.searched:
		p.search.query = q
		p.search.run(p.lang, q)
	}
}

// OnInit starts from the topics (and hits) the server's page showed.
func (p *Help) OnInit() {
	p.base.OnInit()
	p.prefill(state.TakePrefill(), app.Window().URL().Query().Get("q"))
}

// OnPreRender shows the help centre complete: the server hands over the
// API's answers.
func (p *Help) OnPreRender(ctx app.Context) {
	p.base.OnPreRender(ctx)
	p.prefill(state.Prefill(ctx), queryParam(ctx, "q"))
}

// A prefill in another language than the page's (the app's language
// changed on this device since) is not used: the page loads its own.
func (p *Help) prefill(pf api.Prefill, q string) {
	if pf.Lang != "" && pf.Lang != p.lang {
		return
	}
	var tree []api.HelpTopic
	var most []api.HelpArticleSummary
	if pf.Decode(api.DataHelpTopics, &tree) && pf.Decode(api.DataHelpMostRead, &most) {
		p.status, p.tree, p.mostRead, p.loadedLang = state.Loaded, tree, most, p.lang
	}
	var hits []api.HelpSearchResult
	if q != "" && pf.Decode(api.DataHelpSearch, &hits) {
		p.search.query, p.search.searched, p.search.status, p.search.results = q, q, state.Loaded, hits
	}
}

// OnMount follows the language, loads the topics and runs the search of
// the address (?q=), if any.
func (p *Help) OnMount(ctx app.Context) {
	p.ctx, p.search.ctx = ctx, ctx
	p.observe(ctx)
	if app.IsServer {
		return // the prerender shows the loading view: it has no API client
	}
	ctx.GetState(state.KeyLang, &p.lang)
	ctx.ObserveState(state.KeyLang, &p.lang).OnChange(func() {
		if p.lang != p.loadedLang {
			setTitle(ctx, i18n.T(p.lang, i18n.HelpTitle))
			p.load()
			p.search.rerun(p.lang)
		}
	})
	if p.status != state.Loaded || p.loadedLang != p.lang {
		p.load()
	}
	if q := queryParam(ctx, "q"); q != "" && q != p.search.searched {
		p.search.query = q
		p.search.run(p.lang, q)
	}
}

// load fetches the topic tree and the most read articles in the page's
// language; an answer for a language no longer shown is dropped.
func (p *Help) load() {
	ctx, lang := p.ctx, p.lang
	p.loadedLang = lang
	p.seq++
	seq := p.seq
	p.status, p.err = state.Loading, ""
	ctx.Async(func() {
		tree, err := apiclient.Default.HelpTopics(lang)
		var most []api.HelpArticleSummary
		if err == nil {
			most, err = apiclient.Default.HelpMostRead(lang)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if seq != p.seq {
				return
			}
			if err != nil {
				p.status, p.err = state.LoadingErr, readError(lang, err).Message
				return
			}
			p.status, p.tree, p.mostRead = state.Loaded, tree, most
		})
	})
}

// Render draws the page. The search card, the assistant and the browse
// column keep their places whatever is loading, so answers to requests
// they started still arrive.
func (p *Help) Render() app.UI {
	return p.frame(
		app.H1().Text(p.t(i18n.HelpTitle)),
		app.P().Class("lead").Text(p.t(i18n.HelpLead)),
		app.Div().Class("help-layout help-home").Body(
			app.Div().Class("card help-search").Body(p.search.render(p.lang)),
			&helpAssistant{},
			app.Div().Class("help-browse").Body(p.renderBrowse()),
		),
	)
}

func (p *Help) renderBrowse() app.UI {
	switch p.status {
	case state.Loaded:
		return app.Div().Body(
			app.Section().Class("card").Aria("labelledby", "most-read-title").Body(
				app.H2().ID("most-read-title").Text(p.t(i18n.HelpMostRead)),
				app.Ol().Class("list most-read").Body(
					app.Range(p.mostRead).Slice(func(i int) app.UI {
						a := p.mostRead[i]
						return app.Li().Body(app.A().Href("/help/" + a.Slug).Text(a.Title))
					}),
				),
			),
			app.Section().Class("card").Aria("labelledby", "topics-title").Body(
				app.H2().ID("topics-title").Text(p.t(i18n.HelpTopics)),
				app.Div().Class("tree").Body(topicList(p.tree)),
			),
		)
	case state.LoadingErr:
		return app.Div().Class("card").Body(
			component.Alert(component.AlertError, p.t(i18n.LoadFailed)+" "+p.err),
			app.Button().Class("btn btn-secondary").Type("button").Text(p.t(i18n.TryAgain)).
				OnClick(func(ctx app.Context, e app.Event) { p.load() }),
		)
	}
	return app.Div().Class("card").Body(component.Loader(p.t(i18n.Loading)))
}

// topicList draws topics as nested lists: each topic's name, then its
// articles as links and its sub-topics as the items of its own list.
func topicList(topics []api.HelpTopic) app.UI {
	return app.Ul().Body(app.Range(topics).Slice(func(i int) app.UI { return topicItem(topics[i]) }))
}

func topicItem(t api.HelpTopic) app.UI {
	return app.Li().Class("tree-topic").Body(
		app.Span().Class("tree-name").Text(t.Name),
		app.Ul().Body(
			app.Range(t.Articles).Slice(func(j int) app.UI {
				a := t.Articles[j]
				return app.Li().Class("tree-article").Body(app.A().Href("/help/" + a.Slug).Text(a.Title))
			}),
			app.Range(t.Children).Slice(func(j int) app.UI { return topicItem(t.Children[j]) }),
		),
	)
}
