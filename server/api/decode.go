package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/minicorp/miniid/shared/api"
)

// decode reads exactly one JSON object of at most 64 KiB into dst, refusing
// unknown fields and trailing data. On failure it has answered (400, 413 or
// 415 with the envelope, never the decoder's own words) and returns false.
func decode(w http.ResponseWriter, r *http.Request, dst any) bool {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			fail(w, r, http.StatusUnsupportedMediaType, api.Error{Code: api.CodeBadRequest, Message: "Send the request body as application/json."}, nil)
			return false
		}
	}
	r.Body = http.MaxBytesReader(w, r.Body, api.MaxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = errors.New("trailing data after the JSON object")
		}
	}
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		fail(w, r, http.StatusRequestEntityTooLarge, api.Error{Code: api.CodeTooLarge, Message: "The request body is larger than 64 KiB."}, err)
		return false
	}
	fail(w, r, http.StatusBadRequest, api.Error{Code: api.CodeBadRequest, Message: "The request body must be one JSON object with the documented fields."}, err)
	return false
}
