package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// waitHeading waits for a heading by its words (the page shows some
// headings in capitals, which innerText reports as shown).
func waitHeading(tab *browsertest.Tab, words string) {
	tab.T.Helper()
	tab.Wait("the heading "+words, `[...document.querySelectorAll("h1, h2")].some(h => h.textContent.trim() === `+strconv.Quote(words)+`)`)
}

// pressEnter presses Enter the way a keyboard does: one keydown that
// carries the text, so a handler that cancels the keydown cancels the new
// line too (chromedp's KeyEvent sends the text as a separate event).
func pressEnter(tab *browsertest.Tab) {
	tab.T.Helper()
	key := input.DispatchKeyEventParams{Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
	down, up := key, key
	down.Type, down.Text, down.UnmodifiedText = input.DispatchKeyEventTypeKeyDown, "\r", "\r"
	up.Type = input.DispatchKeyEventTypeKeyUp
	for _, ev := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Call(tab.Ctx, input.DispatchKeyEvent, ev); err != nil {
			tab.T.Fatalf("press Enter: %v", err)
		}
	}
}

// A visitor finds an answer the three ways the help centre offers: search
// (with a typo), the related articles, and the assistant, whose link leads
// to the article it used.
func TestHelpCentreWalk(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/help")
	tab.WaitText("Help centre")
	waitHeading(tab, "Most read")
	waitHeading(tab, "All topics")
	tab.WaitText("Activate two-factor authentication")
	waitHeading(tab, "MINI AI Assistant")
	tab.WaitText("0 / 200")
	tab.Shot("help")

	// An empty search is caught in the browser.
	before := tab.APICalls()
	tab.Click("Search")
	tab.WaitText("Please type what you are looking for")
	if after := tab.APICalls(); after != before {
		t.Fatalf("an empty search called the server (%d calls)", after-before)
	}

	tab.Fill("Search the help centre", "pasword")
	tab.Submit("Search", "Results for “pasword”")
	tab.WaitText("Forgot your password?")
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("#search-results mark").length`); n == 0 {
		t.Fatal("the search hits highlight nothing")
	}
	tab.Wait("the query in the address", `location.search === "?q=pasword"`)
	tab.Shot("help-search")

	tab.Click("Forgot your password?")
	tab.WaitPath("/help/forgot-password")
	tab.WaitText("Was this article helpful?")
	if crumbs := browsertest.Eval[string](tab, `document.querySelector("nav[aria-label=Breadcrumb] ol").innerText`); !strings.Contains(crumbs, "Help centre") || !strings.Contains(crumbs, "Password") {
		t.Fatalf("breadcrumb: %q", crumbs)
	}
	pressed := `[...document.querySelectorAll(".votes-buttons button")].map(b => b.getAttribute("aria-pressed")).join()`
	if got := browsertest.Eval[string](tab, pressed); got != "false,false" {
		t.Fatalf("aria-pressed before voting: %s", got)
	}
	tab.Submit("Yes", "Thank you for your feedback.")
	if got := browsertest.Eval[string](tab, pressed); got != "true,false" {
		t.Fatalf("aria-pressed after Yes: %s", got)
	}
	tab.WaitText("Helpful for 1 of 1 readers.")
	tab.Shot("help-article")
	// The vote can be changed, and still counts once.
	tab.Submit("No", "Helpful for 0 of 1 readers.")
	if got := browsertest.Eval[string](tab, pressed); got != "false,true" {
		t.Fatalf("aria-pressed after No: %s", got)
	}
	// The server remembers the vote.
	tab.Reload()
	tab.WaitApp()
	tab.Wait("the vote after a reload", pressed+` === "false,true"`)

	waitHeading(tab, "Related articles")
	tab.Click("Your MINI ID is temporarily blocked")
	tab.WaitPath("/help/temporarily-blocked")
	tab.Wait("the related article", `document.querySelector("h1").innerText === "Your MINI ID is temporarily blocked"`)
	if tab.Has("Thank you for your feedback.") {
		t.Fatal("the thanks for the last article is still shown")
	}

	// The assistant: the counter counts characters, Enter asks.
	q := "how do I switch on two-factor authentication"
	tab.Fill("Your question", q)
	tab.WaitText(strconv.Itoa(len(q)) + " / 200")
	pressEnter(tab)
	tab.WaitText("Read the article: Activate two-factor authentication")
	if v := browsertest.Eval[string](tab, `document.getElementById("assistant-q").value`); v != q {
		t.Fatalf("Enter changed the question to %q", v)
	}
	tab.Shot("help-assistant")
	tab.Click("Read the article: Activate two-factor authentication")
	tab.WaitPath("/help/two-factor-activate")
	tab.Wait("the assistant's article", `document.querySelector("h1").innerText === "Activate two-factor authentication"`)
}

// The question box: a live counter in characters, a 200-character limit
// that refuses a longer question without cutting it, an empty question
// stopped in the browser, an honest "no answer" with where to turn, and
// the answer's words in the question's language.
func TestHelpAssistantLimits(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/help/log-in")
	tab.WaitText("Log in to your MINI ID")
	tab.WaitText("0 / 200")

	before := tab.APICalls()
	tab.Click("Ask")
	tab.WaitText("Please type a question.")
	if after := tab.APICalls(); after != before {
		t.Fatalf("an empty question called the server (%d calls)", after-before)
	}
	if got := browsertest.Eval[string](tab, `document.getElementById("assistant-q").getAttribute("aria-invalid")`); got != "true" {
		t.Fatalf("the empty question is not marked invalid: %q", got)
	}

	// A question over 200 characters is never cut: the box keeps all of
	// it, the counter turns red, a message says what to do, and Ask
	// refuses it without calling the server.
	long := strings.Repeat("word ", 48) + "ab"
	tab.Fill("Your question", long)
	tab.WaitText("242 / 200")
	if n := browsertest.Eval[int](tab, `document.getElementById("assistant-q").value.length`); n != 242 {
		t.Fatalf("the box holds %d characters, want all 242", n)
	}
	tab.WaitText("Your question has 242 characters – 42 more than the 200 I can take. Please shorten it")
	red := `(() => { const c = document.getElementById("assistant-q-counter"), h = document.getElementById("assistant-q-hint");
		return c.classList.contains("over") && getComputedStyle(c).color !== getComputedStyle(h).color; })()`
	if !browsertest.Eval[bool](tab, red) {
		t.Fatal("the counter of a question over 200 characters is not red")
	}
	if got := browsertest.Eval[string](tab, `document.getElementById("assistant-q").getAttribute("aria-invalid")`); got != "true" {
		t.Fatalf("the long question is not marked invalid: %q", got)
	}
	tab.Shot("assistant-too-long")
	before = tab.APICalls()
	tab.Click("Ask")
	tab.WaitText("42 more than the 200 I can take")
	if after := tab.APICalls(); after != before {
		t.Fatalf("a question over 200 characters called the server (%d calls)", after-before)
	}
	// Characters, not bytes: "ü" is two bytes and one character. The
	// message goes when the question fits.
	tab.Fill("Your question", "Grüße")
	tab.WaitText("5 / 200")
	if tab.Has("more than the 200 I can take") || browsertest.Eval[bool](tab, `document.getElementById("assistant-q-counter").classList.contains("over")`) {
		t.Fatal("the too-long message stays for a short question")
	}

	tab.Fill("Your question", "what is the weather in Munich tomorrow")
	tab.Submit("Ask", "I don't have an answer to that.")
	tab.WaitText("MINI Customer Support and your MINI partner are there for you")
	tab.Shot("assistant-no-answer")

	// A German question on the English page: the answer and the words
	// around it are German.
	tab.Fill("Your question", "Wie lösche ich mein Konto?")
	tab.Submit("Ask", "Zum Artikel: Ihre MINI ID löschen")
	if h := browsertest.Eval[string](tab, `document.querySelector(".answer h3").textContent`); h != "Antwort" {
		t.Fatalf("the answer's heading is %q, want Antwort", h)
	}
	tab.Shot("assistant-german-on-english-page")

	tab.Open(env.URL + "/help/no-such-article")
	tab.WaitText("Article not found")
	tab.Shot("help-missing")
	tab.Click("Back to the help centre")
	tab.WaitPath("/help")
	waitHeading(tab, "Most read")
}

// A German visitor gets the help centre in German.
func TestHelpCentreGerman(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/help")
	browsertest.Eval[bool](tab, `(localStorage.setItem("lang", JSON.stringify("de")), true)`)
	tab.Reload()
	tab.WaitApp()
	waitHeading(tab, "MINI KI-Assistent")
	tab.WaitText("Hilfe-Center")
	waitHeading(tab, "Meistgelesen")
	tab.WaitText("Zwei-Faktor-Authentifizierung aktivieren")
	tab.Fill("Hilfe-Center durchsuchen", "Passwort vergessen")
	pressEnter(tab)
	tab.WaitText("Ergebnisse für „Passwort vergessen“")
	tab.WaitText("Passwort vergessen?")
	tab.Shot("help-de")
	tab.Fill("Ihre Frage", "Wie lösche ich mein Konto?")
	tab.Submit("Fragen", "Zum Artikel:")
	tab.Click("Zum Artikel:")
	tab.WaitText("War dieser Artikel hilfreich?")
	waitHeading(tab, "Verwandte Artikel")
	tab.Shot("help-article-de")
}

// A search is a navigation: Back returns to the results, and "Help" in the
// status bar returns to the plain help centre.
func TestHelpSearchIsANavigation(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/help")
	tab.Fill("Search the help centre", "code")
	tab.Submit("Search", "Results for “code”")
	tab.WaitPath("/help")
	if q := browsertest.Eval[string](tab, `location.search`); q != "?q=code" {
		t.Fatalf("search not in the address: %q", q)
	}
	tab.Click("Help")
	tab.Wait("the plain help centre", `location.search === "" && !document.body.innerText.includes("Results for")`)
	browsertest.Eval[bool](tab, `(history.back(), true)`)
	tab.WaitText("Results for “code”")
}
