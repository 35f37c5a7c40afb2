package page

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/passkey"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// Login is /login: "E-mail address or Phone ID", "Password", "Log in", and
// "Log in with a passkey" (also offered by the browser's autofill in the
// identifier field, where it can: conditional mediation).
type Login struct {
	app.Compo
	base

	identifier string
	password   string
	errs       map[string]string
	err        formError
	info       string
	busy       bool
	passkeys   bool // the portal and this browser can use passkeys
	waiting    bool // a passkey dialog is open
}

// NewLogin returns the login page.
func NewLogin() app.Composer {
	p := &Login{}
	p.fill = p.prefill
	return p
}

// OnNav sets the title.
func (p *Login) OnNav(ctx app.Context) { setTitle(ctx, i18n.T(p.lang, i18n.NavLogIn)) }

// OnMount follows the session; a logged-in visitor goes on (to the app
// that waits, or to the profile).
func (p *Login) OnMount(ctx app.Context) {
	p.observe(ctx, func() { p.route(ctx) })
	p.route(ctx)
	var farewell string
	if ctx.SessionStorage().Get(keyFarewell, &farewell); farewell != "" {
		ctx.SessionStorage().Del(keyFarewell)
		p.info = p.t(i18n.DeleteDone)
	}
	ctx.ObserveState(state.KeyPasskeys, &p.passkeys).OnChange(func() { p.autofill(ctx) })
	p.autofill(ctx)
}

// OnDismount stops the passkey request waiting in the autofill.
func (p *Login) OnDismount() { passkey.Abort() }

// canPasskey reports whether the page offers passkeys.
func (p *Login) canPasskey() bool { return p.passkeys && passkey.Supported() }

// autofill offers the browser's passkeys in the identifier field: a
// conditional request waits there until the person picks one (or the page
// goes, or they choose "Log in with a passkey").
func (p *Login) autofill(ctx app.Context) {
	if !p.canPasskey() {
		return
	}
	ctx.Async(func() {
		if !passkey.Conditional() {
			return
		}
		opts, err := apiclient.Default.LoginPasskey(api.PasskeyLoginRequest{Conditional: true})
		if err != nil {
			return // the button still works; the autofill is a convenience
		}
		cred, err := passkey.Get(opts.Options)
		if err != nil {
			return // aborted (a dialog or the password was used), or nothing picked
		}
		p.finishPasskey(ctx, cred)
	})
}

// withPasskey is "Log in with a passkey": the browser's own dialog.
func (p *Login) withPasskey(ctx app.Context, e app.Event) {
	p.errs, p.err, p.info = map[string]string{}, formError{}, ""
	p.busy, p.waiting = true, true
	ctx.Async(func() {
		opts, err := apiclient.Default.LoginPasskey(api.PasskeyLoginRequest{})
		var cred []byte
		if err == nil {
			cred, err = passkey.Get(opts.Options)
		}
		if err != nil {
			ctx.Dispatch(func(ctx app.Context) {
				p.busy, p.waiting = false, false
				p.err = readError(p.lang, err)
			})
			return
		}
		p.finishPasskey(ctx, cred)
	})
}

// finishPasskey sends the passkey's answer (in the background) and, once
// the server accepts it, opens the profile: no code follows a passkey.
func (p *Login) finishPasskey(ctx app.Context, cred []byte) {
	out, err := apiclient.Default.LoginPasskeyFinish(api.PasskeyCredentialRequest{Credential: cred})
	ctx.Dispatch(func(ctx app.Context) {
		p.busy, p.waiting = false, false
		if err != nil {
			// The autofill is not offered again until the page opens anew:
			// a device that answers at once would ask over and over.
			p.err = readError(p.lang, err)
			return
		}
		if out.Language != "" {
			state.SetLang(ctx, out.Language)
		}
		afterSignIn(ctx, out.Return)
	})
}

// route sends a logged-in visitor on, and fills in the identifier an app
// suggested (login_hint).
func (p *Login) route(ctx app.Context) {
	if redirectIfLoggedIn(ctx, p.sess) {
		return
	}
	if r := p.sess.Return; r != nil && r.LoginHint != "" && p.identifier == "" {
		p.identifier = r.LoginHint
	}
}

// forApp names the app this login is for, if one waits for it.
func (p *Login) forApp() app.UI {
	r := p.sess.Return
	if r == nil || r.App == "" {
		return nil
	}
	key := i18n.LoginForApp
	if r.Reauth {
		key = i18n.LoginForAppAgain
	}
	return component.Alert(component.AlertInfo, i18n.F(p.lang, key, "app", r.App))
}

// Render draws the page.
func (p *Login) Render() app.UI {
	return p.frame(
		app.Div().Class("narrow").Body(
			app.Div().Class("card").Body(
				app.H1().Text(p.t(i18n.LoginTitle)),
				app.P().Class("lead").Text(p.t(i18n.LoginLead)),
				p.forApp(),
				component.Alert(component.AlertError, p.err.Message, p.resendButton()),
				component.Alert(component.AlertOK, p.info),
				p.logoutPending(),
				component.PostForm(api.PageLogin, p.submit,
					&component.Field{IID: "identifier", ILabel: p.t(i18n.FieldIdentifier), IType: "text",
						IValue: p.identifier, IAutocomplete: p.identifierAutocomplete(), IError: p.errs["identifier"],
						IOnInput: func(ctx app.Context, v string) { p.identifier = v; delete(p.errs, "identifier") }},
					&component.Field{IID: "password", ILabel: p.t(i18n.FieldPassword), IType: "password",
						IValue: p.password, IAutocomplete: "current-password", IError: p.errs["password"],
						IOnInput: func(ctx app.Context, v string) { p.password = v; delete(p.errs, "password") }},
					app.Button().Class("btn btn-block").Type("submit").Disabled(p.busy).Text(p.t(i18n.LoginButton)),
				),
				p.passkeyButton(),
				app.Div().Class("links").Body(
					app.A().Href("/forgot-password").Text(p.t(i18n.LoginForgot)),
					app.Span().Body(
						app.Text(p.t(i18n.LoginNoAccount)+" "),
						app.A().Href("/register").Text(p.t(i18n.LoginRegisterNow)),
					),
				),
			),
		),
	)
}

// logoutPending says that this device is logged out although the server
// could not be told yet.
func (p *Login) logoutPending() app.UI {
	if !p.sess.LogoutPending {
		return nil
	}
	return component.Alert(component.AlertInfo, p.t(i18n.LogoutPending))
}

func (p *Login) resendButton() app.UI {
	if p.err.Code != api.CodeNotConfirmed {
		return nil
	}
	// Without the app it sends the login form with op=resend.
	return app.Div().Class("actions").Body(
		app.Button().Class("btn btn-secondary").Type("submit").Name(api.FormOp).Value(api.OpResend).
			Text(p.t(i18n.LoginResendLink)).OnClick(p.resend),
	)
}

// prefill shows the answer of a form post the server rendered.
func (p *Login) prefill(pf api.Prefill) {
	p.err = formError{Message: pf.Message, Code: pf.Code, Fields: pf.Fields, RetryAfter: pf.RetryAfter}
	p.errs = pf.Fields
	p.info = pf.Info
}

// identifierAutocomplete lets the browser offer passkeys in the field.
func (p *Login) identifierAutocomplete() string {
	if p.canPasskey() {
		return "username webauthn"
	}
	return "username"
}

// passkeyButton is "Log in with a passkey", where passkeys work.
func (p *Login) passkeyButton() app.UI {
	if !p.canPasskey() {
		return nil
	}
	return app.Div().Class("passkey-login").Body(
		app.P().Class("or").Aria("hidden", "true").Text(p.t(i18n.LoginOr)),
		app.Button().Class("btn btn-secondary btn-block").Type("button").ID("login-passkey").Disabled(p.busy).
			Text(p.t(i18n.LoginPasskey)).OnClick(p.withPasskey),
		component.Alert(component.AlertInfo, p.waitingWords()),
	)
}

// waitingWords say what to do while the browser asks for a passkey.
func (p *Login) waitingWords() string {
	if !p.waiting {
		return ""
	}
	return p.t(i18n.PasskeyWaiting)
}

func (p *Login) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.errs = map[string]string{}
	p.err, p.info = formError{}, ""
	_, _, err := validate.Identifier(p.identifier)
	check(p.lang, p.errs, "identifier", err)
	if p.password == "" {
		p.errs["password"] = i18n.FieldError(p.lang, "password", validate.CodeRequired)
	}
	if len(p.errs) > 0 {
		p.err.Message = p.t(i18n.ErrFixFields)
		component.Focus("[aria-invalid=true]")
		return
	}
	p.busy = true
	req := api.LoginRequest{Identifier: p.identifier, Password: p.password}
	ctx.Async(func() {
		out, err := apiclient.Default.Login(req)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.err = readError(p.lang, err)
				p.errs = p.err.Fields
				p.password = ""
				component.SetInputValue("password", "")
				return
			}
			p.password = ""
			if out.Language != "" {
				state.SetLang(ctx, out.Language)
			}
			if out.State == api.StateSecondStep {
				ctx.SetState(state.KeySession, state.Session{Status: state.Loaded, State: out.State, MaskedEmail: out.MaskedEmail,
					ResendAfter: out.ResendAfter, Return: out.Return, EmailUndeliverable: out.EmailUndeliverable, Factors: out.Factors})
				ctx.Navigate("/login/code")
				return
			}
			afterSignIn(ctx, out.Return)
		})
	})
}

func (p *Login) resend(ctx app.Context, e app.Event) {
	e.PreventDefault()
	email := p.identifier
	ctx.Async(func() {
		err := apiclient.Default.ResendConfirmation(api.EmailRequest{Email: email})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.err = readError(p.lang, err)
				return
			}
			p.err = formError{}
			p.info = p.t(i18n.LoginLinkSent)
		})
	})
}
