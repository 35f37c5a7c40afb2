package profile

import (
	"bytes"
	"encoding/binary"
	"io"

	"golang.org/x/image/riff"
)

// The decoders of the standard library and x/image read one frame and say
// nothing of more; telling an animation needs a look at the file's
// structure. These walk only the chunk or block headers, never the pixels.

// apng reports whether a PNG is animated: an APNG has an acTL chunk before
// its first IDAT (PNG spec, APNG extension).
func apng(data []byte) bool {
	const sigLen = 8
	p := sigLen
	for p+8 <= len(data) {
		n := int(binary.BigEndian.Uint32(data[p:]))
		typ := string(data[p+4 : p+8])
		switch typ {
		case "acTL":
			return true
		case "IDAT", "IEND":
			return false
		}
		p += 12 + n // length, type, data, CRC
	}
	return false
}

// animatedWebP reports whether a WebP is animated: its VP8X chunk has the
// animation flag, or it has ANIM or ANMF chunks. x/image's riff reader
// walks the chunks.
func animatedWebP(data []byte) bool {
	_, r, err := riff.NewReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	for {
		id, _, chunk, err := r.Next()
		if err != nil {
			return false
		}
		switch string(id[:]) {
		case "ANIM", "ANMF":
			return true
		case "VP8X":
			var flags [1]byte
			if _, err := io.ReadFull(chunk, flags[:]); err != nil {
				return false
			}
			if flags[0]&0x02 != 0 {
				return true
			}
		}
	}
}

func isGIF(data []byte) bool {
	return bytes.HasPrefix(data, []byte("GIF87a")) || bytes.HasPrefix(data, []byte("GIF89a"))
}

// gifError tells an animated GIF (more than one frame) from a still one:
// neither is accepted, but each gets its own message.
func gifError(data []byte) error {
	if gifFrames(data) > 1 {
		return ErrAnimated
	}
	return ErrFormat
}

// gifFrames counts the image descriptors of a GIF up to two, walking its
// blocks (GIF89a spec: header, logical screen, colour table, then
// extensions and images of length-prefixed sub-blocks).
func gifFrames(data []byte) int {
	if len(data) < 13 {
		return 0
	}
	p := 13
	if data[10]&0x80 != 0 {
		p += 3 << (data[10]&0x07 + 1)
	}
	skipSubBlocks := func() bool {
		for p < len(data) {
			n := int(data[p])
			p++
			if n == 0 {
				return true
			}
			p += n
		}
		return false
	}
	frames := 0
	for p < len(data) && frames < 2 {
		switch data[p] {
		case 0x21: // extension: label, sub-blocks
			p += 2
			if !skipSubBlocks() {
				return frames
			}
		case 0x2C: // image descriptor, local colour table, LZW size, sub-blocks
			frames++
			if p+10 > len(data) {
				return frames
			}
			packed := data[p+9]
			p += 10
			if packed&0x80 != 0 {
				p += 3 << (packed&0x07 + 1)
			}
			p++ // LZW minimum code size
			if !skipSubBlocks() {
				return frames
			}
		default: // trailer or garbage
			return frames
		}
	}
	return frames
}
