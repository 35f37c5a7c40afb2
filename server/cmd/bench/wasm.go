package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/minicorp/miniid/server/internal/gotool"
)

// minimalMain is the smallest go-app v10 client: one component, one route.
const minimalMain = `package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
`

// goAppVersion is the go-app the portal pins (go.mod).
const goAppVersion = "v10.1.11"

// wasmResult compares the portal's app.wasm with the minimal client.
type wasmResult struct {
	appRaw, appBr, minRaw, minBr int
}

func (r wasmResult) ratio() float64 { return float64(r.appBr) / float64(r.minBr) }

// measureWasm builds the minimal client in a module of its own (a temporary
// directory, go.sum copied from the repository, no replace) with the flags
// of `make wasm`, then compresses both it and static/web/app.wasm with
// brotli at quality 11 (window 2^24, as cmd/precompress does).
func measureWasm(ctx context.Context, root, tmp string, p *progress) (wasmResult, error) {
	var r wasmResult
	app, err := os.ReadFile(filepath.Join(root, "static/web/app.wasm"))
	if err != nil {
		return r, fmt.Errorf("static/web/app.wasm: %w (run make wasm, or make bench)", err)
	}
	dir := filepath.Join(tmp, "minimal-go-app")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return r, err
	}
	goVersion, err := goDirective(filepath.Join(root, "go.mod"))
	if err != nil {
		return r, err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return r, err
	}
	files := map[string]string{
		"go.mod":  "module minimal\n\ngo " + goVersion + "\n\nrequire github.com/maxence-charriere/go-app/v10 " + goAppVersion + "\n",
		"go.sum":  string(sum),
		"main.go": minimalMain,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			return r, err
		}
	}
	p.printf("building the minimal go-app %s client (GOOS=js GOARCH=wasm -trimpath -ldflags='-s -w')", goAppVersion)
	out := filepath.Join(dir, "app.wasm")
	cmd := exec.CommandContext(ctx, gotool.Command(), "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK=off", "GOFLAGS=-mod=mod -buildvcs=false")
	if b, err := cmd.CombinedOutput(); err != nil {
		return r, fmt.Errorf("build the minimal go-app client: %w\n%s", err, b)
	}
	minWasm, err := os.ReadFile(out)
	if err != nil {
		return r, err
	}
	p.printf("brotli quality 11 of app.wasm (%d bytes) and the minimal client (%d bytes), in parallel", len(app), len(minWasm))
	start := time.Now()
	var wg sync.WaitGroup
	var appBr, minBr int
	var errApp, errMin error
	wg.Add(2)
	go func() { defer wg.Done(); appBr, errApp = brotliSize(app) }()
	go func() { defer wg.Done(); minBr, errMin = brotliSize(minWasm) }()
	wg.Wait()
	if errApp != nil || errMin != nil {
		return r, fmt.Errorf("brotli: %v %v", errApp, errMin)
	}
	r = wasmResult{appRaw: len(app), appBr: appBr, minRaw: len(minWasm), minBr: minBr}
	p.printf("  app.wasm %d → %d bytes, minimal %d → %d bytes (%s)", r.appRaw, r.appBr, r.minRaw, r.minBr, time.Since(start).Round(time.Second))
	return r, nil
}

func brotliSize(b []byte) (int, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 11, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}

// goDirective reads the go line of a go.mod.
func goDirective(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "go "); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("%s has no go line", path)
}
