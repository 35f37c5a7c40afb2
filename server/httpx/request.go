package httpx

import (
	"net/http"
	"net/url"

	"github.com/minicorp/miniid/server/audit"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// Lang picks the language of an answer: the X-Lang header the app sends,
// else the language cookie the app sets (a page or a form post before the
// app runs), else Accept-Language.
func Lang(r *http.Request) string {
	if l := r.Header.Get("X-Lang"); l != "" {
		return i18n.Lang(l)
	}
	if c, err := r.Cookie(api.CookieLang); err == nil && c.Value != "" {
		return i18n.Lang(c.Value)
	}
	return i18n.Lang(r.Header.Get("Accept-Language"))
}

// Meta describes the request for events and mails.
func Meta(r *http.Request) audit.Meta {
	return audit.Meta{IP: audit.ClientIP(r.Context()), UserAgent: r.UserAgent(), Lang: Lang(r)}
}

// SameOrigin reports whether a state-changing request comes from the
// portal's own pages: its Origin must be the origin of base (BASE_URL) or
// the origin the request itself was addressed to. A missing Origin, or
// "null" (what browsers send under Referrer-Policy: no-referrer for a form
// post), is refused.
func SameOrigin(base *url.URL, secure bool, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || origin == "null" {
		return false
	}
	if origin == base.Scheme+"://"+base.Host {
		return true
	}
	scheme := "http"
	if r.TLS != nil || secure {
		scheme = "https"
	}
	return origin == scheme+"://"+r.Host
}
