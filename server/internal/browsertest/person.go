package browsertest

import (
	"strconv"
	"strings"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// findJS is the page-side helper that finds what a person would find: a
// control by its visible words (buttons, links, menu items), an input by its
// label. Only visible elements count, and while a modal dialog is open, the
// dialog's own controls come first (the page behind it is covered).
const findJS = `(window.__t = window.__t || {
  visible(e) { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; },
  norm(s) { return (s || "").replace(/\s+/g, " ").trim(); },
  control(words) {
    const dialog = document.querySelector('[role=dialog][aria-modal=true]');
    const find = (root) => {
      const all = [...root.querySelectorAll('button, a, [role=menuitem], [role=button]')].filter(e => this.visible(e));
      return all.find(e => this.norm(e.innerText) === words || e.getAttribute('aria-label') === words)
          || all.find(e => this.norm(e.innerText).startsWith(words) || (e.getAttribute('aria-label') || '').startsWith(words + ' ('));
    };
    return (dialog && find(dialog)) || find(document);
  },
  field(label) {
    const l = [...document.querySelectorAll('label')].find(l => this.norm(l.innerText).replace(/ \(optional\)$/, '') === label && this.visible(l));
    return l && document.getElementById(l.htmlFor);
  },
}), `

// Click clicks the button or link a person would call words.
func (tab *Tab) Click(words string) {
	tab.T.Helper()
	tab.waitJS(`a control "`+words+`"`, findJS+`window.__t.control(`+jsString(words)+`) && !window.__t.control(`+jsString(words)+`).disabled`)
	Eval[bool](tab, findJS+`(window.__t.control(`+jsString(words)+`).click(), true)`)
}

// Submit clicks words and waits until the page has heard back from the
// server (every API call it started has finished) and shows expect.
func (tab *Tab) Submit(words, expect string) {
	tab.T.Helper()
	before := Eval[int](tab, `window.__apiDone || 0`)
	tab.Click(words)
	tab.waitJS(`an answer to "`+words+`"`, `(window.__apiDone || 0) > `+strconv.Itoa(before)+` && !window.__apiInFlight`)
	if expect != "" {
		tab.WaitText(expect)
	}
}

// Fill types value into the input labelled label, like a person typing.
func (tab *Tab) Fill(label, value string) {
	tab.T.Helper()
	tab.waitJS(`a field "`+label+`"`, findJS+`window.__t.field(`+jsString(label)+`)`)
	// Select what is there and type over it, as a person would.
	id := Eval[string](tab, findJS+`(() => { const f = window.__t.field(`+jsString(label)+`); f.focus(); f.select(); return f.id; })()`)
	if value == "" {
		tab.do(`clear "`+label+`"`, chromedp.KeyEvent("\b"))
		return
	}
	tab.do(`fill "`+label+`"`, chromedp.SendKeys(chromedp.ID(id), value))
}

// Select chooses the option with the visible text option in the select
// labelled label.
func (tab *Tab) Select(label, option string) {
	tab.T.Helper()
	tab.waitJS(`a select "`+label+`"`, findJS+`window.__t.field(`+jsString(label)+`)`)
	Eval[bool](tab, findJS+`(() => { const s = window.__t.field(`+jsString(label)+`);
	  const o = [...s.options].find(o => o.text === `+jsString(option)+`); if (!o) return false;
	  s.value = o.value; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
}

// Check ticks the checkbox labelled label.
func (tab *Tab) Check(label string) {
	tab.T.Helper()
	tab.waitJS(`a checkbox "`+label+`"`, findJS+`window.__t.field(`+jsString(label)+`)`)
	Eval[bool](tab, findJS+`(() => { const c = window.__t.field(`+jsString(label)+`); if (!c.checked) c.click(); return c.checked; })()`)
}

// WaitText waits until the page shows text.
func (tab *Tab) WaitText(text string) {
	tab.T.Helper()
	tab.waitJS(`the text "`+text+`"`, `document.body.innerText.includes(`+jsString(text)+`)`)
}

// WaitPath waits until the address is path.
func (tab *Tab) WaitPath(path string) {
	tab.T.Helper()
	tab.waitJS(`the page `+path, `location.pathname === `+jsString(path))
}

// Text returns what the page shows.
func (tab *Tab) Text() string {
	tab.T.Helper()
	return Eval[string](tab, `document.body.innerText`)
}

// Has reports whether the page shows text now.
func (tab *Tab) Has(text string) bool {
	return strings.Contains(tab.Text(), text)
}

// Press sends a key to the focused element ("Escape", "Enter", "Tab",
// "ArrowDown", "ArrowUp", "Home", "End").
func (tab *Tab) Press(key string) {
	tab.T.Helper()
	k := map[string]string{"Enter": "\r", "Tab": "\t", "Escape": "\u001b",
		"ArrowDown": kb.ArrowDown, "ArrowUp": kb.ArrowUp, "Home": kb.Home, "End": kb.End}[key]
	if k == "" {
		k = key
	}
	tab.do("press "+key, chromedp.KeyEvent(k))
}

// Focused describes the focused element (id, or tag and text).
func (tab *Tab) Focused() string {
	tab.T.Helper()
	return Eval[string](tab, `(() => { const e = document.activeElement; return e ? (e.id || e.tagName + ":" + (e.innerText||"").trim()) : ""; })()`)
}

// Wait waits for a JavaScript condition.
func (tab *Tab) Wait(what, cond string) {
	tab.T.Helper()
	tab.waitJS(what, cond)
}

// SendKeys types into the focused element ("\r" is Enter).
func (tab *Tab) SendKeys(keys string) {
	tab.T.Helper()
	tab.do("type", chromedp.KeyEvent(keys))
}

// ClickID clicks the element with id (for controls whose words repeat on a
// page, like the "Edit" of each row).
func (tab *Tab) ClickID(id string) {
	tab.T.Helper()
	tab.waitJS("#"+id, `document.getElementById(`+jsString(id)+`) && !document.getElementById(`+jsString(id)+`).disabled`)
	Eval[bool](tab, `(document.getElementById(`+jsString(id)+`).click(), true)`)
}

// ClickIn clicks the control called words inside the row (list item,
// section) that shows rowText: "Edit" next to "TWO-FACTOR AUTHENTICATION".
func (tab *Tab) ClickIn(rowText, words string) {
	tab.T.Helper()
	find := `(() => {
	  const rows = [...document.querySelectorAll('.datarow, li, tr, section, fieldset')].filter(r => r.innerText.includes(` + jsString(rowText) + `));
	  for (const r of rows) {
	    const c = [...r.querySelectorAll('button, a')].find(e => e.innerText.trim() === ` + jsString(words) + ` && !e.disabled);
	    if (c) return c;
	  }
	  return null;
	})()`
	tab.waitJS(`"`+words+`" next to "`+rowText+`"`, find)
	Eval[bool](tab, `(`+find+`.click(), true)`)
}
