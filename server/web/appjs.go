package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// appJS is go-app's app.js with our loader (loader.go), made once.
type appJS struct {
	once sync.Once
	body []byte
	etag string
}

func (a *appJS) serve(app http.Handler, w http.ResponseWriter, r *http.Request) {
	a.once.Do(func() {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
		js := rec.Body.String()
		// Our loader instead of go-app's, from its function to the end of
		// the file (goappCanLoadWebAssembly and fetchWithProgress follow
		// it; the first is kept).
		if i := strings.Index(js, "async function goappInitWebAssembly()"); i >= 0 {
			rest := js[i:]
			keep := ""
			if j := strings.Index(rest, "function goappCanLoadWebAssembly()"); j >= 0 {
				keep = rest[j:]
				if k := strings.Index(keep, "async function fetchWithProgress("); k >= 0 {
					keep = keep[:k]
				}
			}
			js = js[:i] + loaderJS + keep
		}
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
