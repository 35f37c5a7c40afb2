package page

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// AccountData is /profile/account: the MINI ID, Phone ID, password and
// two-factor rows, each with "Edit", and the passkeys.
type AccountData struct {
	app.Compo
	base

	dialog  string      // which dialog is open ("" = none)
	keys    passkeyList // the passkeys
	key     api.Passkey // the passkey a dialog is about
	ctx     app.Context // the page's own, for answers that outlive a dialog
	mounted bool
}

// NewAccountData returns the page.
func NewAccountData() app.Composer { return &AccountData{} }

// OnNav sets the title.
func (p *AccountData) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.AccountTitle)) }

// OnMount follows the session and sends a visitor without one to log in.
func (p *AccountData) OnMount(ctx app.Context) {
	p.observe(ctx, func() { requireLogin(ctx, p.sess) })
	requireLogin(ctx, p.sess)
	state.Refresh(ctx)
	p.ctx, p.mounted = ctx, true
	p.loadPasskeys()
}

// OnDismount forgets the page's context.
func (p *AccountData) OnDismount() { p.mounted = false }

// Render draws the page.
func (p *AccountData) Render() app.UI {
	if !p.sess.LoggedIn() {
		return p.frame(gate(p.lang, p.sess))
	}
	me := p.sess.Me
	twoFactor := p.t(i18n.AccountNotActivated)
	badge := "badge"
	if me.TwoFactor {
		twoFactor, badge = p.t(i18n.AccountActivated), "badge badge-on"
	}
	phone := p.t(i18n.AccountPhoneNone)
	if me.Phone != "" {
		phone = validate.FormatPhone(me.Phone)
		if !me.PhoneVerified {
			phone += " (" + p.t(i18n.AccountPhoneUnverified) + ")"
		}
	}
	return p.frame(
		app.Div().Class("medium").Body(
			app.P().Body(app.A().Href("/profile").Text("‹ "+p.t(i18n.ProfileTitle))),
			app.Div().Class("card").Body(
				app.H1().Text(p.t(i18n.AccountTitle)),
				app.P().Class("lead").Text(p.t(i18n.AccountLead)),
				offlineNote(p.lang, p.sess),
				undeliverableNote(p.lang, me, false),
				app.Div().Class("rows").Body(
					p.row("email", p.t(i18n.ProfileMiniID), app.Div().Body(
						app.Span().ID("account-email").Body(component.EmailParts(me.Email)...),
						p.pendingEmail(me),
					), p.edit("edit-email", api.ActionEmail)),
					p.row("phone", p.t(i18n.AccountPhoneID), app.Text(phone), p.phoneEdit(me)),
					p.row("password", p.t(i18n.AccountPassword), app.Text("••••••••"), p.edit("edit-password", api.ActionPassword)),
					p.row("2fa", p.t(i18n.AccountTwoFactor),
						app.Div().Body(
							app.Span().ID("two-factor-state").Class(badge).Text(twoFactor),
							p.secondFactors(me),
						),
						p.edit("edit-2fa", actionTwoFactor)),
					p.passkeysRow(),
				),
				app.Div().Class("danger-zone").Body(
					app.Button().ID("delete-account").Class("btn btn-secondary").Type("button").
						Disabled(p.sess.Offline).Text(p.t(i18n.AccountDelete)).
						OnClick(func(ctx app.Context, e app.Event) { p.dialog = api.ActionDelete }),
				),
			),
		),
		p.openDialog(),
	)
}

// pendingEmail says which new address waits for its link to be opened.
func (p *AccountData) pendingEmail(me *api.Me) app.UI {
	if me.PendingEmail == "" {
		return nil
	}
	return app.P().ID("account-email-pending").Class("pending").Text(
		i18n.F(p.lang, i18n.AccountEmailPending, "email", me.PendingEmail))
}

// secondFactors names the second factors set up, under the state.
func (p *AccountData) secondFactors(me *api.Me) app.UI {
	if !me.TwoFactor {
		return nil
	}
	var names []string
	for _, m := range me.SecondFactors {
		names = append(names, p.t(methodName(m)))
	}
	return app.Div().Class("muted").ID("two-factor-methods").Text(strings.Join(names, " · "))
}

// openDialog renders the dialog that is open, if any.
func (p *AccountData) openDialog() app.UI {
	me := *p.sess.Me
	if d := p.passkeyDialog(me); d != nil {
		return d
	}
	switch p.dialog {
	case actionTwoFactor:
		return &ChangeDialog{IAction: actionTwoFactor, IMe: me, IOnChange: p.changed, IOnClose: p.closeDialog("edit-2fa")}
	case api.ActionEmail, api.ActionPassword, api.ActionPhone:
		return &ChangeDialog{IAction: p.dialog, IMe: me, IOnChange: p.changed,
			IOnClose: p.closeDialog(map[string]string{api.ActionEmail: "edit-email", api.ActionPassword: "edit-password", api.ActionPhone: "edit-phone"}[p.dialog])}
	case api.ActionDelete:
		return &ChangeDialog{IAction: p.dialog, IMe: me, IOnChange: p.changed, IOnClose: p.closeDialog("delete-account")}
	}
	return nil
}

// changed takes a profile the server returned after a change.
func (p *AccountData) changed(ctx app.Context, me api.Me) { state.SetMe(ctx, me) }

func (p *AccountData) row(id, label string, value app.UI, action app.UI) app.UI {
	return app.Div().Class("datarow").ID("row-"+id).Body(
		app.Div().Class("what").Body(
			app.Div().Class("label").ID("label-"+id).Text(label),
			app.Div().Class("value").Body(value),
		),
		action,
	)
}

func (p *AccountData) edit(id, dialog string) app.UI {
	labelID := "label-" + map[string]string{api.ActionEmail: "email", api.ActionPhone: "phone", api.ActionPassword: "password", actionTwoFactor: "2fa"}[dialog]
	return app.Button().ID(id).Class("btn btn-secondary").Type("button").
		Disabled(p.sess.Offline).
		Aria("describedby", labelID).
		Text(p.t(i18n.Edit)).
		OnClick(func(ctx app.Context, e app.Event) { p.dialog = dialog })
}

// phoneEdit is "Edit" of the Phone ID, unless the portal cannot send text
// messages and there is no Phone ID to remove: then it says so.
func (p *AccountData) phoneEdit(me *api.Me) app.UI {
	if !me.PhoneIDAvailable && me.Phone == "" {
		return app.Span().Class("muted").ID("phone-unavailable").Text(p.t(i18n.AccountPhoneUnavailable))
	}
	return p.edit("edit-phone", api.ActionPhone)
}

// closeDialog closes the open dialog and returns focus to its opener.
func (p *AccountData) closeDialog(openerID string) func(ctx app.Context) {
	return func(ctx app.Context) {
		p.dialog = ""
		p.loadPasskeys() // a step-up by passkey marks it used
		component.FocusSoon("#" + openerID)
	}
}
