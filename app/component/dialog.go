package component

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/i18n"
)

// Dialog is a modal dialog (role=dialog, aria-modal): focus moves into it
// when it opens, Tab stays inside, Escape or the close button closes it and
// the parent returns focus to what opened it.
type Dialog struct {
	app.Compo
	IID      string
	ITitle   string
	IBody    []app.UI
	IOnClose func(ctx app.Context)

	lang string
}

// OnMount follows the language, makes the page behind the dialog inert
// and moves focus into the dialog.
func (d *Dialog) OnMount(ctx app.Context) {
	state.ObserveLang(ctx, &d.lang)
	id := "#" + d.IID
	ctx.Defer(func(ctx app.Context) { d.inertBehind(true) })
	FocusSoon(id+" input", id+" .dialog-body button", id+" .dialog-close")
}

// OnDismount gives the page back.
func (d *Dialog) OnDismount() { d.inertBehind(false) }

// inertBehind makes everything but the dialog inert (no focus, no clicks,
// hidden from screen readers), or undoes it: every sibling of the dialog's
// backdrop and of each of its ancestors up to <body>.
func (d *Dialog) inertBehind(on bool) {
	if app.IsServer {
		return
	}
	doc := app.Window().Get("document")
	if !on {
		marked := doc.Call("querySelectorAll", "[data-inert-by="+d.IID+"]")
		for i := range marked.Length() {
			marked.Index(i).Call("removeAttribute", "inert")
			marked.Index(i).Call("removeAttribute", "data-inert-by")
		}
		return
	}
	el := doc.Call("getElementById", d.IID)
	if !el.Truthy() {
		return
	}
	body := doc.Get("body")
	for node := el.Get("parentElement"); node.Truthy() && !node.Equal(body); node = node.Get("parentElement") {
		parent := node.Get("parentElement")
		if !parent.Truthy() {
			break
		}
		kids := parent.Get("children")
		for i := range kids.Length() {
			k := kids.Index(i)
			if !k.Equal(node) && !k.Call("hasAttribute", "inert").Bool() {
				k.Call("setAttribute", "inert", "")
				k.Call("setAttribute", "data-inert-by", d.IID)
			}
		}
	}
}

// Render draws the dialog over a backdrop.
func (d *Dialog) Render() app.UI {
	return app.Div().Class("dialog-backdrop").Body(
		app.Div().ID(d.IID).Class("dialog").Role("dialog").Aria("modal", "true").
			Aria("labelledby", d.IID+"-title").OnKeyDown(d.onKey).Body(
			app.H2().ID(d.IID+"-title").Text(d.ITitle),
			app.Button().Class("dialog-close").Type("button").Aria("label", i18n.T(d.lang, i18n.Close)).
				Text("×").OnClick(func(ctx app.Context, e app.Event) { d.close(ctx) }),
			app.Div().Class("dialog-body").Body(d.IBody...),
		),
	)
}

func (d *Dialog) close(ctx app.Context) {
	if d.IOnClose != nil {
		d.IOnClose(ctx)
	}
}

// onKey closes on Escape and keeps Tab inside the dialog.
func (d *Dialog) onKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Escape":
		e.PreventDefault()
		d.close(ctx)
	case "Tab":
		root := app.Window().GetElementByID(d.IID)
		if !root.Truthy() {
			return
		}
		items := root.Call("querySelectorAll", "button:not([disabled]), input:not([disabled]), a[href], select:not([disabled])")
		n := items.Length()
		if n == 0 {
			return
		}
		first, last := items.Index(0), items.Index(n-1)
		active := app.Window().Get("document").Get("activeElement")
		if e.Get("shiftKey").Bool() && active.Equal(first) {
			e.PreventDefault()
			last.Call("focus")
		} else if !e.Get("shiftKey").Bool() && active.Equal(last) {
			e.PreventDefault()
			first.Call("focus")
		}
	}
}

// OnPreRender takes the language of the page the server prerenders.
func (d *Dialog) OnPreRender(ctx app.Context) { state.PreRenderLang(ctx, &d.lang) }

// OnInit starts in the app's language: the first drawing speaks it.
func (d *Dialog) OnInit() { d.lang = state.StartLang() }
