package web

import (
	"bytes"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// wasmFiles are app.wasm and its precompressed copies, read once at start.
type wasmFiles struct {
	raw, br, gz []byte
	rawSize     int
}

func loadWasm(static fs.FS) wasmFiles {
	var w wasmFiles
	w.raw, _ = fs.ReadFile(static, "web/app.wasm")
	w.br, _ = fs.ReadFile(static, "web/app.wasm.br")
	w.gz, _ = fs.ReadFile(static, "web/app.wasm.gz")
	w.rawSize = len(w.raw)
	return w
}

// serve sends the best encoding the client accepts, with Vary so caches keep
// them apart. go-app alone would send the raw file.
func (w wasmFiles) serve(rw http.ResponseWriter, r *http.Request, version string) {
	if len(w.raw) == 0 {
		http.Error(rw, "app.wasm is not built: run make run (or make wasm)", http.StatusNotFound)
		return
	}
	h := rw.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Uncompressed-Length", strconv.Itoa(w.rawSize))
	body := w.raw
	accept := r.Header.Get("Accept-Encoding")
	switch {
	case len(w.br) > 0 && acceptsEncoding(accept, "br"):
		h.Set("Content-Encoding", "br")
		body = w.br
	case len(w.gz) > 0 && acceptsEncoding(accept, "gzip"):
		h.Set("Content-Encoding", "gzip")
		body = w.gz
	}
	h.Set("ETag", `"`+version+`-`+h.Get("Content-Encoding")+`"`)
	http.ServeContent(rw, r, "app.wasm", time.Time{}, bytes.NewReader(body))
}

func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) == enc {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") || strings.Contains(params, "q=0.")
		}
	}
	return false
}
