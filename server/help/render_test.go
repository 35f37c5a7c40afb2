package help

import (
	"strings"
	"testing"
)

func TestRenderIsSafe(t *testing.T) {
	html, ps, err := render("Hello <script>alert(1)</script> there.\n\n<div onclick=\"x()\">raw</div>\n\n" +
		"[click](javascript:alert(1)) and [ok](https://example.com)\n\n1. one\n2. two\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<div", "onclick", "javascript:"} {
		if strings.Contains(html, bad) {
			t.Errorf("rendered HTML contains %q:\n%s", bad, html)
		}
	}
	if !strings.Contains(html, `<a href="https://example.com">ok</a>`) || !strings.Contains(html, "<ol>") {
		t.Errorf("rendered HTML lost safe markup:\n%s", html)
	}
	if got := ps[len(ps)-1].Text; got != "1. one\n2. two" {
		t.Errorf("list passage %q", got)
	}
}

func TestFirstLine(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Short paragraph. Two sentences.\n\nMore.", "Short paragraph. Two sentences."},
		{"This opening sentence is long enough to stand on its own as a summary line. " +
			"The second sentence makes the paragraph longer than one hundred and sixty characters in total, so it is cut.",
			"This opening sentence is long enough to stand on its own as a summary line."},
		{"With **bold** and `code` and a [link](https://example.com).", "With bold and code and a link."},
	}
	for _, tc := range tests {
		_, ps, err := render(tc.body)
		if err != nil {
			t.Fatal(err)
		}
		if got := firstLine(ps); got != tc.want {
			t.Errorf("firstLine(%.30q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}
