// Package web serves the app: go-app's pages (prerendered on the server from
// the same routes the wasm uses), its service worker and manifest, and the
// static files under /web/ with app.wasm precompressed.
package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/app/page"
	"github.com/minicorp/miniid/app/routes"
	"github.com/minicorp/miniid/shared/i18n"
)

// Options configure the app handler.
type Options struct {
	Brand  string
	Domain string // host of BASE_URL, for the pages' og:url
	// TermsURL and PrivacyURL are where the app links the legal documents
	// (TERMS_URL, PRIVACY_URL).
	TermsURL, PrivacyURL string
	// Exists tells whether a page matched by a pattern route (/help/{slug})
	// has something to show; when it says no, the page is answered with
	// status 404 (the app still shows its own "not found" words).
	Exists func(path string) bool
	Static fs.FS // holds web/ (icons, app.css, app.wasm and its .br/.gz)
}

// Handler serves everything that is not the API.
type Handler struct {
	app     *app.Handler
	static  fs.FS
	files   http.Handler
	wasm    wasmFiles
	version string
	appJS   *appJS
	exists  func(path string) bool
}

// New builds the handler. The app's Version is a hash of the wasm and the
// static files, so a new build is picked up by clients and an unchanged one
// keeps their caches.
func New(o Options) *Handler {
	routes.Register()
	i18n.SetBrand(o.Brand)
	page.SetDocuments(o.TermsURL, o.PrivacyURL)
	wasm := loadWasm(o.Static)
	version := contentVersion(o.Static)
	name := o.Brand + " ID"
	h := &Handler{
		static:  o.Static,
		files:   http.FileServer(http.FS(o.Static)),
		wasm:    wasm,
		version: version,
		appJS:   &appJS{},
		exists:  o.Exists,
		app: &app.Handler{
			Name:        name,
			ShortName:   name,
			Title:       name,
			Description: i18n.T(i18n.English, i18n.AppDescription),
			Lang:        "en",
			Icon: app.Icon{
				Default:  "/web/icon-192.png",
				Large:    "/web/icon-512.png",
				Maskable: "/web/icon-maskable.png",
				SVG:      "/web/icon.svg",
			},
			BackgroundColor:   "#111111",
			ThemeColor:        "#111111",
			LoadingLabel:      name + " · {progress}%",
			Styles:            []string{"/web/app.css"},
			Version:           version,
			WasmContentLength: strconv.FormatInt(wasm.rawSize, 10),
			Env:               map[string]string{"BRAND": o.Brand, "TERMS_URL": o.TermsURL, "PRIVACY_URL": o.PrivacyURL},
			Resources:         samePath{},
			Domain:            o.Domain,
			CacheableResources: []string{
				"/web/icon.svg",
			},
			ServiceWorkerTemplate: serviceWorker,
		},
	}
	return h
}

// Version is the app version clients see.
func (h *Handler) Version() string { return h.version }

// ServeHTTP routes /web/ to the static files and the rest to go-app; an
// unknown page gets the app's 404 page with status 404.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/app.js" || r.URL.Path == "/goapp.js":
		h.appJS.serve(h.app, w, r)
	case r.URL.Path == "/web/app.wasm":
		h.wasm.serve(w, r, h.version)
	case strings.HasPrefix(r.URL.Path, "/web/") && strings.HasSuffix(r.URL.Path, "/"):
		http.NotFound(w, r) // no directory listings
	case strings.HasPrefix(r.URL.Path, "/web/"):
		w.Header().Set("Cache-Control", "no-cache")
		h.files.ServeHTTP(w, r)
	case routes.Known(r.URL.Path) && h.exists != nil && !h.exists(r.URL.Path):
		r2 := r.Clone(r.Context())
		r2.Header.Del("If-None-Match")
		h.app.ServeHTTP(&statusWriter{ResponseWriter: w, status: http.StatusNotFound}, r2)
	case routes.Known(r.URL.Path) || !IsPage(r.URL.Path):
		h.app.ServeHTTP(w, r)
	default:
		r2 := r.Clone(r.Context())
		r2.URL.Path = routes.NotFoundPath
		r2.Header.Del("If-None-Match")
		h.app.ServeHTTP(&statusWriter{ResponseWriter: w, status: http.StatusNotFound}, r2)
	}
}

// IsPage tells app pages from go-app's own files (app.js, manifest, …) and
// the static files under /web/.
func IsPage(path string) bool {
	if strings.HasPrefix(path, "/web/") {
		return false
	}
	switch path {
	case "/app.js", "/goapp.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest",
		"/manifest.json", "/app.css", "/app.wasm", "/goapp.wasm", "/robots.txt", "/sitemap.xml", "/ads.txt":
		return false
	}
	return true
}

// ServePage answers with the app's page at path (with its query) and
// status, whatever the request's own address: the provider's error page
// for a sign-in request that cannot go back to its app (server/oidc).
func (h *Handler) ServePage(w http.ResponseWriter, r *http.Request, path string, status int) {
	r2 := r.Clone(r.Context())
	u, err := url.Parse(path)
	if err != nil {
		u = &url.URL{Path: routes.NotFoundPath}
	}
	r2.Method, r2.URL.Path, r2.URL.RawPath, r2.URL.RawQuery, r2.RequestURI = http.MethodGet, u.Path, "", u.RawQuery, u.RequestURI()
	r2.Header.Del("If-None-Match")
	h.app.ServeHTTP(&statusWriter{ResponseWriter: w, status: status}, r2)
}

// statusWriter replaces the status of the response.
type statusWriter struct {
	http.ResponseWriter
	status  int
	written bool
}

func (s *statusWriter) WriteHeader(int) {
	if !s.written {
		s.written = true
		s.Header().Del("ETag")
		s.ResponseWriter.WriteHeader(s.status)
	}
}

func (s *statusWriter) Write(b []byte) (int, error) {
	s.WriteHeader(s.status)
	return s.ResponseWriter.Write(b)
}

func contentVersion(static fs.FS) string {
	sum := sha256.New()
	fs.WalkDir(static, "web", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".br") || strings.HasSuffix(path, ".gz") {
			return nil
		}
		f, err := static.Open(path)
		if err != nil {
			return nil
		}
		defer f.Close()
		sum.Write([]byte(path))
		io.Copy(sum, f) // streamed: no copy of the wasm stays in the heap
		return nil
	})
	return hex.EncodeToString(sum.Sum(nil))[:16]
}

// samePath resolves every resource to its own path on this server (go-app's
// LocalDir would also serve files and proxy robots.txt through an HTTP
// request to itself).
type samePath struct{}

func (samePath) Resolve(p string) string {
	if p == "" {
		return "/"
	}
	return p
}
