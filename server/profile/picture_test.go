package profile

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// TestPictures are the upload cases of the issue, each made here (the WebP
// from testdata: Go has no WebP encoder).
func TestProcessUploads(t *testing.T) {
	webp, err := os.ReadFile("testdata/video-001.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"a JPEG photo", encodeJPEG(t, halves(400, 300)), nil},
		{"a PNG with transparency", encodePNG(t, transparent(120, 160)), nil},
		{"a WebP", webp, nil},
		{"a text file renamed .jpg", []byte("Dear support, here is my picture.\n"), ErrNotImage},
		{"a 20 000 × 20 000 PNG (a decompression bomb)", bombPNG(t, 20000, 20000), ErrTooManyPixel},
		{"a 6 MB file", append(encodeJPEG(t, halves(100, 100)), make([]byte, 6<<20)...), ErrTooLarge},
		{"an animated GIF", animatedGIF(t), ErrAnimated},
		{"a still GIF", stillGIF(t), ErrFormat},
		{"an animated PNG", apngOf(t, encodePNG(t, halves(100, 100))), ErrAnimated},
		{"an animated WebP", animatedWebPBytes(), ErrAnimated},
		{"a 10 × 10 icon", encodePNG(t, halves(10, 10)), ErrTooSmall},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sq, err := Process(context.Background(), c.data)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if c.want != nil {
				return
			}
			for size, b := range map[int][]byte{Large: sq.Large, Small: sq.Small} {
				img, format, err := image.Decode(bytes.NewReader(b))
				if err != nil || format != "jpeg" || img.Bounds().Dx() != size || img.Bounds().Dy() != size {
					t.Fatalf("square %d: %v %s %v", size, err, format, img.Bounds())
				}
			}
		})
	}
}

// The EXIF orientation turns the picture upright, and no metadata of the
// upload survives.
func TestProcessAppliesOrientationAndStripsMetadata(t *testing.T) {
	// Top half red, bottom half blue; orientation 6 says "turn 90° clockwise
	// to show": then the left half is blue and the right half red.
	data := withOrientation(t, encodeJPEG(t, halves(200, 200)), 6)
	data = append(data[:len(data)-2], append([]byte("GPS 48.1765 N 11.5561 E"), data[len(data)-2:]...)...)
	sq, err := Process(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(sq.Large))
	if err != nil {
		t.Fatal(err)
	}
	if !blueish(img.At(40, 128)) || !reddish(img.At(216, 128)) {
		t.Fatalf("not turned: left %v, right %v", img.At(40, 128), img.At(216, 128))
	}
	for _, b := range [][]byte{sq.Large, sq.Small} {
		if bytes.Contains(b, []byte("Exif")) || bytes.Contains(b, []byte("GPS")) {
			t.Fatal("metadata of the upload survived")
		}
	}
}

func blueish(c color.Color) bool {
	r, _, b, _ := c.RGBA()
	return b > 0xb000 && r < 0x5000
}

func reddish(c color.Color) bool {
	r, _, b, _ := c.RGBA()
	return r > 0xb000 && b < 0x5000
}

// halves is red above, blue below.
func halves(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{220, 20, 20, 255}
			if y >= h/2 {
				c = color.RGBA{20, 20, 220, 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

func transparent(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{0, 128, 0, uint8(x * 255 / w)})
		}
	}
	return img
}

func encodeJPEG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngChunk is one chunk with its length and CRC.
func pngChunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// bombPNG is a real, valid 1-bit PNG of w × h black pixels: a few hundred
// kilobytes that would decode to w × h × 4 bytes.
func bombPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	row := make([]byte, 1+(w+7)/8)
	for y := 0; y < h; y++ {
		z.Write(row)
	}
	z.Close()
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 1, 0, 0, 0, 0) // 1 bit, grey, deflate, no filter, no interlace
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", idat.Bytes())...)
	return append(out, pngChunk("IEND", nil)...)
}

// apngOf puts an animation control chunk after the IHDR of a PNG.
func apngOf(t *testing.T, p []byte) []byte {
	t.Helper()
	const afterIHDR = 8 + 12 + 13
	actl := pngChunk("acTL", []byte{0, 0, 0, 2, 0, 0, 0, 0})
	return append(append(append([]byte{}, p[:afterIHDR]...), actl...), p[afterIHDR:]...)
}

func palette() color.Palette {
	return color.Palette{color.White, color.Black, color.RGBA{255, 0, 0, 255}}
}

func animatedGIF(t *testing.T) []byte {
	t.Helper()
	a := &gif.GIF{}
	for i := 0; i < 2; i++ {
		f := image.NewPaletted(image.Rect(0, 0, 80, 80), palette())
		f.SetColorIndex(i, i, 2)
		a.Image, a.Delay = append(a.Image, f), append(a.Delay, 20)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, a); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func stillGIF(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, image.NewPaletted(image.Rect(0, 0, 80, 80), palette()), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// animatedWebPBytes is the head of an animated WebP: a VP8X chunk with the
// animation flag (80 × 80 canvas) and an ANIM chunk.
func animatedWebPBytes() []byte {
	vp8x := []byte{0x02, 0, 0, 0, 79, 0, 0, 79, 0, 0}
	anim := []byte{0, 0, 0, 0, 0, 0}
	body := []byte("WEBP")
	for _, c := range []struct {
		id   string
		data []byte
	}{{"VP8X", vp8x}, {"ANIM", anim}} {
		body = append(body, c.id...)
		body = binary.LittleEndian.AppendUint32(body, uint32(len(c.data)))
		body = append(body, c.data...)
	}
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	return append(out, body...)
}

// withOrientation puts an EXIF segment with the orientation tag right
// after the JPEG's start marker.
func withOrientation(t *testing.T, j []byte, orientation uint16) []byte {
	t.Helper()
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08")
	tiff = binary.BigEndian.AppendUint16(tiff, 1)           // one entry
	tiff = append(tiff, 0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1) // orientation, SHORT, count 1
	tiff = binary.BigEndian.AppendUint16(tiff, orientation) // value
	tiff = append(tiff, 0, 0, 0, 0, 0, 0)                   // padding, no next IFD
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1}, binary.BigEndian.AppendUint16(nil, uint16(len(seg)+2))...)
	app1 = append(app1, seg...)
	return append(append(append([]byte{}, j[:2]...), app1...), j[2:]...)
}
