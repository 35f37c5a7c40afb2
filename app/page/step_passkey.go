package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/passkey"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// passkeyStep is a passkey as the second factor ("Use passkey"): the
// browser asks the device, and its answer goes to the place.
type passkeyStep struct {
	place *factorPlace
}

// Render draws what happens and the button.
func (s *passkeyStep) Render(f *Flow) app.UI {
	var more app.UI
	if s.place.more != nil {
		more = s.place.more(f.lng())
	}
	return f.form(
		app.P().Class("lead").Text(f.t(i18n.PasskeyStepLead)),
		f.errorAlert(),
		component.Alert(component.AlertInfo, f.waiting()),
		app.Button().Class("btn btn-block").Type("submit").ID(s.place.id+"-passkey").Disabled(f.busy).Text(f.t(i18n.PasskeyUse)),
		app.Div().Class("links").Body(s.place.otherMethods(f), more),
	)
}

// Submit asks the browser for the passkey (with the ceremony the server
// began, or a new one: each is answered once) and sends its answer.
func (s *passkeyStep) Submit(ctx app.Context, f *Flow) {
	opts := f.passkeyOpts
	f.passkeyOpts = nil
	send(ctx, f, func() (onSuccess, error) {
		if opts == nil {
			ch, err := s.place.choose(api.MethodPasskey)
			if err != nil {
				return nil, err
			}
			opts = ch.Passkey
		}
		cred, err := passkey.Get(opts)
		if err != nil {
			return nil, err
		}
		return s.place.prove(api.FactorRequest{Method: api.MethodPasskey, Credential: cred})
	}, func(ctx app.Context, next onSuccess) {
		f.codeDue = false
		next(ctx, f)
	})
}

// Focus is "Use passkey".
func (s *passkeyStep) Focus() string { return "#" + s.place.id + "-passkey" }

// waiting says what to do while the browser asks the device for a passkey
// (the flow is busy); "" otherwise. The alert's live region stays in place
// either way: what follows it keeps its place, and with it the answer to
// its own request (see component.Alert).
func (f *Flow) waiting() string {
	if !f.busy {
		return ""
	}
	return f.t(i18n.PasskeyWaiting)
}
