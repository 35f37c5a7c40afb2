package pages

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/minicorp/miniid/server/auth"
	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/server/linktoken"
	"github.com/minicorp/miniid/server/otp"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

func resend(r *http.Request) bool { return r.PostForm.Get(api.FormOp) == api.OpResend }

// setLang makes the account's language the reader's, as the app does when
// a login or a confirmation answers with one.
func (p *Pages) setLang(w http.ResponseWriter, lang string) {
	if lang == "" {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: api.CookieLang, Value: i18n.Lang(lang), Path: "/", MaxAge: 365 * 24 * 3600,
		SameSite: http.SameSiteLaxMode, Secure: p.secure})
}

// signedIn sends a browser that has just signed in on: back to the app
// that waits for this sign-in (OpenID Connect: the portal's continuation
// of its request, always a path of the portal), else to the profile.
func (p *Pages) signedIn(w http.ResponseWriter, sess *session.Session) {
	if r, ok := sess.Return(p.clock.Now()); ok && strings.HasPrefix(r.Path, "/") && !strings.HasPrefix(r.Path, "//") {
		redirect(w, r.Path)
		return
	}
	redirect(w, api.PageProfile)
}

func (p *Pages) showLogin(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if sess.Full() {
		redirect(w, api.PageProfile)
		return
	}
	var values map[string]string
	if ret, ok := sess.Return(p.clock.Now()); ok && ret.Hint != "" {
		values = map[string]string{"identifier": ret.Hint} // the app's login_hint
	}
	p.page(w, r, sess, api.PageLogin, api.Prefill{}, values)
}

// login is the login form: the password step, or "Send the link again" for
// an address that is not confirmed yet.
func (p *Pages) login(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ctx, m, lang := r.Context(), httpx.Meta(r), httpx.Lang(r)
	identifier := r.PostForm.Get("identifier")
	if resend(r) {
		if err := p.account.ResendConfirmation(ctx, identifier); err != nil {
			p.failed(w, r, sess, api.PageLogin, err, api.Prefill{})
			return
		}
		p.page(w, r, sess, api.PageLogin, api.Prefill{Info: i18n.T(lang, i18n.LoginLinkSent)}, typed(r))
		return
	}
	res, err := p.auth.Login(ctx, sess, api.LoginRequest{Identifier: identifier, Password: r.PostForm.Get("password")}, m)
	if err != nil {
		p.failed(w, r, sess, api.PageLogin, err, api.Prefill{})
		return
	}
	p.setLang(w, res.Language)
	if res.State == api.StateSecondStep {
		redirect(w, api.PageLoginCode)
		return
	}
	p.signedIn(w, sess)
}

// showLoginCode is the second step, for a login that waits for it.
func (p *Pages) showLoginCode(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	switch sess.State() {
	case api.StateFull:
		redirect(w, api.PageProfile)
		return
	case api.StateNone:
		redirect(w, api.PageLogin)
		return
	}
	ch, err := p.auth.Pending(r.Context(), sess)
	if err != nil {
		redirect(w, api.PageLogin)
		return
	}
	p.page(w, r, sess, api.PageLoginCode, api.Prefill{Masked: ch.MaskedEmail, Asked: ch.Asked, RetryAfter: seconds(ch)}, nil)
}

func (p *Pages) loginCode(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ctx, m, lang := r.Context(), httpx.Meta(r), httpx.Lang(r)
	pending, err := p.auth.Pending(ctx, sess)
	if err != nil {
		redirect(w, api.PageLogin) // the login attempt is gone: start again
		return
	}
	pf := api.Prefill{Masked: pending.MaskedEmail, Asked: pending.Asked}
	if resend(r) {
		ch, err := p.auth.ResendLoginCode(ctx, sess, m)
		var wait *otp.RateError
		if errors.As(err, &wait) {
			// Too early is no failure: the page says when it works (the
			// app's button counts down to it).
			secs := httpx.RateError(lang, wait.RetryAfter).RetryAfter
			pf.Info, pf.RetryAfter = i18n.F(lang, i18n.CodeNewAfter, "seconds", strconv.Itoa(secs)), secs
			p.page(w, r, sess, api.PageLoginCode, pf, nil)
			return
		}
		if err != nil {
			p.failed(w, r, sess, api.PageLoginCode, err, pf)
			return
		}
		pf.Masked, pf.Info, pf.RetryAfter = ch.MaskedEmail, i18n.T(lang, i18n.CodeNewSent), seconds(ch)
		p.page(w, r, sess, api.PageLoginCode, pf, nil)
		return
	}
	// The form answers the method the login asked for (the e-mailed code,
	// or the authenticator app's); the others need the app.
	if _, err := p.auth.LoginCode(ctx, sess, "", validate.NormalizeCode(r.PostForm.Get("code")), m); err != nil {
		if errors.Is(err, auth.ErrNoSecondStep) {
			redirect(w, api.PageLogin)
			return
		}
		p.failed(w, r, sess, api.PageLoginCode, err, pf)
		return
	}
	p.signedIn(w, sess)
}

func seconds(ch auth.Challenge) int { return int((ch.ResendAfter + 999_999_999) / 1_000_000_000) }

func (p *Pages) showRegister(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if sess.Full() {
		redirect(w, api.PageProfile)
		return
	}
	p.page(w, r, sess, api.PageRegister, api.Prefill{}, nil)
}

// register is the registration form; its answer is "Please confirm your
// e-mail address", the same for an address that is taken.
func (p *Pages) register(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	f := r.PostForm
	req := api.RegisterRequest{
		Email: f.Get("email"), Password: f.Get("password"),
		PersonalData: api.PersonalData{
			Salutation: f.Get("salutation"), Title: f.Get("title"), FirstName: f.Get("first_name"), LastName: f.Get("last_name"),
			BirthDate: f.Get("birth_date"), Street: f.Get("street"), Postcode: f.Get("postcode"), City: f.Get("city"),
			Country: f.Get("country"), Language: f.Get("language"),
		},
		Phone: f.Get("phone"), AcceptTerms: f.Get("accept_terms") != "", AcceptPrivacy: f.Get("accept_privacy") != "",
	}
	if err := p.account.Register(r.Context(), sess, req, httpx.Meta(r)); err != nil {
		p.failed(w, r, sess, api.PageRegister, err, api.Prefill{})
		return
	}
	sess.NoteRegistered(validate.NormalizeEmail(req.Email))
	redirect(w, api.PageConfirmPending)
}

func (p *Pages) showConfirmPending(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	email := sess.Registered()
	p.page(w, r, sess, api.PageConfirmPending, api.Prefill{Email: email}, map[string]string{"email": email})
}

// confirmPending is "Send the e-mail again" after a registration.
func (p *Pages) confirmPending(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	email := strings.TrimSpace(r.PostForm.Get("email"))
	pf := api.Prefill{Email: email}
	if err := p.account.ResendConfirmation(r.Context(), email); err != nil {
		p.failed(w, r, sess, api.PageConfirmPending, err, pf)
		return
	}
	pf.Info = i18n.T(httpx.Lang(r), i18n.ConfirmSentAgain)
	p.page(w, r, sess, api.PageConfirmPending, pf, map[string]string{"email": email})
}

func (p *Pages) showConfirm(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	p.page(w, r, sess, api.PageConfirm, api.Prefill{}, map[string]string{"token": r.URL.Query().Get("token")})
}

// confirm opens an e-mailed link from its page's button, with a new
// password where the link asks for one; or sends a dead link's e-mail
// again (op=resend).
func (p *Pages) confirm(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	ctx, m, lang := r.Context(), httpx.Meta(r), httpx.Lang(r)
	if resend(r) {
		pf := api.Prefill{Code: api.CodeInvalidToken}
		if err := p.account.ResendConfirmation(ctx, r.PostForm.Get("email")); err != nil {
			p.failed(w, r, sess, api.PageConfirm, err, pf)
			return
		}
		pf.Info = i18n.T(lang, i18n.ConfirmSentAgain)
		p.page(w, r, sess, api.PageConfirm, pf, typed(r))
		return
	}
	token := r.PostForm.Get("token")
	values := map[string]string{"token": token}
	purpose, _ := p.auth.LinkPurpose(ctx, token)
	opened, err := p.account.OpenLink(ctx, sess, token, r.PostForm.Get("password"), m)
	if err != nil {
		pf := api.Prefill{Token: token}
		if purpose != "" && !errors.Is(err, linktoken.ErrInvalid) {
			// The password form again, with what was wrong with it.
			pf.Link = &api.Session{NeedsPassword: true, Purpose: purpose}
		}
		status, e := httpx.Refusal(err, lang, p.clock.Now())
		if status >= 500 {
			p.refuse(w, r, sess, status, e, err)
			return
		}
		merge(&pf, e)
		p.render(w, r, sess, status, api.PageConfirm, pf, values)
		return
	}
	if opened.User != nil && !opened.NeedsPassword {
		p.setLang(w, opened.User.Language)
	}
	if opened.SignedIn {
		p.signedIn(w, sess)
		return
	}
	link := httpx.LinkAnswer(opened, sess)
	pf := api.Prefill{Link: &link}
	if opened.NeedsPassword {
		pf.Token = token
	}
	p.page(w, r, sess, api.PageConfirm, pf, values)
}

// forgot always answers the same for a well-formed address.
func (p *Pages) forgot(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if err := p.auth.ForgotPassword(r.Context(), r.PostForm.Get("email")); err != nil {
		p.failed(w, r, sess, api.PageForgot, err, api.Prefill{})
		return
	}
	p.page(w, r, sess, api.PageForgot, api.Prefill{Step: api.StepSent}, nil)
}

func (p *Pages) showReset(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	p.page(w, r, sess, api.PageReset, api.Prefill{}, map[string]string{"token": r.URL.Query().Get("token")})
}

func (p *Pages) reset(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	token := r.PostForm.Get("token")
	if err := p.auth.ResetPassword(r.Context(), sess, token, r.PostForm.Get("password"), httpx.Meta(r)); err != nil {
		p.failed(w, r, sess, api.PageReset, err, api.Prefill{Token: token})
		return
	}
	p.page(w, r, sess, api.PageReset, api.Prefill{Step: api.StepDone}, nil)
}
