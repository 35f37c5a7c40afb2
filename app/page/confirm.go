package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// Confirm is /confirm?token=…, where every e-mailed confirmation lands: a
// registration's link (it signs in only the browser that registered;
// elsewhere the person chooses the password here first), an e-mail
// change's link, and its undo (which always asks for a new password).
type Confirm struct {
	app.Compo
	base

	token    string
	status   state.Status
	ask      string // the link's purpose when it waits for a password
	password string
	errs     map[string]string
	err      formError
	done     i18n.Key // what happened, shown in the language of the moment
	doneLink string   // where the button after it leads
	busy     bool
	resend   resendForm
}

// NewConfirm returns the page.
func NewConfirm() app.Composer { return &Confirm{} }

// OnNav sets the title.
func (p *Confirm) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.ConfirmTitle)) }

// OnMount sends the link's token once. A page the server rendered as the
// answer of a form post starts from that answer instead; one it rendered
// for the link itself shows a button (the server never opens a link on a
// GET: mail scanners follow links).
func (p *Confirm) OnMount(ctx app.Context) {
	p.observe(ctx)
	p.start(ctx)
}

// OnPreRender draws the page the server renders.
func (p *Confirm) OnPreRender(ctx app.Context) {
	p.base.OnPreRender(ctx)
	p.start(ctx)
}

func (p *Confirm) start(ctx app.Context) {
	p.token = queryParam(ctx, "token")
	pf := state.Prefill(ctx)
	if pf.Token != "" {
		p.token = pf.Token
	}
	switch {
	case pf.Code == api.CodeInvalidToken:
		// A dead link, and maybe the answer of "Send the e-mail again".
		p.status, p.err = state.LoadingErr, formError{Code: pf.Code}
		p.resend.err, p.resend.errs, p.resend.info = formError{Message: pf.Message}, pf.Fields, pf.Info
		return
	case pf.Link != nil || pf.Message != "":
		if pf.Link != nil {
			p.answered(ctx, *pf.Link, nil)
		}
		if pf.Message != "" {
			p.failed(formError{Message: pf.Message, Code: pf.Code, Fields: pf.Fields})
		}
		return
	case p.token == "":
		p.status = state.LoadingErr
		p.err = formError{Message: p.t(i18n.LinkInvalid), Code: api.CodeInvalidToken}
		return
	case app.IsServer:
		return
	}
	p.status = state.Loading
	// The token leaves the address bar (and the history) at once.
	app.Window().Get("history").Call("replaceState", nil, "", "/confirm")
	p.send(ctx, "")
}

// send opens the link, with the new password when the page asked for one.
func (p *Confirm) send(ctx app.Context, password string) {
	p.busy = true
	req := api.ConfirmRequest{Token: p.token, Password: password}
	ctx.Async(func() {
		out, err := apiclient.Default.Confirm(req)
		ctx.Dispatch(func(ctx app.Context) { p.answered(ctx, out, err) })
	})
}

func (p *Confirm) answered(ctx app.Context, out api.Session, err error) {
	p.busy = false
	if err != nil {
		p.failed(readError(p.lang, err))
		return
	}
	p.status, p.err, p.errs = state.Loaded, formError{}, nil
	if out.Language != "" {
		state.SetLang(ctx, out.Language)
	}
	if out.NeedsPassword {
		p.ask = out.Purpose
		component.FocusSoon("#password")
		return
	}
	p.ask, p.password = "", ""
	state.LoadSession(ctx)
	switch {
	case out.Confirmed == "confirm" && out.SignedIn:
		afterSignIn(ctx, out.Return) // a registration made on the way to an app goes back to it
		return
	case out.Confirmed == "confirm" && out.State == api.StateFull:
		p.done, p.doneLink = i18n.ConfirmOtherAccount, "/profile"
	case out.Confirmed == "confirm":
		p.done, p.doneLink = i18n.ConfirmDoneLogIn, "/login"
	case out.Confirmed == "email_undo":
		p.done, p.doneLink = i18n.UndoDone, "/login"
	default:
		p.done, p.doneLink = i18n.ConfirmEmailChanged, "/profile"
	}
	component.FocusSoon("#confirm-done")
}

// failed shows a refusal: a field error on the password form, or what
// happened to the link.
func (p *Confirm) failed(fe formError) {
	p.err, p.errs = fe, fe.Fields
	if p.ask == "" || p.err.Code == api.CodeInvalidToken {
		p.status, p.ask = state.LoadingErr, ""
	}
	if len(p.errs) > 0 {
		p.err.Message = ""
		component.Focus("#password")
	}
}

// open is the button of a page the server rendered for the link.
func (p *Confirm) open(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.status = state.Loading
	p.send(ctx, "")
}

func (p *Confirm) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.errs, p.err = map[string]string{}, formError{}
	check(p.lang, p.errs, "password", validate.Password(p.password))
	if len(p.errs) > 0 {
		component.Focus("#password")
		return
	}
	p.send(ctx, p.password)
}

func (p *Confirm) title() string {
	switch {
	case p.ask == "email_undo":
		return p.t(i18n.UndoTitle)
	case p.status == state.Loaded && p.done == i18n.UndoDone:
		return p.t(i18n.UndoneTitle)
	case p.status == state.Loaded && p.done == i18n.ConfirmEmailChanged:
		return p.t(i18n.EmailChangedTitle)
	case p.status == state.Loaded && p.done != "":
		return p.t(i18n.ConfirmedTitle)
	case p.status == state.LoadingErr && p.err.Code == api.CodeInvalidToken:
		return p.t(i18n.LinkDeadTitle)
	}
	return p.t(i18n.ConfirmTitle)
}

// Render draws the page.
func (p *Confirm) Render() app.UI {
	var body app.UI
	switch {
	case p.ask != "":
		body = p.passwordForm()
	case p.status == state.Loaded:
		body = app.Div().Body(
			app.Div().ID("confirm-done").TabIndex(-1).Body(component.Alert(component.AlertOK, p.t(p.done))),
			app.A().Class("btn").Href(p.doneLink).Text(p.doneButton()),
		)
	case p.status == state.LoadingErr && p.err.Code == api.CodeInvalidToken:
		body = app.Div().Body(
			app.P().Class("lead").Text(p.t(i18n.LinkDeadResendLead)),
			p.resend.render(p.lang, api.PageConfirm),
			app.Div().Class("actions").Body(app.A().Href("/login").Text(p.t(i18n.CodeBackToLogin))),
		)
	case p.status == state.LoadingErr:
		body = app.Div().Body(
			component.Alert(component.AlertError, p.err.Message),
			app.Div().Class("actions").Body(app.A().Class("btn btn-secondary").Href("/login").Text(p.t(i18n.LoginButton))),
		)
	case p.status == state.NeverLoaded:
		body = component.PostForm(api.PageConfirm, p.open,
			app.Input().Type("hidden").Name("token"),
			app.P().Class("lead").Text(p.t(i18n.ConfirmOpenLead)),
			app.Button().Class("btn btn-block").Type("submit").Text(p.t(i18n.ConfirmOpenButton)),
		)
	default:
		body = component.Loader(p.t(i18n.ConfirmWorking))
	}
	return p.frame(app.Div().Class("narrow").Body(
		app.Div().Class("card").Body(app.H1().Text(p.title()), body),
	))
}

func (p *Confirm) doneButton() string {
	if p.doneLink == "/login" {
		return p.t(i18n.LoginButton)
	}
	return p.t(i18n.NavMyProfile)
}

func (p *Confirm) passwordForm() app.UI {
	lead, button := p.t(i18n.ConfirmNeedsPassword), p.t(i18n.ConfirmSetPassword)
	if p.ask == "email_undo" {
		lead, button = p.t(i18n.UndoLead), p.t(i18n.UndoButton)
	}
	return app.Div().Body(
		app.P().Class("lead").Text(lead),
		component.Alert(component.AlertError, p.err.Message),
		component.PostForm(api.PageConfirm, p.submit,
			app.Input().Type("hidden").Name("token"),
			&component.Field{IID: "password", ILabel: p.t(i18n.FieldNewPassword), IType: "password", IValue: p.password,
				IAutocomplete: "new-password", IHint: p.t(i18n.HintPassword), IError: p.errs["password"],
				IOnInput: func(ctx app.Context, v string) {
					p.password = v
					delete(p.errs, "password") // the refusal was of the old text
					component.CheckStrength(ctx, v)
				}},
			&component.StrengthMeter{IRefused: p.errs["password"] != ""},
			app.Button().Class("btn btn-block").Type("submit").Disabled(p.busy).Text(button),
		),
	)
}
