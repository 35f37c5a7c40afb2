// Command precompress writes app.wasm.br (brotli, quality 11) and
// app.wasm.gz (gzip, best) next to a file, but only when the file changed
// since the last run (a .sha256 stamp), because brotli at its best quality
// takes tens of seconds on two cores: once per build, never per start.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress FILE")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "precompress:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	stamp := hex.EncodeToString(sum[:])
	if old, err := os.ReadFile(path + ".sha256"); err == nil && string(old) == stamp && exists(path+".br") && exists(path+".gz") {
		fmt.Printf("precompress: %s unchanged, keeping its .br and .gz\n", path)
		return nil
	}
	var br bytes.Buffer
	bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: 11, LGWin: 24})
	if _, err := bw.Write(raw); err != nil {
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	var gz bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	gw.Write(raw)
	if err := gw.Close(); err != nil {
		return err
	}
	for name, b := range map[string][]byte{path + ".br": br.Bytes(), path + ".gz": gz.Bytes(), path + ".sha256": []byte(stamp)} {
		if err := os.WriteFile(name+".tmp", b, 0o644); err != nil {
			return err
		}
		if err := os.Rename(name+".tmp", name); err != nil {
			return err
		}
	}
	fmt.Printf("precompress: %s %d bytes → brotli %d, gzip %d\n", path, len(raw), br.Len(), gz.Len())
	return nil
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }
