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
// password → "NEXT" → the second factor (to switch it on, always the
// e-mailed code) → "Activate", which makes the switch. From the first step
// the customer may also set up or remove an authenticator app, or make new
// recovery codes (twoFactorChoiceStep puts those steps in place).
func twoFactorSteps(me api.Me) []Step {
	enable := !me.TwoFactor
	password := &passwordStep{prove: func(pw string) (sent, error) {
		c, err := apiclient.Default.StartTwoFactor(api.TwoFactorStartRequest{Enable: enable, Password: pw})
		return sent{due: true, to: c.MaskedEmail, after: c.ResendAfter, factors: c.Factors}, err
	}}
	place := &factorPlace{id: "ch-code", lead: i18n.CodeSentTo, button: twoFactorVerb(me),
		prove: func(r api.FactorRequest) (onSuccess, error) {
			res, err := apiclient.Default.ConfirmTwoFactor(r)
			return func(ctx app.Context, f *Flow) {
				words := i18n.TFNowDeactivated
				if res.Me.TwoFactor {
					words = i18n.TFNowActivated
				}
				f.finish(ctx, f.t(words))
				f.onChange(ctx, res.Me)
			}, err
		},
		choose: func(m string) (api.FactorChallenge, error) {
			return apiclient.Default.ReauthMethod(api.MethodRequest{Method: m})
		},
		resend: func() (sent, error) {
			c, err := apiclient.Default.ResendTwoFactor()
			return sent{to: c.MaskedEmail, after: c.ResendAfter}, err
		},
	}
	return []Step{&twoFactorChoiceStep{}, password, &factorStep{place: place}, &doneStep{}}
}

// totpOnSteps set up an authenticator app: the step-up, the key and its
// first code, the recovery codes made with it.
func totpOnSteps() []Step {
	return stepUp(api.ActionTOTPOn, &totpSetupStep{}, &recoveryCodesStep{})
}

// totpOffSteps remove the authenticator app.
func totpOffSteps() []Step {
	return stepUp(api.ActionTOTPOff, &totpRemoveStep{}, &doneStep{})
}

// recoverySteps make new recovery codes and show them.
func recoverySteps() []Step {
	return stepUp(api.ActionRecoveryCodes, &recoveryCreateStep{}, &recoveryCodesStep{})
}

// twoFactorVerb is "Activate" or "Deactivate", whichever the switch is.
func twoFactorVerb(me api.Me) i18n.Key {
	if me.TwoFactor {
		return i18n.TFDeactivate
	}
	return i18n.TFActivate
}
