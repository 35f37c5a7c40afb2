package api_test

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
	"github.com/minicorp/miniid/shared/api"
)

// upload sends a file as the app's form does: multipart, field "picture".
func upload(c *portaltest.Client, name string, data []byte) portaltest.Response {
	c.T.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("picture", name)
	fw.Write(data)
	mw.Close()
	return c.Raw("POST", api.PathPicture, body.Bytes(), map[string]string{
		"Content-Type": mw.FormDataContentType(), "Origin": c.Env.URL, api.HeaderCSRF: c.CSRF,
	})
}

func photo(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func twoFrames(t *testing.T) []byte {
	t.Helper()
	pal := color.Palette{color.White, color.Black}
	a := &gif.GIF{Image: []*image.Paletted{image.NewPaletted(image.Rect(0, 0, 80, 80), pal), image.NewPaletted(image.Rect(0, 0, 80, 80), pal)}, Delay: []int{10, 10}}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, a); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A picture goes up as multipart, comes back as two squares, shows in the
// profile and goes again with "Remove picture"; what is not a usable
// picture is refused with its own message.
func TestProfilePicture(t *testing.T) {
	testenv.ForEachDB(t, func(t *testing.T, db *testenv.DB) {
		env := portaltest.Start(t, db)
		c := env.RegisterIn("picture@example.com", "GB", "SW1A 1AA")
		c.Session()
		refusals := []struct {
			name   string
			data   []byte
			status int
			words  string
		}{
			{"notes.jpg", []byte("these are my notes, not a picture"), 422, "not a picture"},
			{"huge.jpg", append(photo(t, 100, 100), make([]byte, 6<<20)...), 413, "larger than 5 MB"},
			{"moving.gif", twoFrames(t), 422, "Animated pictures"},
		}
		for _, f := range refusals {
			r := upload(c, f.name, f.data)
			if r.Status != f.status || !strings.Contains(r.Error(t).Message, f.words) {
				t.Errorf("%s: %d %s", f.name, r.Status, r.Body)
			}
		}
		if r := c.Raw("POST", api.PathPicture, photo(t, 300, 200), map[string]string{"Content-Type": "image/jpeg", "Origin": env.URL, api.HeaderCSRF: c.CSRF}); r.Status != 415 {
			t.Errorf("a bare body: %d", r.Status)
		}
		if r := upload(&portaltest.Client{T: t, Env: env, HTTP: c.HTTP, CSRF: "forged"}, "me.jpg", photo(t, 300, 200)); r.Status != 403 {
			t.Errorf("without the CSRF token: %d", r.Status)
		}

		r := upload(c, "me.jpg", photo(t, 300, 200))
		var m api.Me
		r.JSON(t, &m)
		if r.Status != 200 || !strings.HasPrefix(m.Picture, api.PathPicture+"?v=") {
			t.Fatalf("upload: %d %s", r.Status, r.Body)
		}
		for size, path := range map[int]string{256: m.Picture, 64: m.Picture + "&size=64"} {
			r := c.Get(path)
			img, err := jpeg.Decode(bytes.NewReader(r.Body))
			if r.Status != 200 || r.Header.Get("Content-Type") != "image/jpeg" || err != nil || img.Bounds().Dx() != size {
				t.Fatalf("GET %s: %d %v", path, r.Status, err)
			}
			if !strings.Contains(r.Header.Get("Cache-Control"), "private") {
				t.Errorf("a shared cache may keep the picture: %q", r.Header.Get("Cache-Control"))
			}
		}
		if r := env.Client().Get(m.Picture); r.Status != 401 {
			t.Fatalf("someone else reads the picture: %d", r.Status)
		}
		if kinds := eventKinds(t, c); !contains(kinds, "picture_changed") {
			t.Fatalf("events: %v", kinds)
		}
		r = c.Raw("DELETE", api.PathPicture, nil, map[string]string{"Origin": env.URL, api.HeaderCSRF: c.CSRF})
		var after api.Me
		r.JSON(t, &after)
		if r.Status != 200 || after.Picture != "" {
			t.Fatalf("remove: %d %s", r.Status, r.Body)
		}
		if r := c.Get(m.Picture); r.Status != 404 {
			t.Fatalf("the picture after its removal: %d", r.Status)
		}
	})
}
