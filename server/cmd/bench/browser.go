package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// readyScript runs in every new document before its own scripts (through
// the DevTools protocol, so the portal's CSP does not apply). It stamps
// window.__benchReady with performance.now() — milliseconds since the
// navigation started — at the first frame drawn after the login form's
// identifier and password fields exist, enabled and not inert: then they
// accept typing (a frame is drawn only once the page's stylesheets are in).
// That is the server's HTML page; window.__benchApp stamps the moment the
// app has taken it over (<html data-app="running">). It also times
// WebAssembly.instantiateStreaming (download and compile overlap in it).
const readyScript = `(() => {
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = async function (...args) {
      const start = performance.now();
      const res = await orig.apply(this, args);
      if (res && res.instance) window.__benchWasm = { start, end: performance.now() };
      return res;
    };
  }
  const usable = (id) => { const e = document.getElementById(id); return e && !e.disabled && !e.closest("[inert]"); };
  const check = () => {
    if (!window.__benchApp && document.documentElement.dataset.app === "running") window.__benchApp = performance.now();
    if (!window.__benchSeen && usable("identifier") && usable("password")) {
      window.__benchSeen = true;
      requestAnimationFrame(() => { window.__benchReady = performance.now(); });
    }
    return window.__benchSeen && window.__benchApp;
  };
  // From the document's first node on: the fields can be usable long
  // before DOMContentLoaded (which waits for the deferred scripts).
  const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
})();`

// visitTimes is what the page itself measured, in ms since navigation
// start.
type visitTimes struct {
	Ready        float64 `json:"ready"`
	App          float64 `json:"app"`          // the app took the page over (0: not within the wait)
	DOMDone      float64 `json:"dom"`          // DOMContentLoaded ended
	WasmEnd      float64 `json:"wasm"`         // app.wasm fully received (0 if not a resource entry)
	Instantiated float64 `json:"instantiated"` // WebAssembly.instantiateStreaming resolved: compiled, instantiated
}

// String tells where the time went.
func (v visitTimes) String() string {
	return fmt.Sprintf("login form usable %.0f ms, DOMContentLoaded %.0f ms, app.wasm received %.0f ms, compiled and instantiated %.0f ms, app took over %.0f ms",
		v.Ready, v.DOMDone, v.WasmEnd, v.Instantiated, v.App)
}

const visitTimesJS = `(() => {
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/web/app.wasm")) || {};
  const inst = window.__benchWasm || {};
  return { ready: window.__benchReady || 0, app: window.__benchApp || 0, dom: nav.domContentLoadedEventEnd || 0, wasm: wasm.responseEnd || 0, instantiated: inst.end || 0 };
})()`

// browserResult is the cold and the warm visit of the login page, several
// times, each time with a new profile.
type browserResult struct {
	cold, warm []visitTimes
	chromium   string
}

// medianVisit is the visit with the median ready time.
func medianVisit(v []visitTimes) visitTimes {
	s := slices.Clone(v)
	slices.SortFunc(s, func(a, b visitTimes) int { return cmp.Compare(a.Ready, b.Ready) })
	return s[len(s)/2]
}

func readyList(v []visitTimes) string {
	var s []string
	for _, x := range v {
		s = append(s, fmt.Sprintf("%.0f", x.Ready))
	}
	return strings.Join(s, " ")
}

// measureBrowser runs browserVisits times: a new Chromium with a new
// profile opens /login (cold), waits until the app's service worker
// controls the page, then opens it again (warm). The machine is shared, so
// the figures are the medians.
func measureBrowser(ctx context.Context, srv *server, tmp string, p *progress) (browserResult, error) {
	const browserVisits = 5
	var r browserResult
	bin, err := chromiumPath()
	if err != nil {
		return r, err
	}
	r.chromium = bin
	url := srv.base + "/login"
	p.printf("page loads: %d times a new headless Chromium profile opens %s (cold), then again (warm)", browserVisits, url)
	for i := range browserVisits {
		cold, warm, err := coldAndWarm(ctx, bin, url, tmp)
		if err != nil {
			return r, err
		}
		r.cold = append(r.cold, cold)
		r.warm = append(r.warm, warm)
		p.printf("  %d/%d cold: %s", i+1, browserVisits, cold)
		p.printf("  %d/%d warm: %s", i+1, browserVisits, warm)
	}
	return r, nil
}

// coldAndWarm is one browser with a new profile, two visits.
func coldAndWarm(ctx context.Context, bin, url, tmp string) (cold, warm visitTimes, err error) {
	tab, stop, err := startChromium(ctx, bin, tmp, 1280, 800)
	if err != nil {
		return cold, warm, err
	}
	defer stop()
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: readyScript}); err != nil {
		return cold, warm, fmt.Errorf("chromium: add script: %w", err)
	}
	if cold, err = visit(tab, url, true); err != nil {
		return cold, warm, fmt.Errorf("cold load: %w", err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`navigator.serviceWorker.controller !== null`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		return cold, warm, fmt.Errorf("service worker: %w", err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
		return cold, warm, err
	}
	if warm, err = visit(tab, url, true); err != nil {
		return cold, warm, fmt.Errorf("warm load: %w", err)
	}
	return cold, warm, nil
}

// startChromium starts a headless Chromium with a new profile in tmp and a
// window of w×h, on about:blank; stop ends it.
func startChromium(ctx context.Context, bin, tmp string, w, h int) (tab context.Context, stop func(), err error) {
	profile, err := os.MkdirTemp(tmp, "chromium-profile-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(w, h),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	stop = func() { cancelTab(); cancelAlloc() }
	if err := chromedp.Do(tab, chromedp.Navigate("about:blank")); err != nil {
		stop()
		return nil, nil, fmt.Errorf("start chromium: %w", err)
	}
	return tab, stop, nil
}

// visit navigates to url and waits for the ready stamp.
// With waitApp it also waits until the app has taken the page over.
func visit(tab context.Context, url string, waitApp bool) (visitTimes, error) {
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		return visitTimes{}, err
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[float64](`window.__benchReady`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		return visitTimes{}, fmt.Errorf("the login form did not become usable: %w", err)
	}
	if !waitApp {
		return chromedp.Run(tab, chromedp.Evaluate[visitTimes](visitTimesJS))
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[float64](`window.__benchApp`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		return visitTimes{}, fmt.Errorf("the app did not take the page over: %w", err)
	}
	return chromedp.Run(tab, chromedp.Evaluate[visitTimes](visitTimesJS))
}

// chromiumPath finds the browser: $CHROMIUM, then the usual names.
func chromiumPath() (string, error) {
	if c := os.Getenv("CHROMIUM"); c != "" {
		return c, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return filepath.Clean(p), nil
		}
	}
	return "", errors.New("no Chromium found: install chromium or set CHROMIUM")
}
