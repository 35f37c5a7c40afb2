package pages

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/minicorp/miniid/shared/api"
)

// finishing is what the server adds to a page go-app prerendered from its
// URL alone: what only this request knows.
type finishing struct {
	lang    string
	csrf    string            // the session's token for the forms' hidden field
	values  map[string]string // typed values by field name (never a password)
	prefill api.Prefill       // handed to the app in <meta name="miniid-prefill">
	base    string            // BASE_URL without a trailing slash
	path    string            // of the page
}

// booleanAttrs are the attributes whose mere presence counts. go-app's
// prerendering writes disabled="false" for Disabled(false), which a browser
// reads as disabled: every form would be dead until the app ran.
var booleanAttrs = map[string]bool{
	"disabled": true, "required": true, "checked": true, "selected": true, "readonly": true,
	"hidden": true, "multiple": true, "autofocus": true, "open": true, "novalidate": true,
}

// finish parses the prerendered page and writes it back with the request's
// parts: the language, the CSRF token and typed values in the forms, the
// prefill for the app; go-app's full-screen loader goes (the page is
// usable as it is; the app shows a thin progress line while it loads).
// x/net/html writes every attribute escaped: go-app's own writer quotes
// values the Go way, which is not HTML.
func finish(page []byte, f finishing) ([]byte, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("pages: parse prerendered page: %w", err)
	}
	var remove []*html.Node
	var head *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			n.Attr = fixBooleans(n.Attr)
			switch n.DataAtom {
			case atom.Html:
				setAttr(n, "lang", f.lang)
			case atom.Head:
				head = n
			case atom.Meta:
				f.fixOpenGraph(n)
			case atom.Aside:
				if attr(n, "id") == "app-wasm-loader" {
					remove = append(remove, n)
				}
			case atom.Input:
				f.fillInput(n)
			case atom.Select:
				if v, ok := f.values[attr(n, "name")]; ok {
					selectOption(n, v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
	if head != nil && !f.prefill.Empty() {
		head.AppendChild(&html.Node{Type: html.ElementNode, Data: "meta", DataAtom: atom.Meta, Attr: []html.Attribute{
			{Key: "name", Val: "miniid-prefill"}, {Key: "content", Val: f.prefill.Encode()},
		}})
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return nil, fmt.Errorf("pages: write page: %w", err)
	}
	return b.Bytes(), nil
}

// fixOpenGraph gives og:url and og:image the portal's real address: go-app
// writes https:// before any domain, and the site root as the image.
func (f finishing) fixOpenGraph(n *html.Node) {
	switch attr(n, "property") {
	case "og:url":
		setAttr(n, "content", f.base+f.path)
	case "og:image":
		setAttr(n, "content", f.base+"/web/icon-512.png")
	}
}

func (f finishing) fillInput(n *html.Node) {
	name := attr(n, "name")
	switch typ := strings.ToLower(attr(n, "type")); {
	case name == api.FormCSRF:
		setAttr(n, "value", f.csrf)
	case typ == "password" || name == "":
		// A password is never written into a page.
	case typ == "checkbox":
		if f.values[name] != "" {
			setAttr(n, "checked", "")
		}
	default:
		if v, ok := f.values[name]; ok {
			setAttr(n, "value", v)
		}
	}
}

func selectOption(sel *html.Node, value string) {
	for c := sel.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Option {
			continue
		}
		c.Attr = dropAttr(c.Attr, "selected")
		if attr(c, "value") == value {
			c.Attr = append(c.Attr, html.Attribute{Key: "selected"})
		}
	}
}

// fixBooleans drops boolean attributes go-app wrote as "false", and gives
// back the "true" go-app leaves out of any attribute (aria-invalid="true"
// comes out as a bare aria-invalid, which means false).
func fixBooleans(attrs []html.Attribute) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		if booleanAttrs[a.Key] && a.Val == "false" {
			continue
		}
		if strings.HasPrefix(a.Key, "aria-") && a.Val == "" {
			a.Val = "true"
		}
		out = append(out, a)
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func dropAttr(attrs []html.Attribute, key string) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		if a.Key != key {
			out = append(out, a)
		}
	}
	return out
}
