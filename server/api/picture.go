package api

import (
	"errors"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/minicorp/miniid/server/profile"
	"github.com/minicorp/miniid/server/session"
	"github.com/minicorp/miniid/server/store"
	"github.com/minicorp/miniid/shared/api"
	"github.com/minicorp/miniid/shared/i18n"
)

// pictureURL is the URL of the account's picture at version v: a new
// picture has a new URL, so a cached copy of the old one is never shown.
func pictureURL(v time.Time) string {
	return api.PathPicture + "?v=" + strconv.FormatInt(v.Unix(), 10)
}

// careMe adds the parts of the profile that customer care brings: the
// picture, an undeliverable address, the consents due.
func (s *Server) careMe(r *http.Request, me *api.Me, u *store.User) error {
	v, err := s.pictures.PictureVersion(r.Context(), u.ID)
	if err != nil {
		return err
	}
	if v != nil {
		me.Picture = pictureURL(*v)
	}
	me.PhoneIDAvailable = s.cfg.SMSAvailable()
	if me.EmailUndeliverable, err = store.UndeliverableReason(r.Context(), s.db, u.Email); err != nil {
		return err
	}
	me.ConsentsDue, err = s.consentsDue(r.Context(), u.ID)
	return err
}

// uploadPicture takes a multipart upload with the picture in the field
// "picture" (at most 5 MB: the one exception to the API's 64 KiB JSON
// bodies) and answers with the profile.
func (s *Server) uploadPicture(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	lang := langOf(r)
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "multipart/form-data" {
		fail(w, r, http.StatusUnsupportedMediaType, api.Error{Code: api.CodeBadRequest, Message: "Send the picture as multipart/form-data in the field \"picture\"."}, nil)
		return
	}
	// The file may be 5 MB; the multipart framing around it is small.
	r.Body = http.MaxBytesReader(w, r.Body, api.MaxPictureBytes+16<<10)
	data, err := pictureOf(r)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig), errors.Is(err, profile.ErrTooLarge):
		fail(w, r, http.StatusRequestEntityTooLarge, api.Error{Code: api.CodeTooLarge, Message: i18n.T(lang, i18n.PictureTooLarge)}, nil)
		return
	case err != nil:
		failMessage(w, r, "picture", "required", i18n.T(lang, i18n.PictureNoFile))
		return
	}
	if _, err := s.pictures.SetPicture(r.Context(), sess.UserID(), data, meta(r)); err != nil {
		s.failPicture(w, r, err)
		return
	}
	s.me(w, r, sess)
}

// pictureOf reads the part "picture" of a multipart body.
func pictureOf(r *http.Request) ([]byte, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, err
		}
		if part.FormName() == "picture" {
			return profile.ReadAll(part)
		}
	}
}

// failPicture says why a picture was refused.
func (s *Server) failPicture(w http.ResponseWriter, r *http.Request, err error) {
	lang := langOf(r)
	keys := map[error]i18n.Key{
		profile.ErrNotImage: i18n.PictureNotImage, profile.ErrFormat: i18n.PictureFormat,
		profile.ErrTooManyPixel: i18n.PictureTooManyPx, profile.ErrAnimated: i18n.PictureAnimated,
		profile.ErrTooSmall: i18n.PictureTooSmall,
	}
	for e, key := range keys {
		if errors.Is(err, e) {
			fail(w, r, http.StatusUnprocessableEntity, api.Error{Code: api.CodeUnsupportedPicture, Message: i18n.T(lang, key),
				Fields: map[string]api.FieldError{"picture": {Code: "unsupported", Message: i18n.T(lang, key)}}}, nil)
			return
		}
	}
	fail(w, r, http.StatusInternalServerError, api.Error{}, err)
}

// picture serves the account's picture: 256 pixels, or 64 with ?size=64.
// The URL changes with each new picture, so the browser may keep a copy
// (privately: it is personal data).
func (s *Server) picture(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	size := profile.Large
	if r.URL.Query().Get("size") == strconv.Itoa(profile.Small) {
		size = profile.Small
	}
	img, at, err := s.pictures.Picture(r.Context(), sess.UserID(), size)
	if errors.Is(err, profile.ErrNoPicture) {
		fail(w, r, http.StatusNotFound, api.Error{Code: api.CodeNotFound, Message: i18n.T(langOf(r), i18n.PictureNone)}, nil)
		return
	}
	if err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	etag := `"p` + strconv.FormatInt(at.Unix(), 10) + "-" + strconv.Itoa(size) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Header().Set("Vary", "Cookie")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Write(img)
}

func (s *Server) removePicture(w http.ResponseWriter, r *http.Request, sess *session.Session) {
	if err := s.pictures.RemovePicture(r.Context(), sess.UserID(), meta(r)); err != nil {
		fail(w, r, http.StatusInternalServerError, api.Error{}, err)
		return
	}
	s.me(w, r, sess)
}
