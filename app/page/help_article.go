package page

import (
	"errors"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// HelpArticle is /help/{slug}: the breadcrumb, the article, "Was this
// article helpful?", the related articles and the assistant. go-app keeps
// the same instance when one article links to another, so the article is
// loaded again whenever the slug (or the language) changes.
type HelpArticle struct {
	app.Compo
	base

	ctx     app.Context // the page's own context: loads outlive the buttons that start them
	slug    string
	loaded  string // slug and language of the last load: "slug|lang"
	seq     int
	status  state.Status
	missing bool
	err     string
	article api.HelpArticle

	voting  bool
	thanked bool
	voteErr string
}

// NewHelpArticle returns the page.
func NewHelpArticle() app.Composer {
	p := &HelpArticle{}
	p.fill = p.prefill
	return p
}

// OnPreRender shows the article complete: the server hands over the API's
// answer.
func (p *HelpArticle) OnPreRender(ctx app.Context) {
	p.base.OnPreRender(ctx)
	if p.status == state.Loaded {
		setTitle(ctx, p.article.Title)
	}
}

func (p *HelpArticle) prefill(pf api.Prefill) {
	if pf.Lang != "" && pf.Lang != p.lang {
		return // another language than the page's: it loads its own
	}
	var a api.HelpArticle
	switch {
	case pf.Decode(api.DataHelpArticle, &a):
		p.status, p.article, p.slug, p.loaded = state.Loaded, a, a.Slug, a.Slug+"|"+p.lang
	case pf.Code == api.CodeNotFound:
		p.status, p.missing = state.LoadingErr, true
	}
}

// OnMount follows the language and loads the article of the address.
func (p *HelpArticle) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.observe(ctx)
	ctx.GetState(state.KeyLang, &p.lang)
	ctx.ObserveState(state.KeyLang, &p.lang).OnChange(p.ensure)
	p.slug = slugOf(ctx)
	p.ensure()
}

// OnNav sets the title and, in the browser, loads the article when another
// one was opened from this page.
func (p *HelpArticle) OnNav(ctx app.Context) {
	slug := slugOf(ctx)
	if p.status != state.Loaded || p.article.Slug != slug {
		setTitle(ctx, i18n.T(p.lang, i18n.HelpTitle))
	}
	if app.IsServer || p.ctx.Src() == nil {
		return
	}
	p.slug = slug
	p.ensure()
}

func slugOf(ctx app.Context) string {
	return strings.TrimPrefix(ctx.Page().URL().Path, "/help/")
}

// ensure loads the article unless it is already loaded (or loading) for
// this slug and language. The server's prerender shows the loading view:
// it has no API client.
func (p *HelpArticle) ensure() {
	if app.IsServer || p.slug == "" || p.lang == "" || p.loaded == p.slug+"|"+p.lang {
		return
	}
	p.load()
}

func (p *HelpArticle) load() {
	ctx, slug, lang := p.ctx, p.slug, p.lang
	p.loaded = slug + "|" + lang
	p.seq++
	seq := p.seq
	if p.article.Slug != slug {
		// Another article: start from the top with no vote of this visit.
		p.status, p.thanked, p.voteErr = state.Loading, false, ""
		app.Window().Call("scrollTo", 0, 0)
	}
	p.err, p.missing = "", false
	ctx.Async(func() {
		out, err := apiclient.Default.HelpArticle(slug, lang)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != p.seq {
				return
			}
			var ce *apiclient.Error
			switch {
			case errors.As(err, &ce) && ce.Status == 404:
				p.status, p.missing = state.LoadingErr, true
				setTitle(ctx, i18n.T(p.lang, i18n.HelpMissingTitle))
			case err != nil:
				p.status, p.err = state.LoadingErr, readError(lang, err).Message
			default:
				p.status, p.article = state.Loaded, out
				setTitle(ctx, out.Title)
			}
		})
	})
}

// Render draws the page.
func (p *HelpArticle) Render() app.UI {
	return p.frame(
		app.Div().Class("help-layout").Body(
			app.Div().Class("help-main").Body(p.renderMain()),
			&helpAssistant{},
		),
	)
}

func (p *HelpArticle) renderMain() app.UI {
	switch {
	case p.status == state.Loaded:
		return p.renderArticle()
	case p.status == state.LoadingErr && p.missing:
		return app.Div().Class("card help-missing").Body(
			app.H1().Text(p.t(i18n.HelpMissingTitle)),
			app.P().Class("lead").Text(p.t(i18n.HelpNotFound)+" "+p.t(i18n.HelpMissingHint)),
			app.A().Class("btn").Href("/help").Text(p.t(i18n.HelpBackToCentre)),
		)
	case p.status == state.LoadingErr:
		return app.Div().Class("card").Body(
			app.H1().Text(p.t(i18n.HelpTitle)),
			component.Alert(component.AlertError, p.t(i18n.LoadFailed)+" "+p.err),
			app.Div().Class("actions").Body(
				app.Button().Class("btn").Type("button").Text(p.t(i18n.TryAgain)).
					OnClick(func(ctx app.Context, e app.Event) { p.load() }),
				app.A().Href("/help").Text(p.t(i18n.HelpBackToCentre)),
			),
		)
	}
	return app.Div().Class("card").Body(component.Loader(p.t(i18n.Loading)))
}

func (p *HelpArticle) renderArticle() app.UI {
	a := p.article
	return app.Div().Body(
		app.Nav().Aria("label", p.t(i18n.HelpBreadcrumbLabel)).Body(
			app.Ol().Class("breadcrumb").Body(
				app.Li().Body(app.A().Href("/help").Text(p.t(i18n.HelpTitle))),
				app.Range(a.Breadcrumb).Slice(func(i int) app.UI {
					return app.Li().Text(a.Breadcrumb[i].Name)
				}),
				app.Li().Aria("current", "page").Text(a.Title),
			),
		),
		app.Article().Class("card").Lang(a.Lang).Aria("labelledby", "article-title").Body(
			app.H1().ID("article-title").Text(a.Title),
			// Rendered by the server from Markdown with raw HTML off: safe.
			app.Raw(`<div class="article-body">`+a.HTML+`</div>`),
			p.renderVotes(),
		),
		app.If(len(a.Related) > 0, func() app.UI {
			return app.Section().Class("card related").Aria("labelledby", "related-title").Body(
				app.H2().ID("related-title").Text(p.t(i18n.HelpRelated)),
				app.Ul().Class("list").Body(
					app.Range(a.Related).Slice(func(i int) app.UI {
						r := a.Related[i]
						return app.Li().Body(
							app.A().Class("result-title").Href("/help/"+r.Slug).Text(r.Title),
							app.P().Class("muted first-line").Text(r.FirstLine),
						)
					}),
				),
			)
		}),
	)
}

func (p *HelpArticle) renderVotes() app.UI {
	a := p.article
	pressed := func(v bool) string {
		return strconv.FormatBool(a.MyVote != nil && *a.MyVote == v)
	}
	status := ""
	if p.thanked {
		status = p.t(i18n.HelpThanks)
	}
	total := a.HelpfulYes + a.HelpfulNo
	return app.Section().Class("votes").Aria("labelledby", "votes-title").Body(
		app.P().ID("votes-title").Class("votes-question").Text(p.t(i18n.HelpWasHelpful)),
		app.Div().Class("votes-buttons").Body(
			app.Button().Class("btn btn-secondary").Type("button").Aria("pressed", pressed(true)).
				Disabled(p.voting).Text(p.t(i18n.HelpYes)).
				OnClick(func(ctx app.Context, e app.Event) { p.vote(true) }),
			app.Button().Class("btn btn-secondary").Type("button").Aria("pressed", pressed(false)).
				Disabled(p.voting).Text(p.t(i18n.HelpNo)).
				OnClick(func(ctx app.Context, e app.Event) { p.vote(false) }),
		),
		app.Div().Class("votes-status").Body(
			component.Alert(component.AlertOK, status),
			component.Alert(component.AlertError, p.voteErr),
			app.If(total > 0, func() app.UI {
				return app.P().Class("muted votes-count").Text(i18n.F(p.lang, i18n.HelpVoteCounts,
					"yes", strconv.FormatInt(a.HelpfulYes, 10), "total", strconv.FormatInt(total, 10)))
			}),
		),
	)
}

// vote records the visitor's answer; a second vote replaces the first.
func (p *HelpArticle) vote(helpful bool) {
	ctx, slug, lang := p.ctx, p.article.Slug, p.lang
	p.voting, p.voteErr = true, ""
	ctx.Async(func() {
		out, err := apiclient.Default.HelpVote(slug, api.HelpVoteRequest{Helpful: helpful})
		ctx.Dispatch(func(ctx app.Context) {
			p.voting = false
			if p.article.Slug != slug {
				return
			}
			if err != nil {
				p.voteErr = readError(lang, err).Message
				return
			}
			v := out.MyVote
			p.article.HelpfulYes, p.article.HelpfulNo, p.article.MyVote = out.HelpfulYes, out.HelpfulNo, &v
			p.thanked = true
		})
	})
}
