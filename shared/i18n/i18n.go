// Package i18n is the portal's message catalogue, shared by the browser and the
// server: every UI word lives here in English and German, keyed by a constant,
// so no page hard-codes its text. Each area adds its messages in its own file
// (messages_*.go) through register.
package i18n

import "strings"

// Languages the portal speaks.
const (
	English = "en"
	German  = "de"
)

// Key names one message.
type Key string

var (
	catalogue = map[Key][2]string{}
	brand     = "MINI"
)

// SetBrand sets the brand name put in place of "{brand}" (configuration, not
// code: the same portal serves "BMW ID"). Call it once at start.
func SetBrand(b string) {
	if b != "" {
		brand = b
	}
}

// Brand returns the configured brand name.
func Brand() string { return brand }

// register adds messages (English, German) to the catalogue; it panics on a
// duplicate key so a clash is found at start, not by a customer.
func register(msgs map[Key][2]string) {
	for k, v := range msgs {
		if _, dup := catalogue[k]; dup {
			panic("i18n: duplicate key " + string(k))
		}
		catalogue[k] = v
	}
}

// Lang normalises a language tag to one the portal speaks ("de-AT" → "de").
func Lang(tag string) string {
	if strings.HasPrefix(strings.ToLower(tag), German) {
		return German
	}
	return English
}

// T returns the message for key in lang, falling back to English, then to
// the key itself (so a missing message shows up, and a test can find it).
func T(lang string, key Key) string {
	v, ok := catalogue[key]
	if !ok {
		return string(key)
	}
	s := v[0]
	if Lang(lang) == German && v[1] != "" {
		s = v[1]
	}
	if strings.Contains(s, "{brand}") {
		s = strings.ReplaceAll(s, "{brand}", brand)
	}
	return s
}

// F is T with "{name}" placeholders replaced by pairs of name, value.
func F(lang string, key Key, pairs ...string) string {
	s := T(lang, key)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// Has reports whether key is in the catalogue.
func Has(key Key) bool { _, ok := catalogue[key]; return ok }

// Keys lists every key in the catalogue (for tests).
func Keys() []Key {
	keys := make([]Key, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	return keys
}
