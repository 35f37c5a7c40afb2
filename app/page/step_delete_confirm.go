package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// keyFarewell tells the login page to say the account was deleted.
const keyFarewell = "farewell"

// deleteConfirmStep is the deletion's last step, once the password (and
// code) are proven: "Delete permanently". Then nothing of the account stays
// on the device, and the login page says goodbye.
type deleteConfirmStep struct{}

// Render draws the last warning and the button.
func (s *deleteConfirmStep) Render(f *Flow) app.UI {
	return app.Div().Body(
		app.P().Text(f.t(i18n.DeleteFinal)),
		f.errorAlert(),
		f.confirmActions("delete-now", i18n.DeleteNow, true),
	)
}

// Submit deletes the account.
func (s *deleteConfirmStep) Submit(ctx app.Context, f *Flow) {
	sendOnly(ctx, f, apiclient.Default.DeleteAccount, func(ctx app.Context) {
		state.ForgetDevice()
		ctx.SessionStorage().Set(keyFarewell, "1")
		ctx.SetState(state.KeySession, state.Session{Status: state.Loaded, State: api.StateNone})
		ctx.Navigate("/login")
	})
}

// Focus is "Delete permanently".
func (s *deleteConfirmStep) Focus() string { return "#delete-now" }
