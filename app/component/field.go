package component

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/i18n"
)

// Field is a labelled input with its hint and its error, wired for screen
// readers (aria-invalid, aria-describedby).
type Field struct {
	app.Compo
	IID           string
	IName         string // of the form field; IID when empty
	ILabel        string
	IType         string // "text" when empty
	IValue        string
	IAutocomplete string
	IInputMode    string
	IHint         string
	IError        string
	IOptional     bool
	IMaxLength    int
	IDisabled     bool
	IOnInput      func(ctx app.Context, value string)

	lang  string
	shown string // the input's id as drawn
}

// OnMount follows the language.
func (f *Field) OnMount(ctx app.Context) {
	state.ObserveLang(ctx, &f.lang)
	f.shown = f.IID
}

// OnUpdate writes the value into the input when the Field now stands for
// another input: go-app reuses a Field at the same place of the next step
// of a flow (a code, then a passkey's name), and only writes a value that
// differs from the last one drawn, so the browser would keep what was typed
// for the other input — a password would even show in a text field.
func (f *Field) OnUpdate(ctx app.Context) {
	if f.shown != f.IID {
		SetInputValue(f.shown, f.IValue)
		f.shown = f.IID
	}
}

// Render draws the field.
func (f *Field) Render() app.UI {
	typ := f.IType
	if typ == "" {
		typ = "text"
	}
	describedBy := ""
	if f.IHint != "" {
		describedBy = f.IID + "-hint"
	}
	if f.IError != "" {
		describedBy += " " + f.IID + "-error"
	}
	name := f.IName
	if name == "" {
		name = f.IID
	}
	input := app.Input().ID(f.IID).Name(name).Type(typ).Value(f.IValue).
		Attr("autocomplete", f.IAutocomplete).Disabled(f.IDisabled).
		OnInput(func(ctx app.Context, e app.Event) {
			if f.IOnInput != nil {
				f.IOnInput(ctx, ctx.JSSrc().Get("value").String())
			}
			if f.IError != "" {
				// What was wrong is being corrected: its message goes now
				// (the page forgets it too, see IOnInput). The value
				// attribute is unchanged, so the redraw leaves what is
				// being typed alone.
				f.IError = ""
				return
			}
			// The browser already shows what was typed: nothing to redraw.
			ctx.PreventUpdate()
		})
	if f.IInputMode != "" {
		input = input.Attr("inputmode", f.IInputMode)
	}
	if f.IMaxLength > 0 {
		input = input.MaxLength(f.IMaxLength)
	}
	if !f.IOptional {
		input = input.Required(true)
	}
	if f.IError != "" {
		input = input.Aria("invalid", "true")
	}
	if describedBy != "" {
		input = input.Aria("describedby", describedBy)
	}
	return app.Div().Class("field").Body(
		app.Label().For(f.IID).Body(
			app.Text(f.ILabel),
			app.If(f.IOptional, func() app.UI {
				return app.Span().Class("optional").Text(" " + i18n.T(f.lang, i18n.Optional))
			}),
		),
		input,
		app.If(f.IHint != "", func() app.UI { return app.P().ID(f.IID + "-hint").Class("hint").Text(f.IHint) }),
		app.If(f.IError != "", func() app.UI { return app.P().ID(f.IID + "-error").Class("error").Text(f.IError) }),
	)
}

// SetInputValue writes value into the input with id. Fields do not re-render
// while the customer types (see Field), so a value the page resets (a
// password after a failed login, fresh data after a conflict) is written
// here as well.
func SetInputValue(id, value string) {
	if app.IsServer {
		return
	}
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Set("value", value)
	}
}

// OnPreRender takes the language of the page the server prerenders.
func (f *Field) OnPreRender(ctx app.Context) { state.PreRenderLang(ctx, &f.lang) }

// OnInit starts in the app's language: the first drawing speaks it.
func (f *Field) OnInit() { f.lang = state.StartLang() }
