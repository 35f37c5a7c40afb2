package pages

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/minicorp/miniid/server/httpx"
	"github.com/minicorp/miniid/shared/api"
)

// help renders the help centre (/help, with ?q= for a search and ?ask= for
// a question to the assistant: both forms are GET forms that work without
// the app) and its articles (/help/{slug}) complete: the page gets the
// JSON API's own answers (asked through the API's handlers, so the same
// rules and budgets apply) and shows them as the app would.
func (p *Pages) help(w http.ResponseWriter, r *http.Request) {
	lang := httpx.Lang(r)
	q := r.URL.Query()
	pf := api.Prefill{Data: map[string]json.RawMessage{}}
	ask := func(name, path string, pairs ...string) int {
		v := url.Values{}
		for i := 0; i+1 < len(pairs); i += 2 {
			v.Set(pairs[i], pairs[i+1])
		}
		in := httptest.NewRequestWithContext(r.Context(), http.MethodGet, path+"?"+v.Encode(), nil)
		// As this visitor: its cookie (its votes and read marks), its words.
		in.Header.Set("Cookie", r.Header.Get("Cookie"))
		in.Header.Set("User-Agent", r.UserAgent())
		in.Header.Set("Accept-Language", r.Header.Get("Accept-Language"))
		in.Header.Set("X-Lang", lang)
		rec := httptest.NewRecorder()
		p.api.ServeHTTP(rec, in)
		if rec.Code == http.StatusOK {
			pf.Data[name] = json.RawMessage(rec.Body.Bytes())
		}
		return rec.Code
	}
	if slug, ok := strings.CutPrefix(r.URL.Path, "/help/"); ok {
		if ask(api.DataHelpArticle, api.PathHelpArticle+url.PathEscape(slug), "lang", lang) == http.StatusNotFound {
			pf.Code = api.CodeNotFound
		}
	} else {
		ask(api.DataHelpTopics, api.PathHelpTree, "lang", lang)
		ask(api.DataHelpMostRead, api.PathHelpMostRead, "lang", lang)
		if s := strings.TrimSpace(q.Get("q")); s != "" {
			ask(api.DataHelpSearch, api.PathHelpSearch, "lang", lang, "q", s)
		}
	}
	if s := strings.TrimSpace(q.Get("ask")); s != "" {
		ask(api.DataAssistant, api.PathAssistant, "q", s)
	}
	var values map[string]string
	if s := q.Get("q"); s != "" {
		values = map[string]string{"q": s}
	}
	p.render(w, r, nil, http.StatusOK, r.URL.Path, pf, values)
}
