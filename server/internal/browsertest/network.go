package browsertest

import (
	"strings"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Offline cuts the tab off the network, its service worker included, and
// tells the page so (navigator.onLine), as the browser's offline mode does;
// Offline(false) reconnects it.
func (tab *Tab) Offline(off bool) {
	tab.T.Helper()
	if _, err := chromedp.Call(tab.Ctx, network.Enable, network.EnableParams{}); err != nil {
		tab.T.Fatalf("chromium: network: %v", err)
	}
	rule := network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &off,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}},
	}
	if _, err := chromedp.Call(tab.Ctx, network.EmulateNetworkConditionsByRule, rule); err != nil {
		tab.T.Fatalf("chromium: offline %v: %v", off, err)
	}
	state := network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}
	if _, err := chromedp.Call(tab.Ctx, network.OverrideNetworkState, state); err != nil {
		tab.T.Fatalf("chromium: navigator.onLine %v: %v", !off, err)
	}
}

// CookieHeader returns the cookies the browser holds for url, as a Cookie
// header (to ask the server as this browser).
func (tab *Tab) CookieHeader(url string) string {
	tab.T.Helper()
	res, err := chromedp.Call(tab.Ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{url}})
	if err != nil {
		tab.T.Fatalf("chromium: cookies: %v", err)
	}
	var parts []string
	for _, c := range res.Cookies {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}
