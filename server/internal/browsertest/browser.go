// Package browsertest drives the real app in a real headless Chromium
// (chromedp), finding things the way a person does: buttons and links by
// their words, inputs by their labels.
package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/minicorp/miniid/server/internal/testenv"
)

// Browser is one Chromium with a fresh profile.
type Browser struct {
	T     testing.TB
	alloc context.Context
	ctx   context.Context // the first tab; keeps the browser alive
}

// chromium finds the browser binary.
func chromium() string {
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	return ""
}

// New starts Chromium with a new, empty profile; the test skips (fails in
// strict mode) when there is none. The app.wasm must be built (make wasm).
func New(t testing.TB) *Browser {
	t.Helper()
	path := chromium()
	if path == "" {
		testenv.Skip(t, "no Chromium at /usr/bin/chromium (apt-get install chromium)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("start chromium: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	b := &Browser{T: t, alloc: alloc, ctx: ctx}
	b.Tab().countAPICalls()
	return b
}

// Tab is one page of the browser.
type Tab struct {
	T   testing.TB
	Ctx context.Context
}

// Tab returns the browser's first tab.
func (b *Browser) Tab() *Tab { return &Tab{T: b.T, Ctx: b.ctx} }

// NewTab opens another tab in the same profile (shared cookies and caches).
func (b *Browser) NewTab() *Tab {
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.T.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		b.T.Fatalf("new tab: %v", err)
	}
	tab := &Tab{T: b.T, Ctx: ctx}
	tab.countAPICalls()
	return tab
}

// do runs steps with a time limit, failing the test with what was expected.
func (tab *Tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tab.shot("failure")
		tab.T.Fatalf("%s: %v", what, err)
	}
}

// Eval evaluates a JavaScript expression (promises awaited) into a value of T.
func Eval[T any](tab *Tab, expr string) T {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tab.T.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

// Open navigates to url and waits until the wasm has taken over the page.
func (tab *Tab) Open(url string) {
	tab.T.Helper()
	tab.do("open "+url, chromedp.Navigate(url))
	tab.WaitApp()
}

// Goto navigates to url without waiting for the app: a page of another
// site (an app that logs in with the portal), or one the server answers
// without the app's help.
func (tab *Tab) Goto(url string) {
	tab.T.Helper()
	tab.do("open "+url, chromedp.Navigate(url))
}

// WaitApp waits until go-app's loader is gone (the wasm runs).
func (tab *Tab) WaitApp() {
	tab.T.Helper()
	tab.waitJS("the app to start", `!document.getElementById("app-wasm-loader") && !!document.querySelector("main")`)
}

// waitJS polls a JavaScript condition until it is true.
func (tab *Tab) waitJS(what, cond string) {
	tab.T.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(tab.Ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(()=>{try{return !!(`+cond+`)}catch(e){return false}})()`))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tab.shot("timeout")
			body, _ := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 1500) : ""`))
			tab.T.Fatalf("waiting for %s: gave up after 20 s (err %v); page says:\n%s", what, err, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// shot saves a screenshot into SCREENSHOT_DIR (if set) for a person to look at.
func (tab *Tab) shot(name string) {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		return
	}
	ctx, cancel := context.WithTimeout(tab.Ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil {
		safe := strings.NewReplacer("/", "_", " ", "_").Replace(tab.T.Name() + "-" + name)
		os.WriteFile(filepath.Join(dir, safe+".png"), png, 0o644)
	}
}

// Shot saves a screenshot at desktop width and at 360 px (SCREENSHOT_DIR).
func (tab *Tab) Shot(name string) {
	if os.Getenv("SCREENSHOT_DIR") == "" {
		return
	}
	tab.shot(name + "-desktop")
	tab.do("narrow viewport", chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile))
	time.Sleep(150 * time.Millisecond)
	tab.shot(name + "-360")
	tab.do("reset viewport", chromedp.EmulateViewport(1280, 900))
	time.Sleep(100 * time.Millisecond)
}

// Reload reloads the page (from the service worker when the server is gone).
func (tab *Tab) Reload() {
	tab.T.Helper()
	tab.do("reload", chromedp.Reload())
}

// InstallabilityErrors asks Chromium why the page could not be installed as
// an app (none means it can).
func (tab *Tab) InstallabilityErrors() []string {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 20*time.Second)
	defer cancel()
	res, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) (*page.GetInstallabilityErrorsResult, error) {
		r, err := cdp.Call(ctx, t, page.GetInstallabilityErrors, cdp.Empty{})
		return &r, err
	})
	if err != nil {
		tab.T.Fatalf("installability: %v", err)
	}
	var out []string
	for _, e := range res.InstallabilityErrors {
		out = append(out, e.ErrorID)
	}
	return out
}
