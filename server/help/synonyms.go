package help

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// synonyms maps the words customers use to the words the articles use, per
// language. It is query expansion for search and the assistant: a matched
// phrase is replaced by its expansion, which repeats the phrase where the
// articles use it too. Phrases are lower case with single spaces.
var synonyms = map[string][]synonym{
	English: {
		{"two-factor authentication", "two factor authentication", "two factor auth", "two-factor auth", "2 factor authentication", "2-factor authentication", "two factor", "2 factor", "2-factor", "2fa", "mfa", "multi factor authentication", "multi-factor authentication", "two step verification", "two-step verification", "2-step verification", "2 step verification", "second factor"},
		{"activation code", "one time code", "one-time code", "otp", "verification code", "security code", "login code", "sign in code", "6 digit code", "6-digit code", "pin code", "passcode"},
		{"log|login", "sign in", "sign-in", "signin", "signing in", "sign on", "log on", "logon", "logging in", "log into", "log-in", "login", "get into my account", "get in"},
		{"log out", "sign out", "signout", "sign-out", "logout", "log off"},
		{"register|registration", "sign up", "signup", "sign-up", "create an account", "create account", "create a new account", "make an account", "open an account", "new account", "registration", "enroll", "enrol"},
		{"activate", "turn on", "switch on", "enable", "turn it on", "switch it on"},
		{"deactivate", "turn off", "switch off", "disable", "turn it off", "switch it off"},
		{"mobile number", "phone number", "mobile phone number", "cell phone number", "cell phone", "cellphone", "cell number", "mobile phone", "handy"},
		{"sms text message", "text message", "sms", "text"},
		{"e-mail", "email", "emails", "e mail"},
		{"temporarily blocked", "locked out", "lockout", "lock out", "locked", "blocked", "suspended", "frozen", "banned"},
		{"5 wrong passwords temporarily blocked", "too many attempts", "too many tries", "too many wrong", "too many times"},
		{"forgot password reset", "can't remember my password", "cannot remember my password", "don't remember my password", "forgotten my password", "forgotten", "lost my password", "reset my password", "reset password", "recover my password"},
		{"delete account", "close my account", "close account", "cancel my account", "cancel account", "remove my account", "terminate my account", "deactivate my account", "delete my account", "get rid of my account", "erase my account"},
		{"log out on all other devices sessions", "log out everywhere", "sign out everywhere", "logged in elsewhere", "other devices", "all devices", "signed in devices", "logged in devices"},
		{"security events log in", "login history", "who logged in", "account activity", "activity log", "history"},
		{"offline network connection", "no internet", "without internet", "no connection", "no network", "without network", "offline mode", "no signal", "without a connection"},
		{"install app home screen", "home screen", "homescreen", "download the app", "download app", "pwa"},
		{"passkey", "fingerprint", "face id", "faceid", "touch id", "without a password", "passwordless", "password-less", "webauthn", "fido"},
		{"privacy personal data", "gdpr", "data protection", "personal information"},
		{"salted hash stored", "hashed", "encrypted", "encryption", "store my password", "plain text", "plaintext", "clear text", "cleartext"},
		{"optional", "required", "mandatory", "compulsory", "do i have to give", "do i have to enter"},
		{"ai assistant", "chatbot", "chat bot", "bot", "ai"},
		{"confirmation e-mail link", "verification email", "verification e-mail", "verify my email", "verify my e-mail", "verification link", "activation email", "activation e-mail", "confirm my email", "confirmation mail", "confirmation email", "welcome email"},
		{"e-mail address", "username", "user name", "user id"},
		{"helpful", "vote", "rate", "rating", "thumbs up"},
		{"undone", "for good", "permanently", "forever"},
		{"device", "this phone", "this computer", "this laptop", "this tablet", "my laptop", "my computer", "my tablet", "this browser"},
		{"30 minutes", "half an hour", "half hour", "30 mins", "30 min"},
		{"change e-mail address new", "different email", "different e-mail", "another email", "another e-mail", "new email", "new e-mail", "other email", "other e-mail"},
		{"strength meter", "strength bar", "strength indicator", "password meter", "strength scale"},
		{"5 wrong passwords in a row temporarily blocked", "several times", "too often", "multiple times", "many times"},
		{"failed logins security events", "failed login attempts", "failed log in attempts", "failed logins", "failed attempts", "login attempts"},
		{"privacy personal data stored", "what data do you store", "store my data", "data stored", "stored data", "keep my data", "know about me"},
		{"country of residence", "live abroad", "moved abroad", "move abroad", "moved to another country", "moving to another country", "i live in", "live in", "living in", "reside"},
	},
	German: {
		{"zwei-faktor-authentifizierung", "zwei faktor authentifizierung", "zwei-faktor", "zwei faktor", "zweifaktor", "2-faktor", "2 faktor", "2fa", "mfa", "zweistufige anmeldung", "zweistufig", "zweiten faktor", "zweiter faktor"},
		{"anmelden|anmeldung|einloggen", "einloggen", "einlogge", "eingeloggt", "login", "log in", "log-in", "reinkommen", "rein kommen", "hineinkommen", "anmeldung"},
		{"abmelden", "ausloggen", "logout", "log out"},
		{"registrieren|registrierung erstellen", "konto anlegen", "konto erstellen", "account anlegen", "account erstellen", "neues konto", "anlegen"},
		{"aktivieren|einschalten", "einschalten", "anschalten", "anmachen", "freischalten"},
		{"deaktivieren|ausschalten", "ausschalten", "abschalten", "abstellen", "ausmachen", "loswerden"},
		{"mobilnummer", "handynummer", "handy nummer", "telefonnummer", "mobilfunknummer", "handy"},
		{"sms", "textnachricht", "kurznachricht"},
		{"e-mail", "email", "e mail", "emails", "mail", "mails"},
		{"bestätigungs-e-mail link bestätigen", "bestätigungsmail", "bestätigungsemail", "bestätigungs-mail", "bestätigungslink", "verifizierungsmail", "verifizierungslink", "aktivierungsmail", "aktivierungslink", "willkommensmail"},
		{"vorübergehend gesperrt sperre", "gesperrt", "sperre", "blockiert", "ausgesperrt", "zu oft falsch", "zu viele versuche", "zu viele fehlversuche"},
		{"passwort", "kennwort", "pw"},
		{"passwort vergessen", "weiß mein passwort nicht mehr", "passwort nicht mehr", "passwort verloren"},
		{"löschen konto", "konto löschen", "account löschen", "konto kündigen", "account kündigen", "kündigen", "konto schließen", "account schließen", "löschen lassen"},
		{"auf allen anderen geräten abmelden sitzungen", "überall abmelden", "andere geräte", "alle geräte", "angemeldete geräte", "eingeloggte geräte"},
		{"sicherheitsereignisse aktivitäten", "verlauf", "protokoll", "wer hat sich angemeldet", "anmeldeverlauf"},
		{"adresse", "anschrift", "postanschrift", "wohnadresse"},
		{"30 minuten", "halbe stunde", "halben stunde", "30 min"},
		{"stärkeanzeige", "stärkebalken", "balken", "passwortstärke"},
		{"umzug adresse", "umgezogen", "umzug", "umziehen", "neue adresse"},
		{"wohnsitzland", "wohnort", "wohnsitz", "ins ausland", "wohne", "wohnen", "lebe", "leben"},
		{"5 falschen passwörtern in folge vorübergehend gesperrt", "zu oft", "mehrmals falsch", "mehrfach falsch", "mehrmals", "mehrfach"},
		{"fehlgeschlagene anmeldungen sicherheitsereignisse", "fehlgeschlagene anmeldeversuche", "fehlgeschlagene anmeldungen", "anmeldeversuche", "fehlversuche", "fehlgeschlagene logins"},
		{"datenschutz gespeichert", "daten gespeichert", "daten speichern", "speichert ihr", "was wird gespeichert", "was speichert", "welche daten"},
		{"offline verbindung", "kein internet", "ohne internet", "keine verbindung", "ohne netz", "kein netz", "offline-modus", "kein empfang"},
		{"app installieren startbildschirm", "homescreen", "herunterladen", "app laden", "app runterladen"},
		{"passkey", "fingerabdruck", "face id", "gesichtserkennung", "ohne passwort", "passwortlos"},
		{"datenschutz persönliche daten", "dsgvo", "datensicherheit"},
		{"hash gespeichert", "verschlüsselt", "verschlüsselung", "gehasht", "im klartext", "klartext", "lesbar"},
		{"freiwillig", "pflicht", "pflichtfeld", "pflichtangabe", "vorgeschrieben", "muss ich angeben", "erforderlich", "notwendig"},
		{"ki-assistent", "chatbot", "bot", "ki", "assistent"},
		{"aktivierungscode code", "einmalcode", "bestätigungscode", "sicherheitscode", "verifizierungscode", "tan"},
		{"hilfreich", "bewerten", "bewertung", "abstimmen", "daumen hoch"},
	},
}

// synonym is an expansion followed by the phrases it replaces. In the
// expansion, words joined by "|" are alternatives of one idea ("log|login"):
// the re-ranking counts them as one word of the question, matched by either.
type synonym []string

type phrase struct {
	from []string // folded words
	to   string
}

// phrases lists every language's phrases longest first, so "two factor
// authentication" wins over "two factor".
var phrases = func() map[string][]phrase {
	out := map[string][]phrase{}
	for lang, list := range synonyms {
		var ps []phrase
		for _, syn := range list {
			for _, from := range syn[1:] {
				ps = append(ps, phrase{from: strings.Fields(fold(from)), to: syn[0]})
			}
		}
		sort.SliceStable(ps, func(i, j int) bool {
			if len(ps[i].from) != len(ps[j].from) {
				return len(ps[i].from) > len(ps[j].from)
			}
			return len(strings.Join(ps[i].from, " ")) > len(strings.Join(ps[j].from, " "))
		})
		out[lang] = ps
	}
	return out
}()

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
	for _, w := range strings.FieldsFunc(strings.ToLower(q), isSeparator) {
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

func matchAt(words []word, i int, from []string) bool {
	for j, f := range from {
		if words[i+j].used || words[i+j].folded != f {
			return false
		}
	}
	return true
}

func isSeparator(r rune) bool {
	return !(r == '-' || r == '\'' || r == '’' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

// separable German verbs: stem of the conjugated verb → infinitive.
var separable = map[string]string{
	"schalt": "schalten", "meld": "melden", "leg": "legen", "setz": "setzen", "komm": "kommen",
	"stell": "stellen", "mach": "machen", "logg": "loggen", "lad": "laden", "richt": "richten",
	"fug": "fugen", "geb": "geben", "wahl": "wahlen", "forder": "fordern",
}

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
		for stem, inf := range separable {
			if strings.HasPrefix(w, stem) && len(w) <= len(stem)+2 {
				return particle + inf, i
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
