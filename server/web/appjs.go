package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// loadFailedJS replaces the line of go-app's app.js that shows a failed
// wasm load: go-app prints the raw JavaScript error ("TypeError: Failed to
// fetch"); the customer gets a plain sentence in their browser's language.
const loadFailedJS = `loaderLabel.innerText = ((navigator.language || "").toLowerCase().startsWith("de")
      ? "{brand} ID konnte nicht geladen werden. Prüfen Sie Ihre Internetverbindung und laden Sie die Seite neu."
      : "{brand} ID could not be loaded. Check your internet connection and reload the page.");`

// appJS is go-app's app.js with the plain failure message, made once.
type appJS struct {
	once  sync.Once
	body  []byte
	etag  string
	brand string
}

func (a *appJS) serve(app http.Handler, w http.ResponseWriter, r *http.Request) {
	a.once.Do(func() {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
		js := rec.Body.String()
		js = strings.Replace(js, "loaderLabel.innerText = err;", strings.ReplaceAll(loadFailedJS, "{brand}", a.brand), 1)
		a.body = []byte(js)
		a.etag = rec.Header().Get("ETag")
	})
	if a.etag != "" && r.Header.Get("If-None-Match") == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/javascript")
	w.Header().Set("Cache-Control", "no-cache")
	if a.etag != "" {
		w.Header().Set("ETag", a.etag)
	}
	w.Write(a.body)
}
