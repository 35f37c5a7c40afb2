package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// undeliverableNote tells the customer that mail to their address does not
// arrive; withLink adds the way to Account data, where it is changed.
func undeliverableNote(lang string, me *api.Me, withLink bool) app.UI {
	if me == nil || me.EmailUndeliverable == "" {
		return component.Alert(component.AlertInfo, "")
	}
	var extra []app.UI
	if withLink {
		extra = append(extra, app.Text(" "), app.A().Href("/profile/account").Text(i18n.T(lang, i18n.UndeliverableLink)))
	}
	return component.Alert(component.AlertError, i18n.F(lang, i18n.UndeliverableNotice, "email", me.Email), extra...)
}
