package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/i18n"
)

// codeField is the 6-digit code input of every code step (second login
// step, two-factor dialog, re-authentication, Phone ID).
func codeField(lang, id, label, value, errMsg string, onInput func(ctx app.Context, v string)) app.UI {
	return &component.Field{IID: id, ILabel: label, IValue: value, IInputMode: "numeric",
		IAutocomplete: "one-time-code", IMaxLength: 7, IHint: i18n.T(lang, i18n.CodeValidity),
		IError: errMsg, IOnInput: onInput}
}

// resendButton is "Request a new one", showing the wait while it counts down.
func resendButton(lang, id string, wait *countdown, onClick app.EventHandler) app.UI {
	return app.Button().Class("linkbtn").Type("button").ID(id).Disabled(wait.active()).
		Text(wait.label(lang, i18n.T(lang, i18n.CodeRequestNew))).OnClick(onClick)
}
