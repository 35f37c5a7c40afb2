package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// actionTwoFactor is the dialog behind "Edit" on TWO-FACTOR AUTHENTICATION.
const actionTwoFactor = "two_factor"

// twoFactorSteps are the two-factor dialog: "Activate" (or "Deactivate") →
// password → "NEXT" → the e-mailed code → "Activate", which makes the
// switch. The code is always asked, whichever way the switch goes.
func twoFactorSteps(me api.Me) []Step {
	enable := !me.TwoFactor
	password := &passwordStep{prove: func(pw string) (sent, error) {
		c, err := apiclient.Default.StartTwoFactor(api.TwoFactorStartRequest{Enable: enable, Password: pw})
		return sent{due: true, to: c.MaskedEmail, after: c.ResendAfter}, err
	}}
	code := &codeStep{id: "ch-code", lead: i18n.CodeSentTo, label: i18n.FieldCode, button: twoFactorVerb(me),
		verify: func(code string) (onSuccess, error) {
			res, err := apiclient.Default.ConfirmTwoFactor(api.CodeRequest{Code: code})
			return func(ctx app.Context, f *Flow) {
				words := i18n.TFNowDeactivated
				if res.Me.TwoFactor {
					words = i18n.TFNowActivated
				}
				f.finish(ctx, f.t(words))
				f.onChange(ctx, res.Me)
			}, err
		},
		resend: func() (sent, error) {
			c, err := apiclient.Default.ResendTwoFactor()
			return sent{to: c.MaskedEmail, after: c.ResendAfter}, err
		},
	}
	return []Step{&twoFactorChoiceStep{}, password, code, &doneStep{}}
}

// twoFactorVerb is "Activate" or "Deactivate", whichever the switch is.
func twoFactorVerb(me api.Me) i18n.Key {
	if me.TwoFactor {
		return i18n.TFDeactivate
	}
	return i18n.TFActivate
}
