package page

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// helpAssistant is the "{brand} AI Assistant" panel of the help pages: a question
// of at most api.AssistantMaxQuestion characters with a live counter, and
// the answer with the article it came from.
type helpAssistant struct {
	app.Compo

	lang     string
	question string
	fieldErr string
	status   state.Status
	answer   api.AssistantAnswer
	err      string
	seq      int
}

// OnMount follows the language.
func (a *helpAssistant) OnMount(ctx app.Context) { state.ObserveLang(ctx, &a.lang) }

func (a *helpAssistant) t(k i18n.Key) string { return i18n.T(a.lang, k) }

// Render draws the panel. The textarea is never given a value: the browser
// owns what is typed, so a re-render (the counter changes with every key)
// cannot write an older text back into it.
func (a *helpAssistant) Render() app.UI {
	n := utf8.RuneCountInString(a.question)
	describedBy := "assistant-q-hint assistant-q-counter"
	if a.fieldErr != "" {
		describedBy = "assistant-q-error " + describedBy
	}
	// No maxlength: the browser would cut a pasted question silently.
	// A question over the limit is shown as such and refused in ask.
	area := app.Textarea().ID("assistant-q").Name("ask").Rows(3).Text(a.question).
		Attr("autocomplete", "off").
		Aria("describedby", describedBy).
		OnInput(a.onInput).
		OnKeyDown(a.onKey)
	if a.fieldErr != "" {
		area = area.Aria("invalid", "true")
	}
	return app.Aside().Class("assistant").Aria("labelledby", "assistant-title").Body(
		app.H2().ID("assistant-title").Text(a.t(i18n.HelpAssistantTitle)),
		app.P().Class("assistant-hello").Text(a.t(i18n.HelpAssistantHello)),
		// Without the app, a GET form: /help?ask=… is the page with the answer.
		app.Form().NoValidate(true).Method("get").Action("/help").OnSubmit(a.submit).Body(
			app.Div().Class("field").Body(
				app.Label().For("assistant-q").Text(a.t(i18n.HelpAssistantLabel)),
				area,
				app.Div().Class("assistant-meta").Body(
					app.P().ID("assistant-q-hint").Class("hint").Text(a.t(i18n.HelpAssistantHint)),
					app.P().ID("assistant-q-counter").Class("counter").Class(overClass(n)).Aria("live", "polite").Body(
						app.Span().Text(strconv.Itoa(n)+" / "+strconv.Itoa(api.AssistantMaxQuestion)),
						app.Span().Class("visually-hidden").Text(" "+a.t(i18n.HelpCharacters)),
					),
				),
				app.If(a.fieldErr != "", func() app.UI {
					return app.P().ID("assistant-q-error").Class("error").Text(a.fieldErr)
				}),
			),
			app.Button().Class("btn btn-block").Type("submit").Disabled(a.status == state.Loading).Text(a.t(i18n.HelpAsk)),
		),
		app.P().Class("muted assistant-note").Text(a.t(i18n.HelpAssistantNote)),
		app.Div().ID("assistant-answer").Class("assistant-answer").Aria("live", "polite").Body(a.renderAnswer()),
	)
}

// overClass marks the counter of a question over the limit.
func overClass(n int) string {
	if n > api.AssistantMaxQuestion {
		return "over"
	}
	return ""
}

// renderAnswer shows the answer; the words around it are in the answer's
// language, which is the question's, so a German question on the English
// page reads "Antwort" and "Zum Artikel:" around its German answer.
func (a *helpAssistant) renderAnswer() app.UI {
	switch a.status {
	case state.Loading:
		return app.P().Class("muted").Text(a.t(i18n.HelpThinking))
	case state.LoadingErr:
		return component.Alert(component.AlertError, a.err)
	case state.Loaded:
		ans := a.answer
		lang := i18n.Lang(ans.Lang)
		return app.Div().Class("answer").Lang(lang).Body(
			app.H3().Text(i18n.T(lang, i18n.HelpAnswerTitle)),
			app.Range(paragraphs(ans.Answer)).Slice(func(i int) app.UI {
				return app.P().Class("answer-text").Text(paragraphs(ans.Answer)[i])
			}),
			app.If(ans.Found && ans.Article != nil, func() app.UI {
				return app.P().Class("answer-source").Body(
					app.A().Href("/help/" + ans.Article.Slug).Text(i18n.F(lang, i18n.HelpReadArticle, "title", ans.Article.Title)),
				)
			}),
			app.If(!ans.Found && ans.Contact != "", func() app.UI {
				return app.P().Class("answer-text answer-contact").Text(ans.Contact)
			}),
			app.If(!ans.Found && len(ans.Suggestions) > 0, func() app.UI {
				return app.Div().Body(
					app.P().ID("assistant-suggestions").Class("answer-source").Text(i18n.T(lang, i18n.HelpSuggestions)),
					app.Ul().Class("list answer-suggestions").Aria("labelledby", "assistant-suggestions").Body(
						app.Range(ans.Suggestions).Slice(func(i int) app.UI {
							s := ans.Suggestions[i]
							return app.Li().Body(app.A().Href("/help/" + s.Slug).Text(s.Title))
						}),
					),
				)
			}),
		)
	}
	return nil
}

// paragraphs splits plain text at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// onInput counts the question as it is typed or pasted; over the limit it
// says so at once, and the message goes when the question fits again.
func (a *helpAssistant) onInput(ctx app.Context, e app.Event) {
	a.question = ctx.JSSrc().Get("value").String()
	switch {
	case utf8.RuneCountInString(a.question) > api.AssistantMaxQuestion:
		a.fieldErr = a.overMessage()
	case a.fieldErr != "" && strings.TrimSpace(a.question) != "":
		a.fieldErr = ""
	}
}

// overMessage says how long the question is and what to do.
func (a *helpAssistant) overMessage() string {
	n := utf8.RuneCountInString(a.question)
	return i18n.F(a.lang, i18n.HelpQuestionOver, "n", strconv.Itoa(n), "over", strconv.Itoa(n-api.AssistantMaxQuestion))
}

// onKey asks on Enter; Shift+Enter keeps its usual new line.
func (a *helpAssistant) onKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Enter" || e.Get("shiftKey").Bool() || e.Get("isComposing").Bool() {
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	a.ask(ctx)
}

func (a *helpAssistant) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	a.ask(ctx)
}

// ask checks the question in the browser first (empty, too long) and only
// then asks the server.
func (a *helpAssistant) ask(ctx app.Context) {
	q := strings.TrimSpace(a.question)
	switch {
	case q == "":
		a.fieldErr = a.t(i18n.HelpQuestionEmpty)
	case utf8.RuneCountInString(a.question) > api.AssistantMaxQuestion:
		a.fieldErr = a.overMessage()
	default:
		a.fieldErr = ""
	}
	if a.fieldErr != "" {
		ctx.Defer(func(app.Context) { component.Focus("#assistant-q") })
		return
	}
	a.status, a.err = state.Loading, ""
	a.seq++
	seq, lang := a.seq, a.lang
	ctx.Async(func() {
		out, err := apiclient.Default.Assistant(q)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != a.seq {
				return
			}
			if err != nil {
				fe := readError(lang, err)
				a.status, a.err = state.LoadingErr, fe.Message
				if m := fe.Fields["q"]; m != "" {
					a.status, a.err, a.fieldErr = state.NeverLoaded, "", m
				}
				return
			}
			a.status, a.answer = state.Loaded, out
		})
	})
}

// OnPreRender takes the language and the answer of the page the server
// prerenders (/help?ask=…).
func (a *helpAssistant) OnPreRender(ctx app.Context) {
	state.PreRenderLang(ctx, &a.lang)
	a.prefill(state.Prefill(ctx), ctx.Page().URL().Query().Get("ask"))
}

// prefill shows the answer the server's page showed.
func (a *helpAssistant) prefill(pf api.Prefill, question string) {
	var out api.AssistantAnswer
	if question != "" && pf.Decode(api.DataAssistant, &out) {
		a.question, a.status, a.answer = question, state.Loaded, out
	}
}

// OnInit starts in the app's language: the first drawing speaks it.
func (a *helpAssistant) OnInit() {
	a.lang = state.StartLang()
	a.prefill(state.TakePrefill(), app.Window().URL().Query().Get("ask"))
}
