package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/passkey"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// passkeyList is Account data's list of passkeys, as loaded.
type passkeyList struct {
	status state.Status
	items  []api.Passkey
	err    formError
}

// loadPasskeys reads the account's passkeys. It runs on the page's own
// context: a dialog that asks for it is gone by the time the answer comes.
func (p *AccountData) loadPasskeys() {
	ctx := p.ctx
	if p.keys.status == state.Loading || !p.mounted {
		return
	}
	p.keys.status = state.Loading
	ctx.Async(func() {
		list, err := apiclient.Default.Passkeys()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.keys.status, p.keys.err = state.LoadingErr, readError(p.lang, err)
				return
			}
			p.keys = passkeyList{status: state.Loaded, items: list}
		})
	})
}

// passkeysRow is the PASSKEYS row: each passkey with its name, device type,
// when it was made and last used, "Rename" and "Remove"; "Create passkey".
func (p *AccountData) passkeysRow() app.UI {
	var value app.UI
	switch {
	case p.keys.status == state.LoadingErr:
		value = app.Div().Body(
			component.Alert(component.AlertError, p.keys.err.Message),
			app.Button().Class("linkbtn").Type("button").Text(p.t(i18n.TryAgain)).
				OnClick(func(ctx app.Context, e app.Event) { p.loadPasskeys() }),
		)
	case p.keys.status != state.Loaded:
		value = app.Span().Class("muted").Text(p.t(i18n.Loading))
	case len(p.keys.items) == 0:
		value = app.P().Class("muted").ID("passkeys-none").Text(p.t(i18n.PasskeysNone))
	default:
		items := make([]app.UI, len(p.keys.items))
		for i, k := range p.keys.items {
			items[i] = p.passkeyItem(k)
		}
		value = app.Ul().Class("passkeys").ID("passkeys").Body(items...)
	}
	var create app.UI
	if p.sess.Passkeys && passkey.Supported() {
		create = app.Button().ID("passkey-create").Class("btn btn-secondary").Type("button").
			Disabled(p.sess.Offline).Aria("describedby", "label-passkeys").Text(p.t(i18n.PasskeyCreate)).
			OnClick(func(ctx app.Context, e app.Event) { p.dialog = api.ActionPasskeyAdd })
	}
	return app.Div().Class("datarow datarow-list").ID("row-passkeys").Body(
		app.Div().Class("what").Body(
			app.Div().Class("label").ID("label-passkeys").Text(p.t(i18n.AccountPasskeys)),
			app.Div().Class("value").Body(value),
		),
		create,
	)
}

// passkeyItem is one passkey of the list.
func (p *AccountData) passkeyItem(k api.Passkey) app.UI {
	kind := p.t(i18n.PasskeyDeviceBound)
	if k.DeviceType == api.PasskeySynced {
		kind = p.t(i18n.PasskeySynced)
	}
	used := p.t(i18n.PasskeyNeverUsed)
	if k.LastUsedAt != "" {
		used = i18n.F(p.lang, i18n.PasskeyLastUsedOn, "date", state.FormatSavedAt(k.LastUsedAt, p.lang))
	}
	nameID := "passkey-" + k.ID
	return app.Li().Class("passkey").Body(
		app.Div().Class("passkey-what").Body(
			app.Strong().ID(nameID).Text(k.Name),
			app.Div().Class("muted").Text(kind),
			app.Div().Class("muted").Text(i18n.F(p.lang, i18n.PasskeyCreatedOn, "date", state.FormatSavedAt(k.CreatedAt, p.lang))+" · "+used),
		),
		app.Div().Class("passkey-actions").Body(
			app.Button().Class("btn btn-secondary btn-small").Type("button").Disabled(p.sess.Offline).
				Aria("describedby", nameID).Text(p.t(i18n.PasskeyRename)).
				OnClick(func(ctx app.Context, e app.Event) { p.key, p.dialog = k, actionPasskeyRename }),
			app.Button().Class("btn btn-secondary btn-small").Type("button").Disabled(p.sess.Offline).
				Aria("describedby", nameID).Text(p.t(i18n.PasskeyRemove)).
				OnClick(func(ctx app.Context, e app.Event) { p.key, p.dialog = k, api.ActionPasskeyRemove }),
		),
	)
}

// passkeyDialog is the open passkey dialog, if any; closing it reloads the
// list and gives the focus back to the list's place.
func (p *AccountData) passkeyDialog(me api.Me) app.UI {
	switch p.dialog {
	case api.ActionPasskeyAdd, api.ActionPasskeyRemove, actionPasskeyRename:
	default:
		return nil
	}
	opener := "passkey-create"
	return &ChangeDialog{IAction: p.dialog, IMe: me, IPasskey: p.key, IOnChange: p.changed,
		IOnClose: func(ctx app.Context) {
			p.dialog = ""
			p.loadPasskeys()
			component.FocusSoon("#"+opener, "#label-passkeys")
		}}
}
