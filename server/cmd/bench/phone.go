package main

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A slow phone as the DevTools protocol emulates it: 1.6 Mbit/s down,
// 0.75 Mbit/s up, 150 ms round trip, the CPU 4× slower, 360 px wide.
const (
	phoneDown      = 1.6e6 / 8  // bytes per second
	phoneUp        = 0.75e6 / 8 // bytes per second
	phoneLatencyMS = 150
	phoneCPU       = 4
	phoneVisits    = 5
)

// phoneResult is the slow phone's cold visits of /login, with the app and
// with app.wasm blocked (the HTML alone).
type phoneResult struct {
	cold, html []visitTimes
}

// measurePhone opens /login phoneVisits times on an emulated slow phone,
// each time in a new Chromium profile (cold: nothing cached), once as it
// is and once with app.wasm blocked.
func measurePhone(ctx context.Context, srv *server, tmp string, p *progress) (phoneResult, error) {
	var r phoneResult
	bin, err := chromiumPath()
	if err != nil {
		return r, err
	}
	url := srv.base + "/login"
	p.printf("slow phone: %d cold visits of %s (1.6/0.75 Mbit/s, 150 ms, CPU ×4, 360 px), then %d with app.wasm blocked", phoneVisits, url, phoneVisits)
	for i := range phoneVisits {
		v, err := phoneVisit(ctx, bin, url, tmp, false)
		if err != nil {
			return r, fmt.Errorf("slow phone: %w", err)
		}
		r.cold = append(r.cold, v)
		p.printf("  %d/%d: %s", i+1, phoneVisits, v)
	}
	for i := range phoneVisits {
		v, err := phoneVisit(ctx, bin, url, tmp, true)
		if err != nil {
			return r, fmt.Errorf("slow phone, HTML only: %w", err)
		}
		r.html = append(r.html, v)
		p.printf("  HTML only %d/%d: %s", i+1, phoneVisits, v)
	}
	return r, nil
}

// phoneVisit is one new browser on the slow phone, one visit.
func phoneVisit(ctx context.Context, bin, url, tmp string, blockWasm bool) (visitTimes, error) {
	tab, stop, err := startChromium(ctx, bin, tmp, 360, 740)
	if err != nil {
		return visitTimes{}, err
	}
	defer stop()
	steps := []func() error{
		func() error {
			_, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: readyScript})
			return err
		},
		func() error { _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); return err },
		func() error {
			_, err := chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
				MatchedNetworkConditions: []*network.Conditions{{Latency: phoneLatencyMS, DownloadThroughput: phoneDown, UploadThroughput: phoneUp}}})
			return err
		},
		func() error {
			_, err := chromedp.Call(tab, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: phoneCPU})
			return err
		},
		func() error {
			_, err := chromedp.Call(tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: 360, Height: 740, DeviceScaleFactor: 2, Mobile: true})
			return err
		},
	}
	if blockWasm {
		steps = append(steps, func() error {
			_, err := chromedp.Call(tab, network.SetBlockedURLs, network.SetBlockedURLsParams{
				URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/web/app.wasm", Block: true}}})
			return err
		})
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return visitTimes{}, fmt.Errorf("chromium: emulate the phone: %w", err)
		}
	}
	return visit(tab, url, !blockWasm)
}
