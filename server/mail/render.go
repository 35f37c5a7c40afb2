package mail

import (
	_ "embed"
	htmltemplate "html/template"
	"strings"
	"text/template"
)

// language holds the words around the letters of one language.
type language struct {
	code     string
	greet    func(name string) string
	signoff  func(brand string) string
	fallback string // above the plain link under a button
	validity func(minutes int) string
	letters  map[Kind]letter
}

// languages are the languages mails are written in; Compose falls back to
// English.
var languages = map[string]language{"en": english, "de": german}

// letter is the source of one mail: text/template strings over a view.
type letter struct {
	Subject string
	Body    []block
	Ignore  []block // what to do if the reader did not ask for it
}

// block is a paragraph, the code, or a link, each on lines of its own.
type block struct {
	Text string // the paragraph, or a link's button label
	Code bool   // the block is Data.Code
	Link string // the block is a link to this URL template; left out when it renders empty
}

func p(text string) block          { return block{Text: text} }
func code() block                  { return block{Code: true} }
func link(label, url string) block { return block{Text: label, Link: url} }

// view is what the letters' templates see.
type view struct {
	Data
	Valid string // the validity, in words ("10 minutes")
}

// rendered is a letter with its templates executed.
type rendered struct {
	subject      string
	body, ignore []renderedBlock
}

// renderedBlock is a block with text: Code or URL set, or a paragraph.
type renderedBlock struct {
	Text, Code, URL string
	Fallback        string // set for the HTML part only
}

func (l letter) render(v view) (rendered, error) {
	var r rendered
	var err error
	if r.subject, err = execute(l.Subject, v); err != nil {
		return r, err
	}
	if r.body, err = renderBlocks(l.Body, v); err != nil {
		return r, err
	}
	r.ignore, err = renderBlocks(l.Ignore, v)
	return r, err
}

func renderBlocks(blocks []block, v view) ([]renderedBlock, error) {
	var out []renderedBlock
	for _, b := range blocks {
		text, err := execute(b.Text, v)
		if err != nil {
			return nil, err
		}
		switch {
		case b.Code:
			out = append(out, renderedBlock{Code: v.Code})
		case b.Link != "":
			url, err := execute(b.Link, v)
			if err != nil {
				return nil, err
			}
			if url != "" {
				out = append(out, renderedBlock{Text: text, URL: url})
			}
		default:
			out = append(out, renderedBlock{Text: text})
		}
	}
	return out, nil
}

func execute(src string, v view) (string, error) {
	t, err := template.New("").Option("missingkey=error").Parse(src)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

// line is how a block reads in plain text: the code and the link alone.
func (b renderedBlock) line() string {
	switch {
	case b.Code != "":
		return b.Code
	case b.URL != "":
		return b.URL
	}
	return b.Text
}

// text is the plain-text part: paragraphs apart by blank lines.
func (r rendered) text(l language, v view) string {
	lines := []string{l.greet(v.Name)}
	for _, b := range append(r.body, r.ignore...) {
		lines = append(lines, b.line())
	}
	lines = append(lines, l.signoff(v.Brand))
	return strings.Join(lines, "\n\n") + "\n"
}

// sms is the whole SMS: no greeting, one line per block.
func (r rendered) sms() string {
	var lines []string
	for _, b := range append(r.body, r.ignore...) {
		lines = append(lines, b.line())
	}
	return strings.Join(lines, "\n")
}

//go:embed layout.html
var layoutSource string

var layout = htmltemplate.Must(htmltemplate.New("layout").Parse(layoutSource))

// html is the HTML part, escaped by html/template.
func (r rendered) html(l language, v view) (string, error) {
	withFallback := func(blocks []renderedBlock) []renderedBlock {
		out := make([]renderedBlock, len(blocks))
		for i, b := range blocks {
			b.Fallback = l.fallback
			out[i] = b
		}
		return out
	}
	var b strings.Builder
	err := layout.Execute(&b, map[string]any{
		"Lang":     l.code,
		"Subject":  r.subject,
		"Brand":    v.Brand,
		"Greeting": l.greet(v.Name),
		"Body":     withFallback(r.body),
		"Ignore":   withFallback(r.ignore),
		"Signoff":  l.signoff(v.Brand),
	})
	return b.String(), err
}
