// Package routes registers every page of the app. The wasm main and the
// server both call Register, so each page is prerendered by the server from
// the same components the browser runs.
package routes

import (
	"regexp"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/page"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/api"
)

// NotFoundPath is where the server renders the 404 page from.
const NotFoundPath = "/not-found"

var pages = map[string]func() app.Composer{
	"/":                 page.NewHome,
	"/login":            page.NewLogin,
	"/login/code":       page.NewLoginCode,
	"/register":         page.NewRegister,
	"/register/confirm": page.NewConfirmPending,
	"/confirm":          page.NewConfirm,
	"/forgot-password":  page.NewForgot,
	"/help":             page.NewHelp,
	"/reset-password":   page.NewReset,
	"/profile":          page.NewProfile,
	"/profile/account":  page.NewAccountData,
	"/profile/personal": page.NewPersonalData,
	"/profile/security": page.NewSecurity,
	api.PageConsent:     page.NewConsent,
	api.PageSignInError: page.NewSignInError,
	api.PageSignOut:     page.NewSignOut,
	"/restore":          page.NewRestore,
	"/support":          page.NewSupport,
	"/support/log":      page.NewSupportLog,
	NotFoundPath:        page.NewNotFound,
}

// patterns are the pages whose path has a parameter, compiled once: the
// server asks Known for every request.
var patterns = []struct {
	path    *regexp.Regexp
	newPage func() app.Composer
}{
	{regexp.MustCompile(`^/help/[a-z0-9-]+$`), page.NewHelpArticle},
	{regexp.MustCompile(`^/support/customers/[0-9]+$`), page.NewSupportCustomer},
}

var once sync.Once

// Register registers the routes with go-app (once).
func Register() {
	once.Do(func() {
		state.Register()
		for path, newPage := range pages {
			app.Route(path, newPage)
		}
		// The server answers these with the sign-in error page (status 400)
		// when a request cannot go back to its app; the app starts there.
		for _, path := range api.ProviderPages {
			app.Route(path, page.NewSignInError)
		}
		for _, p := range patterns {
			app.RouteWithRegexp(p.path.String(), p.newPage)
		}
		// Last, so it only takes what nothing else does: go-app's router
		// would otherwise show its own "not found" screen in the browser.
		app.RouteWithRegexp("^/.*$", page.NewNotFound)
		app.NotFound = page.NewNotFound()
	})
}

// Known reports whether path is one of the app's pages.
func Known(path string) bool {
	if _, ok := pages[path]; ok {
		return path != NotFoundPath
	}
	for _, p := range patterns {
		if p.path.MatchString(path) {
			return true
		}
	}
	return false
}
