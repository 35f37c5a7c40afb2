package browsertest

import (
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// apiCountJS counts the page's calls to the JSON API in window.__apiInFlight
// and window.__apiDone, so a test can wait until the page has heard back
// (Submit) or prove that it asked the server nothing. It wraps window.fetch
// in every new document before the page's own scripts run (through the
// DevTools protocol, so the portal's CSP does not apply): the app itself
// carries no test hooks. A call is done once its body has been read (as
// text, or as bytes: the profile picture), since the app reads every
// answer's body before it acts on it.
const apiCountJS = `(() => {
  const orig = window.fetch;
  if (!orig || window.__apiCounting) return;
  window.__apiCounting = true;
  window.__apiInFlight = 0;
  window.__apiDone = 0;
  const finished = () => { window.__apiInFlight--; window.__apiDone++; };
  window.fetch = function (input, init) {
    const url = typeof input === "string" ? input : (input && input.url) || "";
    if (!url.includes("/api/")) return orig.apply(this, arguments);
    window.__apiInFlight++;
    return orig.apply(this, arguments).then((res) => {
      let counted = false;
      for (const read of ["text", "arrayBuffer"]) {
        const orig = res[read];
        res[read] = function () {
          return orig.call(this).finally(() => { if (!counted) { counted = true; finished(); } });
        };
      }
      return res;
    }, (err) => { finished(); throw err; });
  };
})();`

// countAPICalls installs apiCountJS in the tab for every document it opens.
func (tab *Tab) countAPICalls() {
	tab.T.Helper()
	if _, err := chromedp.Call(tab.Ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: apiCountJS}); err != nil {
		tab.T.Fatalf("chromium: count API calls: %v", err)
	}
}

// APICalls waits until the page has no call to the JSON API under way and
// returns how many it has made. Two counts around an action prove that it
// asked the server nothing: a call the page made while it started (the
// session, an article in another language) is finished, not counted
// against the action.
func (tab *Tab) APICalls() int {
	tab.T.Helper()
	tab.waitJS("the page's calls to the API to finish", `!window.__apiInFlight`)
	return Eval[int](tab, `window.__apiDone || 0`)
}
