package page

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// accountPage reports whether the page shown is one of the account's (the
// profile pages, the support console): those wait for new terms to be
// accepted; the help centre does not.
func accountPage() bool {
	if app.IsServer {
		return false
	}
	path := app.Window().URL().Path
	return strings.HasPrefix(path, "/profile") || strings.HasPrefix(path, "/support")
}

// consentGate asks to accept new versions of the terms of use and the
// privacy notice ("Accept and continue").
type consentGate struct {
	app.Compo
	IDue []api.ConsentDue

	lang string
	busy bool
	err  formError
}

// OnMount follows the language.
func (g *consentGate) OnMount(ctx app.Context) { state.ObserveLang(ctx, &g.lang) }

// Render draws the documents and the button.
func (g *consentGate) Render() app.UI {
	return app.Div().Class("narrow").Body(app.Div().Class("card").ID("consent-gate").Body(
		app.H1().Text(i18n.T(g.lang, i18n.DocumentsTitle)),
		app.P().Text(i18n.T(g.lang, i18n.DocumentsLead)),
		component.Alert(component.AlertError, g.err.Message),
		app.Ul().Body(app.Range(g.IDue).Slice(func(i int) app.UI {
			d := g.IDue[i]
			key := i18n.ConsentTerms
			if d.Document == api.DocumentPrivacy {
				key = i18n.ConsentPriv
			}
			return app.Li().Body(
				app.Text(i18n.F(g.lang, key, "version", d.Version)),
				app.If(documentURL(d.Document) != "", func() app.UI {
					return app.Span().Body(app.Text(" "), documentLink(g.lang, d.Document))
				}),
			)
		})),
		app.Button().ID("consent-accept").Class("btn btn-block").Type("button").Disabled(g.busy).
			Text(i18n.T(g.lang, i18n.ConsentAccept)).OnClick(g.accept),
	))
}

func (g *consentGate) accept(ctx app.Context, e app.Event) {
	g.busy, g.err = true, formError{}
	due := g.IDue
	ctx.Async(func() {
		me, err := apiclient.Default.AcceptConsents(api.DocumentsRequest{Accept: due})
		ctx.Dispatch(func(ctx app.Context) {
			g.busy = false
			if err != nil {
				g.err = readError(g.lang, err)
				return
			}
			state.SetMe(ctx, me)
		})
	})
}
