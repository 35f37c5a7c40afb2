package browsertest

import (
	_ "embed"
	"strings"
)

// axeJS is axe-core 4.10.3 (Deque Systems, MPL-2.0: axe/LICENSE), vendored
// as a test asset from the npm package axe-core, so the tests need no
// network. It runs in the page through the DevTools protocol (the
// portal's CSP does not apply there).
//
//go:embed axe/axe.min.js
var axeJS string

// axeRun checks the page against WCAG 2.1 A and AA (and axe's best
// practices) and returns the violations, one line each.
const axeRun = `(async () => {
  const r = await axe.run(document, { resultTypes: ["violations"],
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
  return r.violations.map((v) => v.id + " (" + v.impact + "): " + v.help + " — " +
    v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "));
})()`

// Axe runs axe-core on the page as it is now and fails the test for every
// violation it finds. Shot runs it on every screen a test looks at.
func (tab *Tab) Axe(screen string) {
	tab.T.Helper()
	if tab.noScript {
		// axe needs timers, which a page without JavaScript has none of:
		// scripts go on for the check (the page's own already ran, or not).
		tab.scripts(true)
		defer tab.scripts(false)
	}
	if !Eval[bool](tab, `typeof axe !== "undefined"`) {
		Eval[bool](tab, "(() => { "+axeJS+"\n; return true; })()")
	}
	found := Eval[[]string](tab, axeRun)
	if len(found) > 0 {
		tab.T.Errorf("axe-core on %s: %d violations:\n%s", screen, len(found), strings.Join(found, "\n"))
	}
}
