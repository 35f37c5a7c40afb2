package component

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Option is one choice of a Select.
type Option struct {
	Value string
	Label string
}

// Select is a labelled drop-down with its error.
type Select struct {
	app.Compo
	IID       string
	ILabel    string
	IValue    string
	IOptions  []Option
	IError    string
	IPrompt   string
	IDisabled bool
	IOnChange func(ctx app.Context, value string)
}

// Render draws the select.
func (s *Select) Render() app.UI {
	sel := app.Select().ID(s.IID).Name(s.IID).Required(true).Disabled(s.IDisabled).
		OnChange(func(ctx app.Context, e app.Event) {
			if s.IOnChange != nil {
				s.IOnChange(ctx, ctx.JSSrc().Get("value").String())
			}
			s.IError = "" // a choice was made: the old message goes
		})
	if s.IError != "" {
		sel = sel.Aria("invalid", "true").Aria("describedby", s.IID+"-error")
	}
	return app.Div().Class("field").Body(
		app.Label().For(s.IID).Text(s.ILabel),
		sel.Body(
			app.If(s.IPrompt != "", func() app.UI {
				return app.Option().Value("").Disabled(true).Selected(s.IValue == "").Text(s.IPrompt)
			}),
			app.Range(s.IOptions).Slice(func(i int) app.UI {
				o := s.IOptions[i]
				return app.Option().Value(o.Value).Selected(o.Value == s.IValue).Text(o.Label)
			}),
		),
		app.If(s.IError != "", func() app.UI { return app.P().ID(s.IID + "-error").Class("error").Text(s.IError) }),
	)
}
