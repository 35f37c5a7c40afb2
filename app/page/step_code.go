package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// codeStep asks for a code: the e-mailed code of a login's second step, of
// a re-authentication and of the two-factor switch (with "Request a new
// one"), the code of an authenticator app, a recovery code, and the SMS
// code of a new Phone ID.
type codeStep struct {
	id     string   // of the input; the lead and the links are named after it
	lead   i18n.Key // where the code went: "{email}" or "{phone}", or where to find it
	label  i18n.Key
	button i18n.Key
	// place and method, for a second factor: the step sends the code there
	// as method, and offers the place's other methods.
	place  *factorPlace
	method string
	// verify sends the code (it runs in the background) and returns what
	// happens next; a second factor's is the place's prove.
	verify func(code string) (onSuccess, error)
	// resend is "Request a new one" (nil: the code was not sent).
	resend func() (sent, error)
	// more is shown next to "Request a new one" (the way back to log in).
	more func(lang string) app.UI

	code string
}

// needed: only a code that went out is asked for.
func (s *codeStep) needed(f *Flow) bool { return f.codeDue }

// recovery reports whether the step asks for a recovery code (letters and
// digits, no validity).
func (s *codeStep) recovery() bool { return s.method == api.MethodRecoveryCode }

// Render draws where the code went, the code field and the links.
func (s *codeStep) Render(f *Flow) app.UI {
	lang := f.lng()
	var more, others, request app.UI
	if s.more != nil {
		more = s.more(lang)
	}
	if s.place != nil {
		others = s.place.otherMethods(f)
		if s.place.more != nil {
			more = s.place.more(lang)
		}
	}
	if s.resend != nil {
		request = f.secondButton(s.id+"-request-new", s.requestNew(f)).Disabled(f.wait.active()).
			Text(f.wait.label(lang, f.t(i18n.CodeRequestNew)))
	}
	field := &component.Field{IID: s.id, ILabel: f.t(s.label), IValue: s.code, IInputMode: "numeric",
		IAutocomplete: "one-time-code", IMaxLength: 7, IError: f.errs["code"],
		IOnInput: func(ctx app.Context, v string) { s.code = v }}
	switch {
	case s.recovery():
		field.IInputMode, field.IAutocomplete, field.IMaxLength = "text", "off", 20
	case s.method == "" || s.method == api.MethodEmailCode:
		field.IHint = f.t(i18n.CodeValidity)
	}
	return f.form(
		app.P().Class("lead").ID(s.id+"-sent").Text(i18n.F(lang, s.lead, "email", f.sentTo, "phone", f.sentTo)),
		f.errorAlert(),
		component.Alert(component.AlertOK, f.info),
		field,
		f.submitButton(s.button),
		app.Div().Class("links").Body(request, others, more),
	)
}

// Submit checks the code's form, then sends it.
func (s *codeStep) Submit(ctx app.Context, f *Flow) {
	code, field, err := validate.NormalizeCode(s.code), "code", validate.Code(s.code)
	switch {
	case s.recovery():
		code, field, err = validate.NormalizeRecoveryCode(s.code), "recovery_code", validate.RecoveryCode(s.code)
	case s.method == api.MethodTOTP:
		field = "app_code"
	}
	if err != nil {
		if validate.CodeOf(err) == validate.CodeRequired {
			field = "code"
		}
		check(f.lng(), f.errs, field, err)
		f.errs["code"] = f.errs[field]
		component.Focus("#" + s.id)
		return
	}
	verify := s.verify
	if s.place != nil {
		verify = func(code string) (onSuccess, error) {
			return s.place.prove(api.FactorRequest{Method: s.method, Code: code})
		}
	}
	send(ctx, f, func() (onSuccess, error) { return verify(code) }, func(ctx app.Context, next onSuccess) {
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
