package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/passkey"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// factorPlace is a place where a second factor is asked — a login's second
// step, a dialog's step-up, the two-factor switch — and how that place talks
// to the server.
type factorPlace struct {
	id     string   // of the code input ("code" on the login page, "ch-code" in dialogs)
	lead   i18n.Key // where an e-mailed code went: "{email}"
	button i18n.Key // of the code steps: "Confirm", "Activate", "Deactivate"
	// prove sends the factor (it runs in the background) and returns what
	// happens next.
	prove func(r api.FactorRequest) (onSuccess, error)
	// choose makes the place ask for another method.
	choose func(method string) (api.FactorChallenge, error)
	resend func() (sent, error)
	// more is shown among the links (the way back to log in).
	more func(lang string) app.UI
}

// stepFor is the step that asks for method at the place.
func (p *factorPlace) stepFor(method string) Step {
	switch method {
	case api.MethodTOTP:
		return &codeStep{place: p, method: method, id: p.id, lead: i18n.TOTPLead, label: i18n.TOTPField, button: p.button}
	case api.MethodRecoveryCode:
		return &codeStep{place: p, method: method, id: p.id, lead: i18n.RecoveryLead, label: i18n.RecoveryField, button: p.button}
	case api.MethodPasskey:
		return &passkeyStep{place: p}
	}
	return &codeStep{place: p, method: api.MethodEmailCode, id: p.id, lead: p.lead, label: i18n.FieldCode, button: p.button, resend: p.resend}
}

// factorStep is the second factor's place in a flow: it shows the step of
// the method asked (f.asked) and, with it, "Use another method". It is only
// needed when the server asked for a second factor.
type factorStep struct {
	place *factorPlace
	steps map[string]Step
}

// needed: only a second factor that was asked for.
func (s *factorStep) needed(f *Flow) bool { return f.codeDue }

func (s *factorStep) current(f *Flow) Step {
	m := f.asked
	if m == "" {
		m = api.MethodEmailCode
	}
	if s.steps == nil {
		s.steps = map[string]Step{}
	}
	if st, ok := s.steps[m]; ok {
		return st
	}
	st := s.place.stepFor(m)
	s.steps[m] = st
	return st
}

// Render draws the asked method's step.
func (s *factorStep) Render(f *Flow) app.UI { return s.current(f).Render(f) }

// Submit sends the asked method's proof.
func (s *factorStep) Submit(ctx app.Context, f *Flow) { s.current(f).Submit(ctx, f) }

// Focus is the code field, or the passkey's button.
func (s *factorStep) Focus() string { return "#" + s.place.id + ", #" + s.place.id + "-passkey" }

// methodName is how the app calls a second factor.
func methodName(m string) i18n.Key {
	switch m {
	case api.MethodTOTP:
		return i18n.MethodTOTPName
	case api.MethodPasskey:
		return i18n.MethodPasskeyName
	case api.MethodRecoveryCode:
		return i18n.MethodRecoveryName
	}
	return i18n.MethodEmailCodeName
}

// otherMethods is "Use another method": a link that shows a button for
// each other factor the account has. A passkey is left out where this
// browser cannot use one.
func (p *factorPlace) otherMethods(f *Flow) app.UI {
	var others []string
	for _, m := range f.offered {
		if m != f.asked && (m != api.MethodPasskey || passkey.Supported()) {
			others = append(others, m)
		}
	}
	if len(others) == 0 {
		return nil
	}
	if !f.choosing {
		return app.Button().Class("linkbtn").Type("button").ID(p.id+"-another").Disabled(f.busy).
			Aria("expanded", "false").Text(f.t(i18n.FactorUseAnother)).
			OnClick(func(ctx app.Context, e app.Event) {
				f.choosing = true
				component.FocusSoon("#" + p.id + "-methods button")
			})
	}
	buttons := []app.UI{app.P().ID(p.id + "-methods-label").Class("muted").Text(f.t(i18n.FactorChoose))}
	for _, m := range others {
		buttons = append(buttons, app.Button().Class("btn btn-secondary btn-block").Type("button").
			ID(p.id+"-method-"+m).Disabled(f.busy).Text(f.t(methodName(m))).
			OnClick(func(ctx app.Context, e app.Event) { p.switchTo(ctx, f, m) }))
	}
	return app.Div().ID(p.id+"-methods").Class("methods").Role("group").Aria("labelledby", p.id+"-methods-label").Body(buttons...)
}

// switchTo makes the place ask for method: the server mails a code, or
// begins a passkey ceremony; the flow shows that method's step.
func (p *factorPlace) switchTo(ctx app.Context, f *Flow, method string) {
	f.err, f.info = formError{}, ""
	send(ctx, f, func() (api.FactorChallenge, error) { return p.choose(method) }, func(ctx app.Context, ch api.FactorChallenge) {
		f.asked, f.offered, f.passkeyOpts = ch.Asked, ch.Offered, ch.Passkey
		component.SetInputValue(p.id, "") // the field stays; what was typed for the other method goes
		if method == api.MethodEmailCode {
			if ch.MaskedEmail != "" {
				f.sentTo = ch.MaskedEmail
			}
			f.wait.start(ctx, resendWait(ch.ResendAfter))
		}
		f.goTo(ctx, f.at)
	})
}
