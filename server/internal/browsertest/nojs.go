package browsertest

import (
	"sync"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// NoScript switches the page's JavaScript off, as a browser set to block
// it does (the test still reads and clicks through the DevTools protocol).
func (tab *Tab) NoScript() {
	tab.T.Helper()
	tab.noScript = true
	tab.scripts(false)
}

func (tab *Tab) scripts(on bool) {
	tab.T.Helper()
	if _, err := chromedp.Call(tab.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		tab.T.Fatalf("chromium: scripts %v: %v", on, err)
	}
}

// Visit navigates to url and waits for the page, not for the app.
func (tab *Tab) Visit(url string) {
	tab.T.Helper()
	tab.do("open "+url, chromedp.Navigate(url))
}

// WasmGate holds back /web/app.wasm until Release: the server's page is all
// there is until then, as on a slow network.
type WasmGate struct {
	tab     *Tab
	mu      sync.Mutex
	held    []fetch.RequestID
	release bool
}

// HoldWasm starts holding the app's wasm.
func (tab *Tab) HoldWasm() *WasmGate {
	tab.T.Helper()
	g := &WasmGate{tab: tab}
	listen := chromedp.Listen(tab.Ctx, func(ev any) {
		e, ok := ev.(*fetch.EventRequestPaused)
		if !ok {
			return
		}
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.release {
			go g.cont(e.RequestID)
			return
		}
		g.held = append(g.held, e.RequestID)
	})
	if listen != nil {
		tab.T.Fatalf("chromium: listen: %v", listen)
	}
	params := fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/web/app.wasm*"}}}
	if _, err := chromedp.Call(tab.Ctx, fetch.Enable, params); err != nil {
		tab.T.Fatalf("chromium: hold the wasm: %v", err)
	}
	return g
}

func (g *WasmGate) cont(id fetch.RequestID) {
	chromedp.Call(g.tab.Ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
}

// Release lets the wasm through.
func (g *WasmGate) Release() {
	g.mu.Lock()
	g.release = true
	held := g.held
	g.held = nil
	g.mu.Unlock()
	for _, id := range held {
		g.cont(id)
	}
}

// Held reports whether a request for the wasm is waiting.
func (g *WasmGate) Held() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.held) > 0
}
