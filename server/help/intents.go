package help

import (
	"strings"
)

// Intents are what a question wants done with its topic. Articles that
// share a topic differ by them ("switch on two-factor" and "log in with the
// code" share every topic word), so the ranking weighs a question's intent
// over the topic words it shares with an article. An article names its
// intent in its front matter.
const (
	intentActivate   = "activate"   // switch something on
	intentDeactivate = "deactivate" // switch it off, stop it
	intentMissing    = "missing"    // something that should have arrived did not
	intentForgot     = "forgot"     // the customer does not know it any more
	intentChange     = "change"     // replace what is there
	intentDelete     = "delete"     // remove it for good
	intentCreate     = "create"     // make a new one
)

var intentNames = []string{intentActivate, intentDeactivate, intentMissing, intentForgot, intentChange, intentDelete, intentCreate}

// cue is a phrase that names one or more intents. Its words are folded;
// "*" stands for up to three words of any kind.
type cue struct {
	phrase  string
	intents []string
}

func cues(intent string, phrases ...string) []cue {
	out := make([]cue, len(phrases))
	for i, p := range phrases {
		out[i] = cue{phrase: p, intents: []string{intent}}
	}
	return out
}

// intentCues are the phrases of each language that name intents. Verbs
// count in the forms that ask for an action, not in those that describe a
// state: "disable" wants something off, "my account is disabled" reports a
// block.
var intentCues = map[string][]cue{
	English: join(
		cues(intentActivate, "turn on", "turn * on", "switch on", "switch * on", "enable", "enabling", "activate",
			"activating", "set up", "setup", "setting up", "put on"),
		cues(intentDeactivate, "turn off", "turn * off", "switch off", "switch * off", "disable", "disabling",
			"deactivate", "deactivating", "take off", "stop asking", "without the code", "only my password",
			"just my password", "no more"),
		[]cue{
			{"remove", []string{intentDeactivate, intentDelete}},
			{"get rid of", []string{intentDeactivate, intentDelete}},
			{"want * anymore", []string{intentDeactivate, intentDelete}},
			{"need * anymore", []string{intentDeactivate, intentDelete}},
		},
		cues(intentMissing, "not arriving", "isn't coming", "isnt coming", "not coming", "never came", "never arrived",
			"never shows up", "nothing came", "not received", "still no", "waiting for", "where is my", "no * in my",
			"there is no email", "doesn't arrive", "doesnt arrive", "didn't arrive", "didnt arrive"),
		cues(intentForgot, "forgot", "forgotten", "forget", "can't remember", "cant remember", "cannot remember",
			"don't remember", "dont remember", "don't know my", "dont know my", "no idea", "lost password",
			"lost my password", "lost my pw", "password lost", "misplaced my password", "what was my password"),
		cues(intentChange, "change", "changing", "changed", "update", "updating", "edit", "modify", "correct", "fix", "replace",
			"different", "another", "switch to"),
		cues(intentDelete, "delete", "deleting", "close my", "cancel", "erase", "wipe", "terminate"),
		cues(intentCreate, "sign up", "signup", "sign-up", "register", "registering", "registration",
			"create", "creating", "open an account", "make an account", "get a", "new account", "new mini id"),
	),
	German: join(
		cues(intentActivate, "einschalten", "anschalten", "anmachen", "aktivieren", "aktiviere", "aktiviern", "einrichten",
			"richte * ein", "absichern", "freischalten"),
		cues(intentDeactivate, "ausschalten", "abschalten", "abstellen", "ausmachen", "deaktivieren", "deaktiviere",
			"nur mit passwort", "kein * mehr"),
		[]cue{
			{"entfernen", []string{intentDeactivate, intentDelete}},
			{"loswerden", []string{intentDeactivate, intentDelete}},
			{"will * nicht mehr", []string{intentDeactivate, intentDelete}},
			{"mochte * nicht mehr", []string{intentDeactivate, intentDelete}},
			{"brauche * nicht mehr", []string{intentDeactivate, intentDelete}},
		},
		cues(intentMissing, "kommt nicht", "kommt * nicht", "nicht bekommen", "nicht erhalten", "nie erhalten", "nicht angekommen",
			"nicht gekommen", "fehlt", "wo bleibt", "kein * da", "nicht da", "warte", "dauert ewig", "immer noch kein",
			"auf sich warten"),
		cues(intentForgot, "vergessen", "vergesen", "weiss * nicht mehr", "kenne * nicht", "verloren"),
		cues(intentChange, "andern", "geandert", "wechseln", "wechsle", "aktualisieren", "korrigieren",
			"ersetzen", "umstellen", "stelle * um", "erneuern"),
		cues(intentDelete, "loschen", "losche", "kundigen", "auflosen", "schliessen"),
		cues(intentCreate, "registrieren", "registriere", "registrierung", "anlegen", "lege * an",
			"erstellen", "eroffnen", "beantragen", "neu anmelden"),
	),
}

func join(lists ...[]cue) []cue {
	var out []cue
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// maxGap is how many words a "*" of a cue stands for at most.
const maxGap = 3

// questionIntents returns the intents q names in lang.
func questionIntents(q, lang string) map[string]bool {
	in, _ := detectIntents(strings.FieldsFunc(fold(q), isSeparator), lang)
	return in
}

// detectIntents returns the intents the folded words name in lang, and
// which words named them. A negated verb of receiving ("I never got the
// code") names a missing thing too, and a German separable verb counts as
// its infinitive ("schalte … aus").
func detectIntents(words []string, lang string) (map[string]bool, []bool) {
	out := map[string]bool{}
	used := make([]bool, len(words))
	for _, c := range intentCues[lang] {
		for _, at := range matchCue(words, strings.Fields(c.phrase)) {
			used[at] = true
			for _, in := range c.intents {
				out[in] = true
			}
		}
	}
	ws := make([]word, len(words))
	for i, w := range words {
		ws[i] = word{orig: w, folded: w}
	}
	if len(intents(ws, lang)) > 0 {
		out[intentMissing] = true
		for i, w := range ws {
			used[i] = used[i] || w.used
		}
	}
	if inf, verb := joinSeparable(words, lang); inf != "" {
		for _, c := range intentCues[lang] {
			if c.phrase != inf {
				continue
			}
			used[verb], used[len(words)-1] = true, true
			for _, in := range c.intents {
				out[in] = true
			}
		}
	}
	return out, used
}

// matchCue returns the positions of the words that match phrase in words
// (in order, each "*" skipping up to maxGap words), for every match.
func matchCue(words, phrase []string) []int {
	var out []int
	for start := range words {
		if at := matchFrom(words, start, phrase, nil); at != nil {
			out = append(out, at...)
		}
	}
	return out
}

// matchFrom matches phrase from words[i] on and returns the positions of
// the matched words, or nil.
func matchFrom(words []string, i int, phrase []string, at []int) []int {
	if len(phrase) == 0 {
		if at == nil {
			return []int{}
		}
		return at
	}
	if phrase[0] == "*" {
		for skip := 0; skip <= maxGap && i+skip <= len(words); skip++ {
			if m := matchFrom(words, i+skip, phrase[1:], at); m != nil {
				return m
			}
		}
		return nil
	}
	if i < len(words) && words[i] == phrase[0] {
		return matchFrom(words, i+1, phrase[1:], append(at[:len(at):len(at)], i))
	}
	return nil
}
