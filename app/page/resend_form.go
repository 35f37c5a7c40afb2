package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// resendForm is "Send the e-mail again" with the address typed in: where a
// confirmation link no longer works. The answer is the same whether or not
// the address has a pending registration.
type resendForm struct {
	email string
	errs  map[string]string
	err   formError
	info  string
	wait  countdown
}

func (f *resendForm) render(lang string) app.UI {
	return app.Form().NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) { f.submit(ctx, e, lang) }).Body(
		component.Alert(component.AlertError, f.err.Message),
		component.Alert(component.AlertOK, f.info),
		&component.Field{IID: "resend-email", ILabel: i18n.T(lang, i18n.FieldEmail), IType: "email", IValue: f.email,
			IAutocomplete: "email", IError: f.errs["email"],
			IOnInput: func(ctx app.Context, v string) { f.email = v; delete(f.errs, "email") }},
		app.Button().Class("btn btn-secondary").Type("submit").Disabled(f.wait.active()).
			Text(f.wait.label(lang, i18n.T(lang, i18n.ConfirmSendAgain))),
	)
}

func (f *resendForm) submit(ctx app.Context, e app.Event, lang string) {
	e.PreventDefault()
	f.errs, f.err, f.info = map[string]string{}, formError{}, ""
	check(lang, f.errs, "email", validate.Email(validate.NormalizeEmail(f.email)))
	if len(f.errs) > 0 {
		component.Focus("#resend-email")
		return
	}
	req := api.EmailRequest{Email: f.email}
	ctx.Async(func() {
		err := apiclient.Default.ResendConfirmation(req)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				f.err = readError(lang, err)
				f.errs = f.err.Fields
				if f.err.RetryAfter > 0 {
					f.wait.start(ctx, f.err.RetryAfter)
				}
				return
			}
			f.info = i18n.T(lang, i18n.ConfirmSentAgain)
			f.wait.start(ctx, resendWait(0)) // api.OK carries no ResendAfter
		})
	})
}
