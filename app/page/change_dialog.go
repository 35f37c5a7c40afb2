package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// ChangeDialog is the dialog behind each "Edit" of Account data, behind
// "Delete MINI ID" and the passkeys' buttons: a flow of steps that proves
// the password (and the second factor when two-factor authentication is
// on), or a passkey alone, then makes the change. IAction picks the flow:
// api.ActionEmail, ActionPassword, ActionPhone, ActionDelete,
// ActionPasskeyAdd, ActionPasskeyRemove, actionPasskeyRename (with
// IPasskey), or actionTwoFactor.
type ChangeDialog struct {
	app.Compo
	IAction   string
	IMe       api.Me
	IPasskey  api.Passkey                      // the passkey to remove or rename
	IOnChange func(ctx app.Context, me api.Me) // a profile the server returned
	IOnClose  func(ctx app.Context)

	lang string
	flow *Flow
}

// OnInit builds the flow of the dialog's action.
func (d *ChangeDialog) OnInit() {
	d.lang = state.StartLang()
	d.flow = newFlow(&d.lang, d.IMe, changeSteps(d.IAction, d.IMe, d.IPasskey)...)
	d.flow.onChange = func(ctx app.Context, me api.Me) { d.IOnChange(ctx, me) }
	d.flow.onClose = func(ctx app.Context) { d.IOnClose(ctx) }
	d.flow.onFail = d.flow.backToPassword
}

// OnMount follows the language, and gives the flow its home.
func (d *ChangeDialog) OnMount(ctx app.Context) {
	state.ObserveLang(ctx, &d.lang)
	d.flow.mount(ctx)
}

// Render draws the current step in the dialog.
func (d *ChangeDialog) Render() app.UI {
	return &component.Dialog{IID: "change-dialog", ITitle: i18n.T(d.lang, changeTitle(d.IAction)),
		IOnClose: d.IOnClose, IBody: []app.UI{d.flow.Render()}}
}

func changeTitle(action string) i18n.Key {
	switch action {
	case api.ActionEmail:
		return i18n.ChangeEmailTitle
	case api.ActionPassword:
		return i18n.ChangePasswordTitle
	case api.ActionPhone:
		return i18n.ChangePhoneTitle
	case actionTwoFactor:
		return i18n.TFTitle
	case api.ActionSecurityQuestion:
		return i18n.QuestionTitle
	case api.ActionExport:
		return i18n.ExportTitle
	case api.ActionPasskeyAdd:
		return i18n.PasskeyAddTitle
	case api.ActionPasskeyRemove:
		return i18n.PasskeyRemoveTitle
	case actionPasskeyRename:
		return i18n.PasskeyRenameTitle
	}
	return i18n.DeleteTitle
}

// actionPasskeyRename is the dialog behind a passkey's "Rename" (no
// step-up: a name changes nothing about who gets in).
const actionPasskeyRename = "passkey_rename"

// changeSteps lists the steps of each change.
func changeSteps(action string, me api.Me, key api.Passkey) []Step {
	switch action {
	case actionTwoFactor:
		return twoFactorSteps(me)
	case api.ActionEmail:
		return stepUp(action, &newEmailStep{}, &doneStep{})
	case api.ActionPassword:
		return stepUp(action, &newPasswordStep{}, &doneStep{})
	case api.ActionPhone:
		return stepUp(action, &newPhoneStep{}, phoneCode(), &doneStep{})
	case api.ActionSecurityQuestion:
		return stepUp(action, &questionStep{}, &doneStep{})
	case api.ActionExport:
		return stepUp(action, &exportStep{}, &doneStep{})
	case api.ActionPasskeyAdd:
		return stepUp(action, &passkeyCreateStep{}, &doneStep{})
	case api.ActionPasskeyRemove:
		return stepUp(action, &passkeyRemoveStep{key: key}, &doneStep{})
	case actionPasskeyRename:
		return []Step{&passkeyRenameStep{key: key}}
	}
	return append([]Step{&deleteExplainStep{}}, stepUp(api.ActionDelete, &deleteConfirmStep{})...)
}

// stepUp proves who it is for action — the password and, when two-factor
// authentication is on, the second factor; or a passkey alone — then goes
// on with then.
func stepUp(action string, then ...Step) []Step {
	return append([]Step{reauthPassword(action), &factorStep{place: reauthPlace()}}, then...)
}

// reauthPassword proves the password for action; a second factor follows
// when two-factor authentication is on.
func reauthPassword(action string) *passwordStep {
	return &passwordStep{passkeyFor: action, prove: func(pw string) (sent, error) {
		r, err := apiclient.Default.Reauth(api.ReauthRequest{Action: action, Password: pw})
		return sent{due: r.CodeSent, to: r.MaskedEmail, after: r.ResendAfter, factors: r.Factors}, err
	}}
}

// reauthPlace is the second factor of a re-authentication.
func reauthPlace() *factorPlace {
	return &factorPlace{id: "ch-code", lead: i18n.ConfirmCodeLead, button: i18n.CodeConfirm,
		prove: func(r api.FactorRequest) (onSuccess, error) {
			_, err := apiclient.Default.ReauthConfirm(r)
			return moveOn, err
		},
		choose: func(m string) (api.FactorChallenge, error) {
			return apiclient.Default.ReauthMethod(api.MethodRequest{Method: m})
		},
		resend: func() (sent, error) {
			r, err := apiclient.Default.ReauthResend()
			return sent{to: r.MaskedEmail, after: r.ResendAfter}, err
		},
	}
}

// phoneCode is the SMS code that verifies a new Phone ID.
func phoneCode() *codeStep {
	return &codeStep{id: "ch-code", lead: i18n.ChangePhoneSent, label: i18n.ChangePhoneCode, button: i18n.CodeConfirm,
		verify: func(code string) (onSuccess, error) {
			me, err := apiclient.Default.VerifyPhone(api.CodeRequest{Code: code})
			return func(ctx app.Context, f *Flow) {
				f.onChange(ctx, me)
				f.finish(ctx, f.t(i18n.ChangePhoneDone))
			}, err
		},
		resend: func() (sent, error) {
			r, err := apiclient.Default.ResendPhone()
			return sent{to: r.MaskedPhone, after: r.ResendAfter}, err
		},
	}
}

// backToPassword returns to the password step when the server no longer
// counts the re-authentication (it ran out, or the dialog's code flow is
// gone), keeping the message that says so.
func (f *Flow) backToPassword(ctx app.Context, fe formError) {
	if fe.Code != api.CodeReauthRequired && fe.Code != api.CodeBadRequest {
		return
	}
	for i, s := range f.steps {
		if _, ok := s.(*passwordStep); ok && i != f.at {
			f.goTo(ctx, i)
			f.err = fe
			return
		}
	}
}

// OnPreRender takes the language of the page the server prerenders.
func (d *ChangeDialog) OnPreRender(ctx app.Context) { state.PreRenderLang(ctx, &d.lang) }
