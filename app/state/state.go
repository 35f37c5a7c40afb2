// Package state holds the app's shared state (the session, the profile, the
// language) and the actions that load and change it through the API. Pages
// observe the state; they never keep their own copy of the session.
package state

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/apiclient"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// State keys.
const (
	KeyLang    = "lang"
	KeySession = "session"
	// KeyPasskeys is whether the portal can use passkeys, as the server
	// last said (a logout keeps it).
	KeyPasskeys = "passkeys"
)

// Status is where a loaded thing stands.
type Status int

// The statuses of a loaded thing.
const (
	NeverLoaded Status = iota
	Loading
	LoadingErr
	Loaded
)

// Session is the app's view of who is logged in.
type Session struct {
	Status      Status
	State       string // api.StateNone, StateSecondStep, StateFull
	MaskedEmail string
	// ResendAfter is the wait, in seconds, before the login's code may be
	// asked for again (from the password step's answer).
	ResendAfter int
	Me          *api.Me
	Offline     bool   // shown from the device's copy; the server was unreachable
	SavedAt     string // when the device's copy was saved (RFC 3339)
	Err         string
	// LogoutPending says this device was logged out while the server could
	// not be told yet; it will be as soon as the network is back.
	LogoutPending bool
	// Return is an app's sign-in waiting for this login (OpenID Connect);
	// Leave is an app that logged out and waits for the sign-out page.
	Return *api.Return
	Leave  *api.Return
	// EmailUndeliverable is set while a login waits for its code and mail
	// to the account's address does not arrive (the login's answer says so).
	EmailUndeliverable string
	// Picture is what shows the profile picture: the device's copy (a
	// data: URL, also offline) or its URL; "" without one.
	Picture string
	// Factors are a second step's: the factor asked and the others offered.
	Factors api.Factors
	// Passkeys says the portal can use passkeys (it has a host name); the
	// login page reads it after a logout too (KeyPasskeys).
	Passkeys bool
}

// LoggedIn reports whether a full session is known.
func (s Session) LoggedIn() bool { return s.State == api.StateFull && s.Me != nil }

// ObserveLang makes a component follow the app's language: *lang is set
// now and at every change, and the component is drawn again.
func ObserveLang(ctx app.Context, lang *string) { ctx.ObserveState(KeyLang, lang) }

// Observe makes a page follow the language and the session, and loads the
// session the first time anything asks for it.
// onChange, when given, runs after each change of the session.
func Observe(ctx app.Context, lang *string, sess *Session, onChange ...func()) {
	ObserveLang(ctx, lang)
	obs := ctx.ObserveState(KeySession, sess)
	for _, f := range onChange {
		obs.OnChange(f)
	}
	var cur Session
	ctx.GetState(KeySession, &cur)
	if cur.Status == NeverLoaded {
		LoadSession(ctx)
	}
	var l string
	ctx.GetState(KeyLang, &l)
	if l == "" {
		SetLang(ctx, initialLang(ctx))
	}
}

// SetLang switches the whole app's language.
func SetLang(ctx app.Context, lang string) {
	lang = i18n.Lang(lang)
	ctx.SetState(KeyLang, lang)
	apiclient.Default.SetLang(lang)
	ctx.LocalStorage().Set("lang", lang)
	if app.IsServer {
		return
	}
	doc := app.Window().Get("document")
	doc.Get("documentElement").Set("lang", lang)
	// The server renders pages in the language of this cookie: the next
	// page opened, or a form sent before the app runs, reads as this one.
	cookie := api.CookieLang + "=" + lang + "; path=/; max-age=31536000; SameSite=Lax"
	if app.Window().Get("location").Get("protocol").String() == "https:" {
		cookie += "; Secure"
	}
	doc.Set("cookie", cookie)
}

func initialLang(ctx app.Context) string {
	if app.IsServer {
		// The server chose it (cookie, account, Accept-Language).
		return i18n.Lang(Prefill(ctx).Lang)
	}
	return StartLang()
}

// StartLang is the language the app starts in, for a component's OnInit
// (its first drawing, before ObserveLang ran): the reader's choice on this
// device, else the page's (the server's choice), else the browser's. ""
// on the server, whose pages set it in OnPreRender.
func StartLang() string {
	if app.IsServer {
		return ""
	}
	var saved string
	if ls := localStorage(); ls.Truthy() {
		if v := ls.Call("getItem", "lang"); v.Truthy() {
			// ctx.LocalStorage keeps values as JSON: "\"de\"".
			saved = strings.Trim(v.String(), `"`)
		}
	}
	if saved != "" {
		return i18n.Lang(saved)
	}
	// The language the server rendered the page in.
	if l := app.Window().Get("document").Get("documentElement").Get("lang"); l.Truthy() {
		return i18n.Lang(l.String())
	}
	if nav := app.Window().Get("navigator"); nav.Truthy() {
		if l := nav.Get("language"); l.Truthy() {
			return i18n.Lang(l.String())
		}
	}
	return i18n.English
}

// Action names. Their handlers are global (app.Handle), so they finish even
// when the page that started them is gone: a login navigates away at once.
const (
	ActionLoadSession = "/session/load"
	ActionLogout      = "/session/logout"
)

// Register installs the global action handlers (once, before the app runs).
func Register() {
	app.Handle(ActionLoadSession, handleLoadSession)
	app.Handle(ActionLogout, handleLogout)
}

// LoadSession asks the server who is logged in (and remembers the CSRF token).
func LoadSession(ctx app.Context) {
	if app.IsServer {
		return // a prerendered page shows no account: the app asks when it runs
	}
	var cur Session
	ctx.GetState(KeySession, &cur)
	cur.Status = Loading
	ctx.SetState(KeySession, cur)
	ctx.NewAction(ActionLoadSession)
}

// handleLoadSession runs in the background (global handlers are async).
func handleLoadSession(ctx app.Context, a app.Action) {
	next := fetchSession()
	switch {
	case next.Status == Loaded && next.Me != nil:
		saveProfile(*next.Me)
		keepPicture(*next.Me)
		next.Picture = PictureSrc(next.Me)
	case next.Status == Loaded:
		// No session (logged out here or elsewhere, or it ran out): nothing
		// personal may stay on the device.
		ForgetDevice()
	case apiclient.Default.LogoutPending():
		// Logged out on this device and the server could not be told yet:
		// the login page and nothing of the account until it has been.
		next = Session{Status: Loaded, State: api.StateNone, LogoutPending: true}
		ctx.After(5*time.Second, reloadSession)
	case next.Offline:
		if c, ok := cachedProfile(); ok {
			me := c.Me
			next = Session{Status: Loaded, State: api.StateFull, Me: &me, Offline: true, SavedAt: c.SavedAt, Picture: PictureSrc(&me)}
		}
		// Try again until the server answers; then the banner goes.
		ctx.After(5*time.Second, reloadSession)
	}
	ctx.Dispatch(func(ctx app.Context) {
		if next.Me != nil && next.Me.Language != "" {
			SetLang(ctx, next.Me.Language)
		}
		ctx.SetState(KeySession, next)
		if next.Status == Loaded && !next.Offline && !next.LogoutPending {
			ctx.SetState(KeyPasskeys, next.Passkeys)
		}
	})
}

// reloadSession loads the session again, showing the current one meanwhile.
func reloadSession(ctx app.Context) { ctx.NewAction(ActionLoadSession) }

func fetchSession() Session {
	s, err := apiclient.Default.Session()
	if err != nil {
		return Session{Status: LoadingErr, State: api.StateNone, Err: err.Error(), Offline: isOffline(err)}
	}
	next := Session{Status: Loaded, State: s.State, MaskedEmail: s.MaskedEmail, Return: s.Return, Leave: s.Leave,
		Factors: s.Factors, Passkeys: s.PasskeysAvailable}
	if s.State == api.StateFull {
		me, err := apiclient.Default.Me()
		if err != nil {
			return Session{Status: LoadingErr, State: api.StateNone, Err: err.Error(), Offline: isOffline(err)}
		}
		next.Me = &me
	}
	return next
}

// SetMe replaces the profile after a change the server confirmed.
func SetMe(ctx app.Context, me api.Me) {
	saveProfile(me)
	var cur Session
	ctx.GetState(KeySession, &cur)
	cur.Me = &me
	cur.Picture = PictureSrc(&me)
	ctx.Async(func() {
		keepPicture(me)
		ctx.Dispatch(func(ctx app.Context) {
			var now Session
			ctx.GetState(KeySession, &now)
			if now.Me != nil && now.Me.Picture == me.Picture {
				now.Picture = PictureSrc(now.Me)
				ctx.SetState(KeySession, now)
			}
		})
	})
	cur.State = api.StateFull
	cur.Status = Loaded
	ctx.SetState(KeySession, cur)
	if me.Language != "" {
		SetLang(ctx, me.Language)
	}
}

// Refresh reloads the session and profile in the background.
func Refresh(ctx app.Context) { LoadSession(ctx) }

// Logout forgets everything personal on the device at once, shows the
// login page and ends the session on the server, as soon as it can be
// reached (apiclient.Client.Logout).
func Logout(ctx app.Context) { ctx.NewAction(ActionLogout) }

func handleLogout(ctx app.Context, a app.Action) {
	ForgetDevice()
	ctx.Dispatch(func(ctx app.Context) {
		ctx.SetState(KeySession, Session{Status: Loaded, State: api.StateNone})
		ctx.Navigate("/login")
	})
	if err := apiclient.Default.Logout(); err != nil {
		// The server will hear it with the next call: try every few
		// seconds, so the note goes once it has.
		ctx.Dispatch(func(ctx app.Context) {
			ctx.SetState(KeySession, Session{Status: Loaded, State: api.StateNone, LogoutPending: true})
		})
		ctx.After(5*time.Second, reloadSession)
	}
}

func isOffline(err error) bool {
	e, ok := err.(*apiclient.Error)
	return ok && e.Offline()
}
