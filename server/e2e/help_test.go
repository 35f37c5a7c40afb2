package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/browsertest"
	"github.com/minicorp/miniid/server/internal/portaltest"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// A visitor finds an answer the three ways the help centre offers: search
// (with a typo), the related articles, and the assistant, whose link leads
// to the article it used.
func TestHelpCentreWalk(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/help")
	tab.WaitText("Help centre")
	tab.WaitText("Most read")
	tab.WaitText("All topics")
	tab.WaitText("Activate two-factor authentication")
	tab.WaitText("AI Assistant")
	tab.WaitText("0 / 200")
	tab.Shot("help")

	// An empty search is caught in the browser.
	before := browsertest.Eval[int](tab, `window.__apiDone || 0`)
	tab.Click("Search")
	tab.WaitText("Please type what you are looking for")
	if after := browsertest.Eval[int](tab, `window.__apiDone || 0`); after != before {
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

	tab.WaitText("Related articles")
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
	tab.Press("Enter")
	tab.WaitText("Read the article: Activate two-factor authentication")
	tab.Shot("help-assistant")
	tab.Click("Read the article: Activate two-factor authentication")
	tab.WaitPath("/help/two-factor-activate")
	tab.Wait("the assistant's article", `document.querySelector("h1").innerText === "Activate two-factor authentication"`)
}

// The question box: a live counter in characters, a 200-character limit,
// an empty question stopped in the browser, and an honest "no answer".
func TestHelpAssistantLimits(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/help/log-in")
	tab.WaitText("Log in to your MINI ID")
	tab.WaitText("0 / 200")

	before := browsertest.Eval[int](tab, `window.__apiDone || 0`)
	tab.Click("Ask")
	tab.WaitText("Please type a question.")
	if after := browsertest.Eval[int](tab, `window.__apiDone || 0`); after != before {
		t.Fatalf("an empty question called the server (%d calls)", after-before)
	}
	if got := browsertest.Eval[string](tab, `document.getElementById("assistant-q").getAttribute("aria-invalid")`); got != "true" {
		t.Fatalf("the empty question is not marked invalid: %q", got)
	}

	tab.Fill("Your question", strings.Repeat("a", 201))
	tab.WaitText("200 / 200")
	if n := browsertest.Eval[int](tab, `document.getElementById("assistant-q").value.length`); n != 200 {
		t.Fatalf("the box holds %d characters, want 200", n)
	}
	// Characters, not bytes: "ü" is two bytes and one character.
	tab.Fill("Your question", "Grüße")
	tab.WaitText("5 / 200")

	tab.Fill("Your question", "what is the weather in Munich tomorrow")
	tab.Submit("Ask", "I don't have an answer")
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".answer-suggestions a").length`); n == 0 {
		t.Fatal("no suggested articles when the assistant has no answer")
	}
	tab.Shot("assistant-no-answer")

	tab.Open(env.URL + "/help/no-such-article")
	tab.WaitText("Article not found")
	tab.Shot("help-missing")
	tab.Click("Back to the help centre")
	tab.WaitPath("/help")
	tab.WaitText("Most read")
}

// A German visitor gets the help centre in German.
func TestHelpCentreGerman(t *testing.T) {
	env := portaltest.Start(t, testenv.SQLite(t))
	tab := browsertest.New(t).Tab()
	tab.Open(env.URL + "/help")
	browsertest.Eval[bool](tab, `(localStorage.setItem("lang", JSON.stringify("de")), true)`)
	tab.Reload()
	tab.WaitApp()
	tab.WaitText("KI-Assistent")
	tab.WaitText("Hilfe-Center")
	tab.WaitText("Meistgelesen")
	tab.WaitText("Zwei-Faktor-Authentifizierung aktivieren")
	tab.Fill("Hilfe-Center durchsuchen", "Passwort vergessen")
	tab.Submit("Suchen", "Ergebnisse für „Passwort vergessen“")
	tab.WaitText("Passwort vergessen?")
	tab.Shot("help-de")
	tab.Fill("Ihre Frage", "Wie lösche ich mein Konto?")
	tab.Submit("Fragen", "Zum Artikel:")
	tab.Click("Zum Artikel:")
	tab.WaitText("War dieser Artikel hilfreich?")
	tab.WaitText("Verwandte Artikel")
	tab.Shot("help-article-de")
}
