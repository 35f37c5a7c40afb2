package mail

import (
	_ "embed"
	"encoding/json"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/minicorp/miniid/server/store"
)

// devMailboxLimit caps how many mails the dev mailbox shows.
const devMailboxLimit = 200

//go:embed devmailbox.html
var devMailboxPage string

var devMailboxTemplate = template.Must(template.New("devmailbox").Funcs(template.FuncMap{
	"limit":   func() int { return devMailboxLimit },
	"rfc3339": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"linkify": linkify,
	// Links in the HTML part open in a new tab: the sandbox allows nothing
	// else (no scripts, no navigation of the mailbox page).
	"srcdoc": func(html string) string { return `<base target="_blank">` + html },
}).Parse(devMailboxPage))

// DevMailboxHandler serves the dev mailbox: GET /dev/mailbox (an HTML page)
// and GET /dev/mailbox.json, each with the newest 200 mails, newest first.
// Mount it only in dev mode, e.g. mux.Handle("/dev/", DevMailboxHandler(db)).
func DevMailboxHandler(db bun.IDB) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /dev/mailbox", func(w http.ResponseWriter, r *http.Request) {
		mails, ok := listDevMails(w, r, db)
		if !ok {
			return
		}
		var b strings.Builder
		if err := devMailboxTemplate.Execute(&b, mails); err != nil {
			slog.Error("mail: dev mailbox page", "error", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", "script-src 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'")
		w.Write([]byte(b.String()))
	})
	mux.HandleFunc("GET /dev/mailbox.json", func(w http.ResponseWriter, r *http.Request) {
		mails, ok := listDevMails(w, r, db)
		if !ok {
			return
		}
		out := make([]devMailJSON, 0, len(mails))
		for _, m := range mails {
			out = append(out, devMailJSON{
				ID: m.ID, To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML,
				SentAt: m.SentAt.UTC().Format(time.RFC3339Nano), Channel: m.Channel,
			})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	})
	return mux
}

// devMailJSON is one mail of GET /dev/mailbox.json.
type devMailJSON struct {
	ID      int64  `json:"id"`
	To      string `json:"to"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html"`
	SentAt  string `json:"sent_at"` // RFC 3339
	Channel string `json:"channel"`
}

func listDevMails(w http.ResponseWriter, r *http.Request, db bun.IDB) ([]store.DevMail, bool) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	mails, err := store.ListDevMails(r.Context(), db, devMailboxLimit)
	if err != nil {
		slog.Error("mail: dev mailbox", "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return nil, false
	}
	return mails, true
}

// segment is a piece of a text part: plain text, or a link when Href is set.
type segment struct{ Text, Href string }

// linkify splits text so that lines holding only a web link become links
// (the text parts put every link on a line of its own).
func linkify(text string) []segment {
	var out []segment
	for line := range strings.SplitAfterSeq(text, "\n") {
		body := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimSpace(body)
		isLink := (strings.HasPrefix(trimmed, "https://") || strings.HasPrefix(trimmed, "http://")) &&
			!strings.ContainsAny(trimmed, " \t")
		if !isLink {
			out = append(out, segment{Text: line})
			continue
		}
		out = append(out, segment{Text: body, Href: trimmed}, segment{Text: line[len(body):]})
	}
	return out
}
