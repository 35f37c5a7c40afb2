package session

import (
	"net/http"
)

// Writer saves a session just before the answer's first byte, so that
// handlers never save by hand and a rotated session's cookie goes out with
// the answer that carries its new CSRF token. When the save fails — the
// session was ended while the request ran — the handler's answer is
// replaced by the one onFail writes, and what the handler writes after that
// is dropped.
type Writer struct {
	http.ResponseWriter
	r      *http.Request
	st     *Store
	s      *Session
	onFail func(w http.ResponseWriter, r *http.Request, err error)
	saved  bool
	failed bool
}

// Wrap returns w wrapped to save s before the answer starts.
func (st *Store) Wrap(w http.ResponseWriter, r *http.Request, s *Session, onFail func(http.ResponseWriter, *http.Request, error)) *Writer {
	return &Writer{ResponseWriter: w, r: r, st: st, s: s, onFail: onFail}
}

// WriteHeader saves the session, then writes the status.
func (w *Writer) WriteHeader(status int) {
	if w.save() {
		w.ResponseWriter.WriteHeader(status)
	}
}

// Write saves the session if nothing was written yet, then writes b.
func (w *Writer) Write(b []byte) (int, error) {
	if !w.saved && !w.save() {
		return len(b), nil
	}
	if w.failed {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// Finish saves the session of a handler that wrote nothing.
func (w *Writer) Finish() {
	if !w.saved {
		w.save()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *Writer) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *Writer) save() bool {
	if w.saved {
		return !w.failed
	}
	w.saved = true
	if err := w.st.Save(w.r.Context(), w.ResponseWriter, w.s); err != nil {
		w.failed = true
		// The handler may have set headers for its own answer already.
		for _, h := range []string{"Content-Type", "Content-Length", "ETag", "Clear-Site-Data"} {
			w.ResponseWriter.Header().Del(h)
		}
		w.onFail(w.ResponseWriter, w.r, err)
		return false
	}
	return true
}
