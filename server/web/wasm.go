package web

import (
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// wasmFiles names app.wasm and its precompressed copies. They are served
// straight from the (embedded) file system on each request: copying them into
// the heap would keep about 11 MB alive for nothing.
type wasmFiles struct {
	static       fs.FS
	hasBr, hasGz bool
	rawSize      int64
	present      bool
}

func loadWasm(static fs.FS) wasmFiles {
	w := wasmFiles{static: static}
	if st, err := fs.Stat(static, "web/app.wasm"); err == nil {
		w.present, w.rawSize = true, st.Size()
	}
	_, errBr := fs.Stat(static, "web/app.wasm.br")
	_, errGz := fs.Stat(static, "web/app.wasm.gz")
	w.hasBr, w.hasGz = errBr == nil, errGz == nil
	return w
}

// serve sends the best encoding the client accepts, with Vary so caches keep
// them apart. go-app alone would send the raw file.
func (w wasmFiles) serve(rw http.ResponseWriter, r *http.Request, version string) {
	if !w.present {
		http.Error(rw, "app.wasm is not built: run make run (or make wasm)", http.StatusNotFound)
		return
	}
	h := rw.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Uncompressed-Length", strconv.FormatInt(w.rawSize, 10))
	name := "web/app.wasm"
	accept := r.Header.Get("Accept-Encoding")
	switch {
	case w.hasBr && acceptsEncoding(accept, "br"):
		h.Set("Content-Encoding", "br")
		name += ".br"
	case w.hasGz && acceptsEncoding(accept, "gzip"):
		h.Set("Content-Encoding", "gzip")
		name += ".gz"
	}
	f, err := w.static.Open(name)
	if err != nil {
		http.Error(rw, "app.wasm is missing", http.StatusNotFound)
		return
	}
	defer f.Close()
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(rw, "app.wasm cannot be served", http.StatusInternalServerError)
		return
	}
	h.Set("ETag", `"`+version+`-`+h.Get("Content-Encoding")+`"`)
	http.ServeContent(rw, r, "app.wasm", time.Time{}, rs)
}

func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) != enc {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	return false
}
