package page

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// recoveryCreateStep makes new recovery codes once the step-up is done
// ("Create new codes"); the old ones stop working.
type recoveryCreateStep struct{}

// Render draws what it does and the button.
func (s *recoveryCreateStep) Render(f *Flow) app.UI {
	return app.Div().Body(
		app.P().Text(f.t(i18n.RecoveryNewLead)),
		f.errorAlert(),
		f.confirmActions("recovery-create", i18n.RecoveryCreate, false),
	)
}

// Submit asks for the codes, then shows them.
func (s *recoveryCreateStep) Submit(ctx app.Context, f *Flow) {
	send(ctx, f, apiclient.Default.NewRecoveryCodes, func(ctx app.Context, res api.RecoveryCodes) {
		f.me = res.Me
		f.onChange(ctx, res.Me)
		f.codes, f.done = res.Codes, ""
		f.next(ctx)
	})
}

// Focus is "Create new codes".
func (s *recoveryCreateStep) Focus() string { return "#recovery-create" }

// recoveryCodesStep shows recovery codes this once, with "Download" (a
// text file) and "Print", and "I have saved them" to close.
type recoveryCodesStep struct{}

// Render draws the codes and what to do with them.
func (s *recoveryCodesStep) Render(f *Flow) app.UI {
	items := make([]app.UI, len(f.codes))
	for i, c := range f.codes {
		items[i] = app.Li().Text(c)
	}
	return app.Div().Body(
		component.Alert(component.AlertOK, f.done),
		app.Div().Class("print-area").Body(
			app.H3().Class("codes-title").Text(f.t(i18n.RecoveryCodesHeading)),
			app.P().Text(f.t(i18n.RecoveryShowLead)),
			app.Ol().Class("codes").ID("recovery-codes").Body(items...),
		),
		app.Div().Class("actions").Body(
			app.A().Class("btn btn-secondary").ID("recovery-download").Href(s.file(f)).
				Attr("download", strings.ToLower(i18n.Brand())+"-id-recovery-codes.txt").Text(f.t(i18n.RecoveryDownload)),
			app.Button().Class("btn btn-secondary").Type("button").ID("recovery-print").Text(f.t(i18n.RecoveryPrint)).
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
		),
		app.Button().Class("btn btn-block").Type("button").ID("recovery-saved").Text(f.t(i18n.RecoverySaved)).OnClick(f.submit),
	)
}

// file is the codes as a text file, in a data: link (no script needed to
// download it).
func (s *recoveryCodesStep) file(f *Flow) string {
	var b strings.Builder
	b.WriteString(i18n.F(f.lng(), i18n.RecoveryFileHeading, "email", f.me.Email) + "\n\n")
	for _, c := range f.codes {
		b.WriteString(c + "\n")
	}
	b.WriteString("\n" + f.t(i18n.RecoveryFileNote) + "\n")
	return "data:text/plain;charset=utf-8," + url.PathEscape(b.String())
}

// Submit closes the flow: the codes are gone from the screen for good.
func (s *recoveryCodesStep) Submit(ctx app.Context, f *Flow) {
	f.codes = nil
	f.close(ctx)
}

// Focus is the list's first action.
func (s *recoveryCodesStep) Focus() string { return "#recovery-download" }
