// Command wasm is the browser build of the portal: it registers the routes
// and hands the page to go-app.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/page"
	"github.com/minicorp/miniid/app/routes"
	"github.com/minicorp/miniid/app/state"
	"github.com/minicorp/miniid/shared/i18n"
)

func main() {
	routes.Register()
	i18n.SetBrand(app.Getenv("BRAND"))
	page.SetDocuments(app.Getenv("TERMS_URL"), app.Getenv("PRIVACY_URL"))
	state.NoteVersion()
	app.RunWhenOnBrowser()
}
