package help

import (
	"sort"
	"strings"

	"github.com/minicorp/miniid/shared/api"
)

// germanTopics names the segments of the (English) topic paths in German.
// A segment missing here, such as "{brand} ID", is shown as written.
var germanTopics = map[string]string{
	"Account":                   "Konto",
	"Account data":              "Kontodaten",
	"App":                       "App",
	"Help":                      "Hilfe",
	"Login":                     "Anmeldung",
	"Password":                  "Passwort",
	"Personal data":             "Persönliche Daten",
	"Privacy":                   "Datenschutz",
	"Profile":                   "Profil",
	"Registration":              "Registrierung",
	"Security":                  "Sicherheit",
	"Two-factor authentication": "Zwei-Faktor-Authentifizierung",
}

// TopicName returns the display name of one topic path segment in lang.
func TopicName(segment, lang string) string {
	if lang == German {
		if n, ok := germanTopics[segment]; ok {
			return n
		}
	}
	return segment
}

// Breadcrumb returns the steps of a topic path with their display names.
func Breadcrumb(topic, lang string) []api.HelpBreadcrumb {
	segs := strings.Split(topic, "/")
	out := make([]api.HelpBreadcrumb, len(segs))
	for i, s := range segs {
		out[i] = api.HelpBreadcrumb{Path: strings.Join(segs[:i+1], "/"), Name: TopicName(s, lang)}
	}
	return out
}

// buildTree files summaries under their topic paths. Topics and articles are
// sorted by display name and title.
func buildTree(lang string, items []treeItem) []api.HelpTopic {
	type node struct {
		topic    api.HelpTopic
		children map[string]*node
	}
	root := &node{children: map[string]*node{}}
	for _, it := range items {
		cur := root
		segs := strings.Split(it.topic, "/")
		for i, s := range segs {
			next, ok := cur.children[s]
			if !ok {
				next = &node{
					topic:    api.HelpTopic{Path: strings.Join(segs[:i+1], "/"), Name: TopicName(s, lang)},
					children: map[string]*node{},
				}
				cur.children[s] = next
			}
			cur = next
		}
		cur.topic.Articles = append(cur.topic.Articles, it.summary)
	}
	var flatten func(n *node) []api.HelpTopic
	flatten = func(n *node) []api.HelpTopic {
		out := make([]api.HelpTopic, 0, len(n.children))
		for _, c := range n.children {
			t := c.topic
			if t.Articles == nil {
				t.Articles = []api.HelpArticleSummary{}
			}
			sort.Slice(t.Articles, func(i, j int) bool { return lessFold(t.Articles[i].Title, t.Articles[j].Title) })
			t.Children = flatten(c)
			out = append(out, t)
		}
		sort.Slice(out, func(i, j int) bool { return lessFold(out[i].Name, out[j].Name) })
		return out
	}
	return flatten(root)
}

type treeItem struct {
	topic   string
	summary api.HelpArticleSummary
}

func lessFold(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}
