package component

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// EmailParts is an e-mail address with line-break chances before the @ and
// after each dot, so a long address wraps there on a phone instead of in
// the middle of a word.
func EmailParts(email string) []app.UI {
	var out []app.UI
	rest := email
	for rest != "" {
		i := strings.IndexAny(rest[1:], "@.")
		if i < 0 {
			out = append(out, app.Text(rest))
			break
		}
		cut := i + 1
		if rest[cut] == '.' {
			cut++ // the dot stays at the end of its line
		}
		out = append(out, app.Text(rest[:cut]), app.Wbr())
		rest = rest[cut:]
	}
	return out
}
