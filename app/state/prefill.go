package state

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// metaPrefill names the element in which the server hands the page's
// prefill to the app (see api.Prefill).
const metaPrefill = "miniid-prefill"

// consumed says the app has read the server's prefill into first; it
// belongs to the page the server rendered (and its parts), not to the
// pages the app opens after it: ForgetPrefill drops it.
var (
	consumed bool
	first    api.Prefill
)

// ForgetPrefill drops the server's prefill once its page is up.
func ForgetPrefill() { consumed, first = true, api.Prefill{} }

// Prefill is what the server said about the page it rendered: the
// language and the outcome of the form post it answered. On the server it
// comes from the fragment of the URL go-app prerenders (the server sets it;
// a browser never sends a fragment), in the browser from the page's
// <meta name="miniid-prefill">, once: only the first page the app shows is
// the one the server rendered.
func Prefill(ctx app.Context) api.Prefill {
	if app.IsServer {
		return api.DecodePrefill(ctx.Page().URL().Fragment)
	}
	return TakePrefill()
}

// TakePrefill is Prefill in the browser, for a page's OnInit: the page's
// first drawing already shows what the server's did, so the takeover does
// not flash.
func TakePrefill() api.Prefill {
	if app.IsServer || consumed {
		return first
	}
	consumed = true
	doc := app.Window().Get("document")
	meta := doc.Call("querySelector", `meta[name="`+metaPrefill+`"]`)
	if !meta.Truthy() {
		return api.Prefill{}
	}
	first = api.DecodePrefill(meta.Call("getAttribute", "content").String())
	meta.Call("remove")
	return first
}

// PreRender sets the language of a page the server prerenders (go-app
// calls OnPreRender only there, before the page's components are made):
// *lang and the app state that the components read in theirs.
func PreRender(ctx app.Context, lang *string) {
	*lang = i18n.Lang(Prefill(ctx).Lang)
	ctx.SetState(KeyLang, *lang)
}

// PreRenderLang is a component's language on the server (go-app runs no
// OnMount there, so ObserveLang never ran): the one the page set.
func PreRenderLang(ctx app.Context, lang *string) { ctx.GetState(KeyLang, lang) }
