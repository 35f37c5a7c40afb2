package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// pictureControls are "Upload picture" (or "Change picture") and "Remove
// picture" on My profile. The file input is the control itself, wearing
// its label as a button, so the keyboard and screen readers reach it.
func (p *Profile) pictureControls() app.UI {
	me := p.sess.Me
	label := i18n.PictureUpload
	if me.Picture != "" {
		label = i18n.PictureChange
	}
	disabled := p.busy || p.sess.Offline
	return app.Div().Class("picture-controls").Body(
		component.Alert(component.AlertError, p.err.Message),
		component.Alert(component.AlertOK, p.info),
		app.Div().Class("actions").Body(
			app.Input().ID("picture-file").Class("visually-hidden").Type("file").
				Accept("image/jpeg,image/png,image/webp").Disabled(disabled).
				Aria("describedby", "picture-hint").OnChange(p.upload),
			app.Label().For("picture-file").Class("btn btn-secondary filebtn").Text(p.t(label)).
				Aria("disabled", disabled),
			app.If(me.Picture != "", func() app.UI {
				return app.Button().ID("remove-picture").Class("btn btn-secondary").Type("button").Disabled(disabled).
					Text(p.t(i18n.PictureRemove)).OnClick(p.remove)
			}),
		),
		app.P().ID("picture-hint").Class("muted").Text(p.t(i18n.PictureHint)),
	)
}

// upload sends the chosen file; a file over 5 MB is refused here already.
func (p *Profile) upload(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	ctx.JSSrc().Set("value", "") // the same file may be chosen again
	p.err, p.info = formError{}, ""
	if file.Get("size").Int() > api.MaxPictureBytes {
		p.err = formError{Message: p.t(i18n.PictureTooLarge)}
		return
	}
	p.send(ctx, func() (api.Me, error) { return apiclient.Default.UploadPicture(file) }, i18n.PictureSaved)
}

func (p *Profile) remove(ctx app.Context, e app.Event) {
	p.err, p.info = formError{}, ""
	p.send(ctx, apiclient.Default.RemovePicture, i18n.PictureRemoved)
	component.FocusSoon("#picture-file")
}

// send runs a picture call and shows its outcome.
func (p *Profile) send(ctx app.Context, call func() (api.Me, error), done i18n.Key) {
	p.busy = true
	ctx.Async(func() {
		me, err := call()
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				return
			}
			p.info = p.t(done)
			state.SetMe(ctx, me)
		})
	})
}
