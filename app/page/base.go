// Package page holds the app's routed pages, one per file. Pages observe the
// shared state (language, session) and call the API through ctx.Async.
package page

import (
	"errors"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/app/component"
	"github.com/minicorp/miniid/app/passkey"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
	"github.com/minicorp/miniid/shared/validate"
)

// base is what every page keeps: the language and the session it observes.
type base struct {
	lang string
	sess state.Session
	// fill shows the outcome of a form post the server rendered (messages,
	// field errors, the help centre's answers): a page with a form sets it
	// in its constructor, and base hands it the prefill when the app takes
	// the page over and when the server prerenders it.
	fill func(api.Prefill)
}

func (b *base) observe(ctx app.Context, onChange ...func()) {
	state.Observe(ctx, &b.lang, &b.sess, onChange...)
}

// OnInit starts the page in the language the app starts in, so its first
// drawing (which replaces the server's page) already speaks it, and from
// what the server's page showed.
func (b *base) OnInit() {
	b.lang = state.StartLang()
	if b.fill != nil {
		b.fill(state.TakePrefill())
	}
}

// OnPreRender is the server's prerendering of a page (go-app runs no
// OnMount there): it speaks the reader's language and shows the outcome of
// the form post the server answers.
func (b *base) OnPreRender(ctx app.Context) {
	state.PreRender(ctx, &b.lang)
	if b.fill != nil {
		b.fill(state.Prefill(ctx))
	}
}

func (b *base) t(k i18n.Key) string { return i18n.T(b.lang, k) }

// frame wraps a page in the shell. A customer who has new terms to accept
// sees them instead of their profile pages until they have (the server
// refuses the rest meanwhile).
func (b *base) frame(body ...app.UI) app.UI {
	if b.sess.LoggedIn() && len(b.sess.Me.ConsentsDue) > 0 && accountPage() {
		body = []app.UI{&consentGate{IDue: b.sess.Me.ConsentsDue}}
	}
	return component.NewFrame(b.sess, body...)
}

// formError is a failed submission as a page shows it.
type formError struct {
	Message    string
	Code       string
	Fields     map[string]string
	RetryAfter int
}

// readError turns a client error into words for the page.
func readError(lang string, err error) formError {
	var pe *passkey.Error
	if errors.As(err, &pe) {
		return passkeyError(lang, pe)
	}
	var ce *apiclient.Error
	if !errors.As(err, &ce) {
		return formError{Message: i18n.T(lang, i18n.ErrServer)}
	}
	if ce.Offline() {
		return formError{Message: i18n.T(lang, i18n.ErrNetwork), Code: apiclient.CodeOffline}
	}
	fe := formError{Message: ce.Body.Message, Code: ce.Body.Code, RetryAfter: ce.Body.RetryAfter}
	if ce.Status >= 500 || fe.Message == "" {
		fe.Message = i18n.T(lang, i18n.ErrServer)
	}
	if ce.Status == 429 {
		fe.Message = i18n.F(lang, i18n.ErrRateLimited, "seconds", strconv.Itoa(max(fe.RetryAfter, 1)))
	}
	if fe.Code == api.CodeBlocked {
		// Until when, in the reader's own time zone (the server's words
		// name Berlin's).
		if local := localTime(ce.Body.Until, lang); local != "" {
			fe.Message = i18n.F(lang, i18n.LoginBlocked, "time", local)
		}
	}
	if len(ce.Body.Fields) > 0 {
		fe.Fields = map[string]string{}
		for k, v := range ce.Body.Fields {
			fe.Fields[k] = v.Message
		}
	}
	return fe
}

// passkeyError says why the browser used no passkey, and what to do.
func passkeyError(lang string, e *passkey.Error) formError {
	switch {
	case e.Cancelled():
		return formError{Message: i18n.T(lang, i18n.PasskeyCancelled), Code: e.Name}
	case e.Name == "InvalidStateError":
		return formError{Message: i18n.T(lang, i18n.PasskeyExistsHere), Code: e.Name}
	case e.Name == "NotSupportedError" || e.Name == "SecurityError":
		return formError{Message: i18n.T(lang, i18n.PasskeyNoBrowser), Code: e.Name}
	}
	return formError{Message: i18n.T(lang, i18n.PasskeyUnknownError), Code: e.Name}
}

// check runs a shared validation rule and records its message under field.
func check(lang string, errs map[string]string, field string, err error) {
	if code := validate.CodeOf(err); code != "" {
		errs[field] = i18n.FieldError(lang, field, code)
	}
}

// redirectIfLoggedIn sends a logged-in visitor on: back to an app that
// waits for this login, else to the profile. An app that asked for a new
// login (Reauth) keeps the visitor on the login page.
func redirectIfLoggedIn(ctx app.Context, s state.Session) bool {
	if s.Status != state.Loaded || s.State != api.StateFull || s.Return != nil && s.Return.Reauth {
		return false
	}
	goSignedIn(ctx, s.Return)
	return true
}

// afterSignIn goes where a sign-in that just completed leads: back to the
// app that waits for it, else to the profile (with the session loaded
// anew).
func afterSignIn(ctx app.Context, ret *api.Return) {
	if !toApp(ret) {
		state.LoadSession(ctx)
		ctx.Navigate("/profile")
	}
}

// goSignedIn is afterSignIn for a session the app has loaded already.
func goSignedIn(ctx app.Context, ret *api.Return) {
	if !toApp(ret) {
		ctx.Navigate("/profile")
	}
}

// toApp goes back to the app that waits for this sign-in, if one does: to
// the portal's continuation of its request (always a path of the portal).
func toApp(ret *api.Return) bool {
	if ret == nil || !strings.HasPrefix(ret.To, "/") || strings.HasPrefix(ret.To, "//") {
		return false
	}
	leaveApp(ret.To)
	return true
}

// leaveApp loads address in the browser itself: the portal's server
// continues an app's sign-in there, outside the app's pages (go-app's
// router would show the app's own 404 for it), or it is the app's address.
func leaveApp(address string) {
	app.Window().Get("location").Call("assign", address)
}

// requireLogin sends a visitor without a session to the login page; it
// reports whether the page may render its content.
func requireLogin(ctx app.Context, s state.Session) bool {
	if s.Status == state.Loaded && !s.LoggedIn() {
		ctx.Navigate("/login")
		return false
	}
	return s.LoggedIn()
}

// queryParam reads a parameter of the page's URL.
func queryParam(ctx app.Context, name string) string {
	return ctx.Page().URL().Query().Get(name)
}

// setTitle sets the document title: "<page> · <brand> ID".
func setTitle(ctx app.Context, title string) {
	ctx.Page().SetTitle(title + " · " + i18n.Brand() + " ID")
}

// gate is what a page for logged-in customers shows before it can show its
// content: the loader, or an error with "Try again" when the server could
// not be reached and the device has no copy of the profile.
func gate(lang string, s state.Session) app.UI {
	if s.Status == state.LoadingErr {
		return app.Div().Class("narrow").Body(app.Div().Class("card").Body(
			component.Alert(component.AlertError, i18n.T(lang, i18n.ErrNetwork)),
			app.Button().Class("btn").Type("button").Text(i18n.T(lang, i18n.TryAgain)).
				OnClick(func(ctx app.Context, e app.Event) { state.LoadSession(ctx) }),
		))
	}
	return component.Loader(i18n.T(lang, i18n.Loading))
}

// offlineNote says why changes are disabled while the profile is shown from
// the device's copy.
func offlineNote(lang string, s state.Session) app.UI {
	if !s.Offline {
		return component.Alert(component.AlertInfo, "")
	}
	return component.Alert(component.AlertInfo, i18n.T(lang, i18n.OfflineDisabled))
}

// orEmpty is m, or an empty map to write into.
func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// localTime shows an RFC 3339 time in the browser's time zone, with the
// zone's name ("5 Dec, 14:15 CET"); "" on the server or for no time.
func localTime(rfc3339, lang string) string {
	if app.IsServer || rfc3339 == "" {
		return ""
	}
	locale := "en-GB"
	if lang == i18n.German {
		locale = "de-DE"
	}
	d := app.Window().Get("Date").New(rfc3339)
	if d.Call("getTime").Float() != d.Call("getTime").Float() { // NaN: not a time
		return ""
	}
	return d.Call("toLocaleString", locale, map[string]any{
		"day": "numeric", "month": "short", "hour": "2-digit", "minute": "2-digit", "timeZoneName": "short",
	}).String()
}
