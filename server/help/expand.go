package help

import (
	"regexp"
	"strings"
	"unicode"
)

// expansion is a question rewritten in the articles' words.
type expansion struct {
	// Text is the question with each phrase found replaced by its
	// expansion, plus what intents and separable verbs add.
	Text string
	// Groups are the alternatives of the expansions ("log|login").
	Groups [][]string
	// Replaced are the phrases taken out: the re-ranking keeps the words of
	// them that the articles use too ("fingerprint" is in the passkeys
	// article and also maps to "passkey").
	Replaced string
}

// All is everything, for a full-text query.
func (e expansion) All() string {
	all := []string{e.Text, e.Replaced}
	for _, g := range e.Groups {
		all = append(all, g...)
	}
	return strings.Join(strings.Fields(strings.Join(all, " ")), " ")
}

// word is one word of a question as typed and folded.
type word struct {
	orig, folded string
	used         bool
}

// expand rewrites q in the articles' words: phrases found (whole words, case
// and umlauts folded) are replaced by their expansion, German separable
// verbs are joined ("schalte … ein" → "einschalten"), and a negated "get" or
// "receive" becomes "arrive", the articles' word for mail that is missing.
// Words not replaced keep their spelling, umlauts included, for the
// analyzers.
func expand(q, lang string) expansion {
	var words []word
	for _, w := range strings.FieldsFunc(q, isSeparator) {
		words = append(words, word{orig: w, folded: fold(w)})
	}
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = w.folded
	}
	if inf, verb := joinSeparable(folded, lang); inf != "" {
		words[verb].used, words[len(words)-1].used = true, true
		words = append(words, word{orig: inf, folded: inf})
	}
	var found, replaced []string
	for _, p := range phrases[lang] {
		for i := 0; i+len(p.from) <= len(words); i++ {
			if !matchAt(words, i, p.from) {
				continue
			}
			for j := i; j < i+len(p.from); j++ {
				words[j].used = true
				replaced = append(replaced, words[j].orig)
			}
			found = append(found, p.to)
		}
	}
	found = append(found, intents(words, lang)...)
	var kept []string
	for _, w := range words {
		if !w.used {
			kept = append(kept, w.orig)
		}
	}
	var groups [][]string
	for _, f := range found {
		for _, part := range strings.Fields(f) {
			if strings.Contains(part, "|") {
				groups = append(groups, strings.Split(part, "|"))
			} else {
				kept = append(kept, part)
			}
		}
	}
	return expansion{Text: strings.Join(kept, " "), Groups: groups, Replaced: strings.Join(replaced, " ")}
}

// matchAt reports whether the unused words from i on are the phrase from.
func matchAt(words []word, i int, from []string) bool {
	for j, f := range from {
		if words[i+j].used || words[i+j].folded != f {
			return false
		}
	}
	return true
}

// isSeparator splits words: anything but letters, digits, hyphens and
// apostrophes.
func isSeparator(r rune) bool {
	return !(r == '-' || r == '\'' || r == '’' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

// separable German verbs: stem of the conjugated verb, folded, and its
// infinitive.
var separable = [][2]string{
	{"schalt", "schalten"}, {"meld", "melden"}, {"leg", "legen"}, {"setz", "setzen"}, {"komm", "kommen"},
	{"stell", "stellen"}, {"mach", "machen"}, {"logg", "loggen"}, {"lad", "laden"}, {"richt", "richten"},
	{"fug", "fugen"}, {"geb", "geben"}, {"wahl", "wahlen"}, {"forder", "fordern"},
}

// particles end a clause whose verb they belong to.
var particles = map[string]bool{"ein": true, "an": true, "aus": true, "ab": true, "zuruck": true, "rein": true, "runter": true, "hinzu": true, "um": true}

// joinSeparable returns the infinitive of a separable verb whose particle
// ends the clause ("wie melde ich mich an" → "anmelden") and the index of
// the verb.
func joinSeparable(words []string, lang string) (string, int) {
	if lang != German || len(words) < 2 || !particles[words[len(words)-1]] {
		return "", 0
	}
	particle := words[len(words)-1]
	for i, w := range words[:len(words)-1] {
		for _, v := range separable {
			if strings.HasPrefix(w, v[0]) && len(w) <= len(v[0])+2 {
				return particle + v[1], i
			}
		}
	}
	return "", 0
}

// separableInText returns the infinitives of the separable verbs of a
// German text, clause by clause: "Der Code kommt nicht an." → "ankommen".
func separableInText(text, lang string) []string {
	if lang != German {
		return nil
	}
	var out []string
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".!?;:,\n()–", r) }) {
		words := strings.FieldsFunc(fold(clause), isSeparator)
		if inf, _ := joinSeparable(words, lang); inf != "" {
			out = append(out, inf)
		}
	}
	return out
}

// English phrasal verbs whose particle is a stop word: without it "log in"
// and "log out" would both be just "log".
var phrasalVerbs = regexp.MustCompile(`(?i)\b(?:log|logs|logged|logging|sign|signs|signed|signing)\s+(?:me\s+|you\s+)?(out|off|in|into|on)\b`)

// phrasal returns a token for each English phrasal verb of text: "logout"
// for "logging out", "login" for "logged in".
func phrasal(text, lang string) []string {
	if lang != English {
		return nil
	}
	var out []string
	for _, m := range phrasalVerbs.FindAllStringSubmatch(text, -1) {
		switch strings.ToLower(m[1]) {
		case "out", "off":
			out = append(out, "logout")
		default:
			out = append(out, "login")
		}
	}
	return out
}

var (
	negations = map[string]map[string]bool{
		English: foldedSet("never not no didn't don't haven't hasn't havent didnt dont doesn't isn't won't can't cannot nothing"),
		German:  foldedSet("nie nicht kein keine keinen keiner niemals nichts"),
	}
	receiving = map[string]map[string]bool{
		English: foldedSet("get got gotten getting receive received receiving arrive arrived arriving came come coming show showed shows"),
		German:  foldedSet("bekommen bekomme bekam bekommt erhalten erhalte erhielt kommt kam gekommen angekommen ankommen"),
	}
	arrive = map[string]string{English: "arrive|arrived", German: "ankommt|ankommen|angekommen"}
)

// intents adds the articles' words for what a question means but does not
// say: "I never got the code" is about a code that does not arrive. The
// negation must be near the verb ("didn't get", "keinen Code bekommen"), and
// "get in" is about access, not mail. The words of the intent are used up.
func intents(words []word, lang string) []string {
	for i, w := range words {
		if w.used || !receiving[lang][w.folded] {
			continue
		}
		if i+1 < len(words) && (words[i+1].folded == "in" || words[i+1].folded == "into" || words[i+1].folded == "back") {
			continue
		}
		lo, hi := max(0, i-2), i
		if lang == German {
			lo, hi = max(0, i-3), min(len(words)-1, i+3)
		}
		for j := lo; j <= hi; j++ {
			if j != i && negations[lang][words[j].folded] {
				words[i].used, words[j].used = true, true
				return []string{arrive[lang]}
			}
		}
	}
	return nil
}

// fold lower-cases s, replaces umlauts and ß, turns punctuation other than
// hyphens and apostrophes into spaces.
func fold(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'ä':
			sb.WriteByte('a')
		case r == 'ö':
			sb.WriteByte('o')
		case r == 'ü':
			sb.WriteByte('u')
		case r == 'ß':
			sb.WriteString("ss")
		case r == '-' || r == '\'' || r == '’':
			sb.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			sb.WriteRune(r)
		default:
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}
