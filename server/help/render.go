package help

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdown renders CommonMark. Raw HTML stays off (goldmark's default: it is
// replaced by a comment) and dangerous link targets such as javascript: are
// dropped, so the HTML is safe to insert into a page.
var markdown = goldmark.New()

// passage is one block of an article as plain text: a paragraph, or a whole
// list (steps belong together) with the sentence that introduces it, under
// the heading it sits under.
type passage struct {
	Heading string
	Text    string
}

// render turns an article body into HTML and plain-text passages.
func render(body string) (string, []passage, error) {
	src := []byte(body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	var buf bytes.Buffer
	if err := markdown.Renderer().Render(&buf, src, doc); err != nil {
		return "", nil, fmt.Errorf("render markdown: %w", err)
	}
	var (
		out     []passage
		heading string
	)
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch b := n.(type) {
		case *ast.Heading:
			heading = inlineText(b, src)
		case *ast.List:
			var items []string
			num := b.Start
			for it := b.FirstChild(); it != nil; it = it.NextSibling() {
				marker := "•"
				if b.IsOrdered() {
					marker = fmt.Sprintf("%d.", num)
					num++
				}
				items = append(items, marker+" "+inlineText(it, src))
			}
			list := strings.Join(items, "\n")
			// A sentence that introduces the list ("If it doesn't arrive:")
			// and the list are one passage: neither says much alone.
			if n := len(out); n > 0 && out[n-1].Heading == heading && strings.HasSuffix(out[n-1].Text, ":") && b.PreviousSibling() != nil && b.PreviousSibling().Kind() == ast.KindParagraph {
				out[n-1].Text += "\n" + list
				continue
			}
			out = append(out, passage{Heading: heading, Text: list})
		default:
			if t := inlineText(b, src); t != "" {
				out = append(out, passage{Heading: heading, Text: t})
			}
		}
	}
	return buf.String(), out, nil
}

// inlineText collects the text under n, with line breaks as spaces and
// nested blocks separated by a space.
func inlineText(n ast.Node, src []byte) string {
	var sb strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock && c != n && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			sb.Write(t.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(t.Value)
		case *ast.AutoLink:
			sb.Write(t.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(sb.String()), " ")
}

// firstLine is the opening of an article for lists: its first sentence, or
// its first paragraph when that is short, cut at a word near 200 characters.
func firstLine(ps []passage) string {
	if len(ps) == 0 {
		return ""
	}
	p := ps[0].Text
	if utf8.RuneCountInString(p) > 160 {
		if i := sentenceEnd(p); i > 0 {
			p = p[:i]
		}
	}
	return clip(p, 200)
}

// sentenceEnd returns the index just after the first sentence of s, or 0.
func sentenceEnd(s string) int {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			if s[i+1] == ' ' && i > 20 {
				return i + 1
			}
		}
	}
	return 0
}

// clip shortens s to at most max runes, at a word boundary, adding "…".
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max-1]
	cut := string(r)
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–") + "…"
}
