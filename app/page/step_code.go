package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// codeStep asks for a 6-digit code, with "Request a new one": the e-mailed
// code of a login's second step, of a re-authentication and of the
// two-factor switch, and the SMS code of a new Phone ID.
type codeStep struct {
	id     string   // of the input; the lead and the link are named after it
	lead   i18n.Key // where the code went: "{email}" or "{phone}"
	label  i18n.Key
	button i18n.Key
	// verify sends the code (it runs in the background) and returns what
	// happens next.
	verify func(code string) (onSuccess, error)
	resend func() (sent, error)
	// more is shown next to "Request a new one" (the way back to log in).
	more func(lang string) app.UI

	code string
}

// needed: only a code that went out is asked for.
func (s *codeStep) needed(f *Flow) bool { return f.codeDue }

// Render draws where the code went, the code field and "Request a new one".
func (s *codeStep) Render(f *Flow) app.UI {
	lang := f.lng()
	var more app.UI
	if s.more != nil {
		more = s.more(lang)
	}
	return f.form(
		app.P().Class("lead").ID(s.id+"-sent").Text(i18n.F(lang, s.lead, "email", f.sentTo, "phone", f.sentTo)),
		f.errorAlert(),
		component.Alert(component.AlertOK, f.info),
		&component.Field{IID: s.id, ILabel: f.t(s.label), IValue: s.code, IInputMode: "numeric",
			IAutocomplete: "one-time-code", IMaxLength: 7, IHint: f.t(i18n.CodeValidity),
			IError: f.errs["code"], IOnInput: func(ctx app.Context, v string) { s.code = v }},
		f.submitButton(s.button),
		app.Div().Class("links").Body(
			app.Button().Class("linkbtn").Type("button").ID(s.id+"-request-new").Disabled(f.wait.active()).
				Text(f.wait.label(lang, f.t(i18n.CodeRequestNew))).OnClick(s.requestNew(f)),
			more,
		),
	)
}

// Submit checks the code's form, then sends it.
func (s *codeStep) Submit(ctx app.Context, f *Flow) {
	code := validate.NormalizeCode(s.code)
	if err := validate.Code(code); err != nil {
		check(f.lng(), f.errs, "code", err)
		component.Focus("#" + s.id)
		return
	}
	send(ctx, f, func() (onSuccess, error) { return s.verify(code) }, func(ctx app.Context, next onSuccess) {
		s.code = ""
		f.codeDue = false
		next(ctx, f)
	})
}

func (s *codeStep) requestNew(f *Flow) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		f.resend(ctx, s.resend, func(ctx app.Context) { s.code = "" })
	}
}

// Focus is the code field.
func (s *codeStep) Focus() string { return "#" + s.id }
