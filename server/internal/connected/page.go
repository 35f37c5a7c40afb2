package connected

import (
	"html/template"
	"log/slog"
	"net/http"
	"strings"

	"github.com/minicorp/miniid/shared/i18n"
)

// view is what a page of the app shows.
type view struct {
	User      *User
	Error     string // an OAuth error, or "state" / "token" when the answer did not check out
	LoggedOut bool
}

// words are a page's texts in the reader's language.
type words struct {
	Lang, Title, Lead, Login, LoginStrong, Hello, Methods, Level, Email, Logout, Failed, LoggedOut string
	AMR                                                                                            []amrWord
}

type amrWord struct{ Value, Words string }

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="{{.W.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.W.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f2; color: #111; }
header { background: #111; color: #fff; padding: 16px 20px; font-weight: 700; letter-spacing: .04em; }
main { max-width: 560px; margin: 32px auto; padding: 0 16px; }
.card { background: #fff; border-radius: 8px; padding: 24px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.btn { display: inline-block; background: #111; color: #fff; border: 0; border-radius: 999px; padding: 12px 22px;
       font-size: 16px; text-decoration: none; cursor: pointer; margin: 8px 8px 0 0; }
.btn-secondary { background: #fff; color: #111; border: 2px solid #111; }
.error { background: #fde8e6; border-left: 4px solid #b3261e; padding: 12px; }
code { background: #f0f0ee; padding: 1px 6px; border-radius: 4px; }
</style>
</head>
<body>
<header>{{.W.Title}}</header>
<main><div class="card">
{{if .V.User}}
  <h1>{{.W.Hello}}</h1>
  <p>{{.W.Email}}</p>
  <p>{{.W.Methods}}</p>
  <ul id="amr">{{range .W.AMR}}<li><code>{{.Value}}</code> {{.Words}}</li>{{end}}</ul>
  <p id="acr">{{.W.Level}}</p>
  <form method="post" action="/logout"><button class="btn btn-secondary" type="submit">{{.W.Logout}}</button></form>
{{else}}
  <h1>{{.W.Title}}</h1>
  {{if .V.Error}}<p class="error" role="alert">{{.W.Failed}}</p>{{end}}
  {{if .V.LoggedOut}}<p role="status">{{.W.LoggedOut}}</p>{{end}}
  <p>{{.W.Lead}}</p>
  <a class="btn" href="/login">{{.W.Login}}</a>
  <a class="btn btn-secondary" href="/login?level=2">{{.W.LoginStrong}}</a>
{{end}}
</div></main>
</body>
</html>
`))

// page writes the app's one page for v in the reader's language.
func (a *App) page(w http.ResponseWriter, r *http.Request, status int, v view) {
	lang := i18n.Lang(r.Header.Get("Accept-Language"))
	t := func(k i18n.Key, pairs ...string) string { return i18n.F(lang, k, pairs...) }
	wd := words{
		Lang: lang, Title: a.cfg.Name, Lead: t(i18n.DemoLead),
		Login: t(i18n.DemoLogin), LoginStrong: t(i18n.DemoLoginStrong), Logout: t(i18n.DemoLogout),
		Failed: t(i18n.DemoFailed, "error", v.Error), LoggedOut: t(i18n.DemoLoggedOut), Methods: t(i18n.DemoMethods),
	}
	if u := v.User; u != nil {
		wd.Hello = t(i18n.DemoHello, "name", u.Name)
		wd.Email = t(i18n.DemoEmail, "email", u.Email)
		wd.Level = t(i18n.DemoLevel, "acr", u.ACR)
		for _, m := range u.AMR {
			words := i18n.T(lang, i18n.DemoAMRKey(m))
			if strings.HasPrefix(words, "demo.amr.") {
				words = ""
			}
			wd.AMR = append(wd.AMR, amrWord{Value: m, Words: words})
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := pageTmpl.Execute(w, struct {
		V view
		W words
	}{v, wd}); err != nil {
		slog.Warn("connected: render", "err", err)
	}
}
