package page

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// documents are where the legal documents are read (TERMS_URL and
// PRIVACY_URL). The privacy notice defaults to the help centre's article;
// the terms have no default ("": no link).
var documents = struct{ terms, privacy string }{privacy: "/help/privacy"}

// SetDocuments sets the documents' addresses (configuration, once at
// start): the server for the pages it prerenders, the browser from the
// environment the server hands it. An empty privacy keeps the default.
func SetDocuments(terms, privacy string) {
	documents.terms = strings.TrimSpace(terms)
	if privacy = strings.TrimSpace(privacy); privacy != "" {
		documents.privacy = privacy
	}
}

// documentURL is where doc (api.DocumentTerms, api.DocumentPrivacy) is
// read, "" when nowhere.
func documentURL(doc string) string {
	switch doc {
	case api.DocumentTerms:
		return documents.terms
	case api.DocumentPrivacy:
		return documents.privacy
	}
	return ""
}

// documentLink reads a legal document in a new tab (what was typed in a
// form stays), or nothing when the document has no address.
func documentLink(lang, doc string) app.UI {
	u := documentURL(doc)
	if u == "" {
		return nil
	}
	words := i18n.RegisterReadPrivacy
	if doc == api.DocumentTerms {
		words = i18n.RegisterReadTerms
	}
	return app.A().ID("read-" + doc).Href(u).Target("_blank").Rel("noopener").Text(i18n.T(lang, words))
}
