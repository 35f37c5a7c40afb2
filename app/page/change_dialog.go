package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// ChangeDialog is the dialog behind each "Edit" of Account data and behind
// "Delete MINI ID": a flow of steps that proves the password (and the
// e-mailed code when two-factor authentication is on), then makes the
// change. IAction picks the flow: api.ActionEmail, ActionPassword,
// ActionPhone, ActionDelete, or actionTwoFactor.
type ChangeDialog struct {
	app.Compo
	IAction   string
	IMe       api.Me
	IOnChange func(ctx app.Context, me api.Me) // a profile the server returned
	IOnClose  func(ctx app.Context)

	lang string
	flow *Flow
}

// OnInit builds the flow of the dialog's action.
func (d *ChangeDialog) OnInit() {
	d.lang = state.StartLang()
	d.flow = newFlow(&d.lang, d.IMe, changeSteps(d.IAction, d.IMe)...)
	d.flow.onChange = func(ctx app.Context, me api.Me) { d.IOnChange(ctx, me) }
	d.flow.onClose = func(ctx app.Context) { d.IOnClose(ctx) }
	d.flow.onFail = d.flow.backToPassword
}

// OnMount follows the language.
func (d *ChangeDialog) OnMount(ctx app.Context) { state.ObserveLang(ctx, &d.lang) }

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
	}
	return i18n.DeleteTitle
}

// changeSteps lists the steps of each change.
func changeSteps(action string, me api.Me) []Step {
	switch action {
	case actionTwoFactor:
		return twoFactorSteps(me)
	case api.ActionEmail:
		return []Step{reauthPassword(action), reauthCode(), &newEmailStep{}, &doneStep{}}
	case api.ActionPassword:
		return []Step{reauthPassword(action), reauthCode(), &newPasswordStep{}, &doneStep{}}
	case api.ActionPhone:
		return []Step{reauthPassword(action), reauthCode(), &newPhoneStep{}, phoneCode(), &doneStep{}}
	case api.ActionSecurityQuestion:
		return []Step{reauthPassword(action), reauthCode(), &questionStep{}, &doneStep{}}
	case api.ActionExport:
		return []Step{reauthPassword(action), reauthCode(), &exportStep{}, &doneStep{}}
	}
	return []Step{&deleteExplainStep{}, reauthPassword(api.ActionDelete), reauthCode(), &deleteConfirmStep{}}
}

// reauthPassword proves the password for action; a code follows when
// two-factor authentication is on.
func reauthPassword(action string) *passwordStep {
	return &passwordStep{prove: func(pw string) (sent, error) {
		r, err := apiclient.Default.Reauth(api.ReauthRequest{Action: action, Password: pw})
		return sent{due: r.CodeSent, to: r.MaskedEmail, after: r.ResendAfter}, err
	}}
}

// reauthCode is the e-mailed code of a re-authentication.
func reauthCode() *codeStep {
	return &codeStep{id: "ch-code", lead: i18n.ConfirmCodeLead, label: i18n.FieldCode, button: i18n.CodeConfirm,
		verify: func(code string) (onSuccess, error) {
			_, err := apiclient.Default.ReauthConfirm(api.CodeRequest{Code: code})
			return moveOn, err
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
