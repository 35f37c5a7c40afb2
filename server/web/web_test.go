package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func testStatic(css string) fstest.MapFS {
	return fstest.MapFS{
		"web/app.wasm":    {Data: []byte(strings.Repeat("raw-wasm ", 100))},
		"web/app.wasm.br": {Data: []byte("brotli-bytes")},
		"web/app.wasm.gz": {Data: []byte("gzip-bytes")},
		"web/app.css":     {Data: []byte(css)},
		"web/icon.svg":    {Data: []byte("<svg/>")},
	}
}

func TestWasmIsServedPrecompressed(t *testing.T) {
	h := New(Options{Brand: "MINI", Static: testStatic("body{}")})
	tests := []struct {
		accept, encoding, body string
	}{
		{"gzip, deflate, br", "br", "brotli-bytes"},
		{"gzip", "gzip", "gzip-bytes"},
		{"br;q=0, gzip", "gzip", "gzip-bytes"},
		{"", "", strings.Repeat("raw-wasm ", 100)},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Header().Get("Content-Encoding") != tt.encoding || rec.Body.String() != tt.body ||
			rec.Header().Get("Vary") != "Accept-Encoding" || rec.Header().Get("Content-Type") != "application/wasm" {
			t.Errorf("Accept-Encoding %q: %d %v %q", tt.accept, rec.Code, rec.Header(), rec.Body.String())
		}
	}
}

func TestVersionFollowsTheContent(t *testing.T) {
	a := New(Options{Brand: "MINI", Static: testStatic("body{}")}).Version()
	b := New(Options{Brand: "MINI", Static: testStatic("body{}")}).Version()
	c := New(Options{Brand: "MINI", Static: testStatic("body{color:red}")}).Version()
	if a == "" || a != b || a == c {
		t.Fatalf("versions %q %q %q: same content must give the same version, other content another", a, b, c)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	for header, want := range map[string]bool{
		"br": true, "gzip, br": true, "br;q=0.5": true, "br;q=0": false, "br; q=0": false, "gzip": false, "": false,
	} {
		if got := acceptsEncoding(header, "br"); got != want {
			t.Errorf("acceptsEncoding(%q, br) = %v", header, got)
		}
	}
}
