package portaltest

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/minicorp/miniid/shared/api"
)

var csrfField = regexp.MustCompile(`<input[^>]*name="` + api.FormCSRF + `"[^>]*>`)
var valueAttr = regexp.MustCompile(`value="([^"]*)"`)

// Page GETs an HTML page the way a browser without JavaScript does, and
// keeps the CSRF token of its form for the next Form.
func (c *Client) Page(path string) Response {
	c.T.Helper()
	r := c.Raw("GET", path, nil, nil)
	if tok := FormToken(string(r.Body)); tok != "" {
		c.CSRF = tok
	}
	return r
}

// FormToken is the CSRF token in a page's form, "" when it has none.
func FormToken(page string) string {
	m := valueAttr.FindStringSubmatch(csrfField.FindString(page))
	if m == nil {
		return ""
	}
	return m[1]
}

// Form posts values the way a page's form does: urlencoded, with the
// same-origin Origin and the token of the last page read. The answer keeps
// a renewed token.
func (c *Client) Form(path string, values url.Values) Response {
	c.T.Helper()
	v := url.Values{api.FormCSRF: {c.CSRF}}
	for k, vs := range values {
		v[k] = vs
	}
	r := c.Raw("POST", path, []byte(v.Encode()), map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Origin": c.Env.URL,
	})
	if tok := FormToken(string(r.Body)); tok != "" {
		c.CSRF = tok
	}
	return r
}

// Shows reports whether an HTML answer shows text (as the page's words,
// entities decoded).
func (r Response) Shows(text string) bool {
	return strings.Contains(htmlText(string(r.Body)), text)
}

func htmlText(s string) string {
	return strings.NewReplacer("&#39;", "'", "&#34;", `"`, "&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
}
