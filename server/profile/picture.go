// Package profile keeps the customer's profile picture: it checks an
// upload, turns it into two small squares without metadata, and stores
// them in the database.
package profile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // decoders the upload may use
	"io"

	"github.com/disintegration/imaging"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"
)

// Limits of an upload.
const (
	MaxBytes  = 5 << 20    // the file
	MaxPixels = 40_000_000 // width × height, read from the header before decoding
	MinSide   = 64         // smaller would only be blown up
	Large     = 256        // the stored sizes, in pixels square
	Small     = 64
)

// Errors the API maps to answers, each with its own message.
var (
	ErrTooLarge     = errors.New("profile: picture larger than 5 MB")
	ErrNotImage     = errors.New("profile: not a picture")
	ErrFormat       = errors.New("profile: not JPEG, PNG or WebP")
	ErrTooManyPixel = errors.New("profile: more than 40 megapixels")
	ErrTooSmall     = errors.New("profile: smaller than 64 pixels")
	ErrAnimated     = errors.New("profile: animated picture")
)

// decodeSlots lets one picture be decoded at a time per process: a
// 40-megapixel picture takes up to 160 MB while it is decoded, and the
// portal runs with a 96 MiB soft memory limit.
var decodeSlots = make(chan struct{}, 1)

// Squares is a processed picture: JPEG squares of Large and Small pixels.
type Squares struct{ Large, Small []byte }

// Process checks an upload and makes its squares. It reads the header
// first: only JPEG, PNG and WebP, at most 40 megapixels, nothing animated,
// before a single pixel is decoded. The decoded picture is turned upright
// by its EXIF orientation (imaging reads the tag), cropped to its centre
// square, scaled with Catmull-Rom (golang.org/x/image/draw) over white and
// written as new JPEGs: no EXIF, GPS or other metadata of the upload
// survives.
func Process(ctx context.Context, data []byte) (Squares, error) {
	if len(data) > MaxBytes {
		return Squares{}, ErrTooLarge
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if isGIF(data) {
			return Squares{}, gifError(data)
		}
		return Squares{}, ErrNotImage
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return Squares{}, ErrTooManyPixel
	}
	if cfg.Width < MinSide || cfg.Height < MinSide {
		return Squares{}, ErrTooSmall
	}
	switch format {
	case "jpeg":
	case "png":
		if apng(data) {
			return Squares{}, ErrAnimated
		}
	case "webp":
		if animatedWebP(data) {
			return Squares{}, ErrAnimated
		}
	case "gif":
		return Squares{}, gifError(data)
	default:
		return Squares{}, ErrFormat
	}
	select {
	case decodeSlots <- struct{}{}:
		defer func() { <-decodeSlots }()
	case <-ctx.Done():
		return Squares{}, fmt.Errorf("profile: wait to decode: %w", ctx.Err())
	}
	img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	if err != nil {
		return Squares{}, ErrNotImage
	}
	square := centreSquare(img.Bounds())
	large, err := scaled(img, square, Large)
	if err != nil {
		return Squares{}, err
	}
	small, err := scaled(img, square, Small)
	if err != nil {
		return Squares{}, err
	}
	return Squares{Large: large, Small: small}, nil
}

// centreSquare is the largest square in the middle of b.
func centreSquare(b image.Rectangle) image.Rectangle {
	side := min(b.Dx(), b.Dy())
	x := b.Min.X + (b.Dx()-side)/2
	y := b.Min.Y + (b.Dy()-side)/2
	return image.Rect(x, y, x+side, y+side)
}

// scaled draws the square src of img at size × size over white and
// encodes it as JPEG.
func scaled(img image.Image, src image.Rectangle, size int) ([]byte, error) {
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, src, draw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 88}); err != nil {
		return nil, fmt.Errorf("profile: encode %d px: %w", size, err)
	}
	return buf.Bytes(), nil
}

// readAll reads at most MaxBytes+1 bytes of r, so a larger upload is seen
// without keeping it.
func ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBytes {
		return nil, ErrTooLarge
	}
	return data, nil
}
