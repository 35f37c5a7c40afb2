package page

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// helpSearch is the search card of /help: a labelled search box and the
// ranked hits with their highlighted excerpts. The query is kept in the
// address (?q=) so the back button from an article returns to the hits.
type helpSearch struct {
	ctx      app.Context // the page's: a request outlives the button that sent it
	query    string      // what the box holds
	searched string      // the query the hits are for
	fieldErr string
	status   state.Status
	err      string
	results  []api.HelpSearchResult
	seq      int
}

func (s *helpSearch) render(lang string) app.UI {
	t := func(k i18n.Key) string { return i18n.T(lang, k) }
	// On the server the query is written in by server/pages, escaped:
	// go-app's prerender quotes attributes the Go way, not the HTML way.
	value := s.query
	if app.IsServer {
		value = ""
	}
	input := app.Input().ID("help-q").Name("q").Type("search").Value(value).
		Attr("autocomplete", "off").Attr("enterkeyhint", "search").
		MaxLength(api.AssistantMaxQuestion).
		OnInput(func(ctx app.Context, e app.Event) {
			// The browser shows what is typed; nothing else changes.
			ctx.PreventUpdate()
			s.query = ctx.JSSrc().Get("value").String()
		})
	if s.fieldErr != "" {
		input = input.Aria("invalid", "true").Aria("describedby", "help-q-error")
	}
	return app.Section().Aria("labelledby", "search-title").Body(
		app.H2().ID("search-title").Text(t(i18n.HelpSearchTitle)),
		// Without the app, a GET form: /help?q=… is the page with the hits.
		app.Form().Role("search").NoValidate(true).Method("get").Action("/help").
			OnSubmit(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				s.submit(lang)
			}).Body(
			app.Div().Class("field").Body(
				app.Label().For("help-q").Text(t(i18n.HelpSearchLabel)),
				app.Div().Class("search-row").Body(
					input,
					app.Button().Class("btn").Type("submit").Text(t(i18n.HelpSearchButton)),
				),
				app.If(s.fieldErr != "", func() app.UI {
					return app.P().ID("help-q-error").Class("error").Text(s.fieldErr)
				}),
			),
		),
		app.Div().ID("search-results").Class("search-results").Aria("live", "polite").Body(s.renderResults(lang)),
	)
}

func (s *helpSearch) renderResults(lang string) app.UI {
	t := func(k i18n.Key) string { return i18n.T(lang, k) }
	switch s.status {
	case state.Loading:
		return app.P().Class("muted").Text(t(i18n.HelpSearching))
	case state.LoadingErr:
		return app.Div().Body(
			component.Alert(component.AlertError, s.err),
			app.Button().Class("btn btn-secondary").Type("button").Text(t(i18n.TryAgain)).
				OnClick(func(ctx app.Context, e app.Event) { s.run(lang, s.searched) }),
		)
	case state.Loaded:
		count := i18n.F(lang, i18n.HelpSearchMany, "n", strconv.Itoa(len(s.results)))
		if len(s.results) == 1 {
			count = t(i18n.HelpSearchOne)
		}
		return app.Div().Body(
			app.H3().Text(i18n.F(lang, i18n.HelpSearchResults, "q", s.searched)),
			app.If(len(s.results) == 0, func() app.UI {
				return app.P().Text(i18n.F(lang, i18n.HelpSearchNone, "q", s.searched))
			}).Else(func() app.UI {
				return app.P().Class("muted").Text(count)
			}),
			app.Ol().Class("list results").Body(
				app.Range(s.results).Slice(func(i int) app.UI {
					r := s.results[i]
					return app.Li().Lang(r.Lang).Body(
						app.A().Class("result-title").Href("/help/"+r.Slug).Text(r.Title),
						app.If(r.Lang != lang, func() app.UI {
							return app.Span().Class("badge").Lang(lang).Text(foundIn(lang, r.Lang))
						}),
						// The server escapes everything but its <mark> tags.
						app.P().Class("fragment").Body(app.Raw("<span>"+r.FragmentHTML+"</span>")),
					)
				}),
			),
			app.Button().Class("linkbtn").Type("button").Text(t(i18n.HelpSearchClear)).
				OnClick(func(ctx app.Context, e app.Event) { s.clear() }),
		)
	}
	return nil
}

func foundIn(lang, hit string) string {
	if hit == i18n.German {
		return i18n.T(lang, i18n.HelpFoundInGerman)
	}
	return i18n.T(lang, i18n.HelpFoundInEnglish)
}

func (s *helpSearch) submit(lang string) {
	q := strings.TrimSpace(s.query)
	if q == "" {
		s.fieldErr = i18n.T(lang, i18n.HelpSearchEmpty)
		s.ctx.Defer(func(app.Context) { component.Focus("#help-q") })
		return
	}
	s.fieldErr = ""
	if q == s.searched {
		s.run(lang, q)
		return
	}
	s.ctx.Navigate("/help?q=" + url.QueryEscape(q)) // OnNav runs it
}

// rerun repeats the shown search, in a new language.
func (s *helpSearch) rerun(lang string) {
	if s.searched != "" && s.status != state.NeverLoaded {
		s.run(lang, s.searched)
	}
}

func (s *helpSearch) run(lang, q string) {
	ctx := s.ctx
	s.seq++
	seq := s.seq
	s.searched, s.status, s.err = q, state.Loading, ""
	ctx.Async(func() {
		out, err := apiclient.Default.HelpSearch(lang, q)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != s.seq {
				return
			}
			if err != nil {
				s.status, s.err = state.LoadingErr, readError(lang, err).Message
				return
			}
			s.status, s.results = state.Loaded, out
		})
	})
}

func (s *helpSearch) clear() {
	s.reset()
	s.ctx.Navigate("/help")
	component.FocusSoon("#help-q")
}

// reset forgets the search.
func (s *helpSearch) reset() {
	s.seq++
	s.query, s.searched, s.fieldErr, s.err, s.results = "", "", "", "", nil
	s.status = state.NeverLoaded
}
