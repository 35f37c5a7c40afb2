package help

import (
	"sort"
	"strings"
)

// synonyms maps the words customers use to the words the articles use, per
// language. It is query expansion for search and the assistant: a matched
// phrase is replaced by its expansion, which repeats the phrase where the
// articles use it too. Phrases are lower case with single spaces.
var synonyms = map[string][]synonym{
	English: {
		{"two-factor authentication", "two factor authentication", "two factor auth", "two-factor auth", "2 factor authentication", "2-factor authentication", "two factor", "2 factor", "2-factor", "2fa", "mfa", "multi factor authentication", "multi-factor authentication", "two step verification", "two-step verification", "2-step verification", "2 step verification", "second factor", "second layer", "extra layer", "additional layer", "another layer", "extra step", "additional step", "second step", "extra security", "additional security", "extra protection", "additional protection", "extra safety"},
		{"activation code", "one time code", "one-time code", "otp", "verification code", "security code", "login code", "sign in code", "6 digit code", "6-digit code", "pin code", "passcode"},
		{"log|login", "sign in", "sign-in", "signin", "signing in", "sign on", "log on", "logon", "logging in", "log into", "log-in", "login", "get into my account", "get in"},
		{"log out", "sign out", "signout", "sign-out", "logout", "log off"},
		{"register|registration", "sign up", "signup", "sign-up", "create an account", "create account", "create a new account", "make an account", "open an account", "new account", "registration", "enroll", "enrol"},
		{"activate", "turn on", "switch on", "enable", "turn it on", "switch it on"},
		{"deactivate", "turn off", "switch off", "disable", "turn it off", "switch it off"},
		{"mobile number", "phone number", "mobile phone number", "cell phone number", "cell phone", "cellphone", "cell number", "mobile phone", "handy"},
		{"sms text message", "text message", "sms", "text"},
		{"e-mail", "email", "emails", "e mail"},
		{"temporarily blocked", "locked out", "lockout", "lock out", "locked", "blocked", "suspended", "frozen", "banned", "is disabled", "was disabled", "got disabled", "been disabled", "account disabled", "id disabled", "is deactivated", "was deactivated", "got deactivated", "been deactivated", "account deactivated", "id deactivated"},
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
		{"ai assistant", "chatbot", "chat bot", "bot", "ai", "are you", "do you know", "what do you know", "do you have access", "chatting", "chat", "talking to", "talk to you", "who are you", "what are you"},
		{"confirmation e-mail link", "verification email", "verification e-mail", "verify my email", "verify my e-mail", "verification link", "activation email", "activation e-mail", "confirm my email", "confirmation mail", "confirmation email", "welcome email"},
		{"e-mail address", "username", "user name", "user id"},
		{"helpful", "vote", "rate", "rating", "thumbs up"},
		{"undone", "for good", "permanently", "forever"},
		{"device", "this phone", "this computer", "this laptop", "this tablet", "my laptop", "my computer", "my tablet", "this browser"},
		{"long|valid", "how long"},
		{"30 minutes", "half an hour", "half hour", "30 mins", "30 min"},
		{"change e-mail address new", "different email", "different e-mail", "another email", "another e-mail", "new email", "new e-mail", "other email", "other e-mail"},
		{"strength meter", "strength bar", "strength indicator", "password meter", "strength scale"},
		{"5 wrong passwords in a row temporarily blocked", "several times", "too often", "multiple times", "many times"},
		{"failed logins security events", "failed login attempts", "failed log in attempts", "failed logins", "failed attempts", "login attempts"},
		{"privacy personal data stored", "what data do you store", "store my data", "data stored", "stored data", "keep my data", "know about me"},
		{"authenticator app", "authenticator", "authenticator apps", "authy", "totp", "google authenticator", "microsoft authenticator", "authentication app", "auth app"},
		{"password", "pw", "passwort", "passwd"},
		{"e-mail address password", "credentials", "login details", "login data", "sign in details", "log in details"},
		{"not confirmed", "unverified", "not verified", "isn't verified", "isnt verified", "not been verified"},
		{"protect", "secure", "more secure", "safer", "safe", "safety", "protection", "protected"},
		{"date of birth", "birthday", "birth date", "birthdate", "dob"},
		{"title", "academic title", "doctor title", "dr", "prof", "professor", "doctor"},
		{"last name", "surname", "family name", "maiden name", "married name"},
		{"name", "got married", "married", "marriage", "wedding", "divorce", "divorced"},
		{"portal", "this website", "this site", "this page", "the website", "the site", "this portal", "do here"},
		{"log out 30 minutes", "kicked out", "thrown out", "keep getting logged out", "logged out automatically"},
		{"country of residence", "live abroad", "moved abroad", "move abroad", "moved to another country", "moving to another country", "i live in", "live in", "living in", "reside"},
	},
	German: {
		{"zwei-faktor-authentifizierung", "zwei faktor authentifizierung", "zwei-faktor", "zwei faktor", "zweifaktor", "2-faktor", "2 faktor", "2fa", "mfa", "zweistufige anmeldung", "zweistufig", "zweiten faktor", "zweiter faktor", "zweite sicherheitsstufe", "sicherheitsstufe", "zusätzlicher schutz", "zusätzliche absicherung", "extra schritt", "zusätzlicher schritt", "zweiter schritt", "zweite schutzstufe"},
		{"anmelden|anmeldung|einloggen", "einloggen", "einlogge", "eingeloggt", "login", "log in", "log-in", "reinkommen", "rein kommen", "hineinkommen", "anmeldung"},
		{"abmelden", "ausloggen", "abloggen", "logout", "log out"},
		{"registrieren|registrierung erstellen", "konto anlegen", "konto erstellen", "account anlegen", "account erstellen", "neues konto", "anlegen", "id beantragen", "id anfordern"},
		{"aktivieren|einschalten", "einschalten", "anschalten", "anmachen", "freischalten"},
		{"deaktivieren|ausschalten", "ausschalten", "abschalten", "abstellen", "ausmachen", "loswerden"},
		{"mobilnummer", "handynummer", "handy nummer", "telefonnummer", "mobilfunknummer", "handy"},
		{"sms", "textnachricht", "kurznachricht"},
		{"e-mail", "email", "e mail", "emails", "mail", "mails"},
		{"bestätigungs-e-mail link bestätigen", "bestätigungsmail", "bestätigungsemail", "bestätigungs-mail", "bestätigungslink", "verifizierungsmail", "verifizierungslink", "aktivierungsmail", "aktivierungslink", "willkommensmail"},
		{"vorübergehend gesperrt sperre", "gesperrt", "sperre", "blockiert", "ausgesperrt", "zu oft falsch", "zu viele versuche", "zu viele fehlversuche", "eingefroren", "konto deaktiviert", "konto wurde deaktiviert", "konto ist deaktiviert", "account deaktiviert", "account wurde deaktiviert", "id ist deaktiviert", "id deaktiviert"},
		{"passwort", "kennwort", "pw"},
		{"passwort vergessen", "weiß mein passwort nicht mehr", "passwort nicht mehr", "passwort verloren"},
		{"löschen konto", "konto löschen", "account löschen", "konto kündigen", "account kündigen", "kündigen", "konto schließen", "account schließen", "löschen lassen"},
		{"auf allen anderen geräten abmelden sitzungen", "überall abmelden", "andere geräte", "alle geräte", "angemeldete geräte", "eingeloggte geräte"},
		{"sicherheitsereignisse aktivitäten", "verlauf", "protokoll", "wer hat sich angemeldet", "anmeldeverlauf"},
		{"adresse", "anschrift", "postanschrift", "wohnadresse"},
		{"lange|gültig", "wie lange"},
		{"30 minuten", "halbe stunde", "halben stunde", "30 min"},
		{"stärkeanzeige", "stärkebalken", "balken", "passwortstärke"},
		{"umzug adresse", "umgezogen", "umzug", "umziehen", "neue adresse"},
		{"authenticator app", "authenticator", "authenticator-app", "authentifizierungs app", "authentifizierungsapp", "authentifizierungs-app", "authy", "totp", "google authenticator"},
		{"schützen", "sicherer", "schutz", "absichern", "geschützt", "sicher machen"},
		{"e-mail-adresse passwort", "zugangsdaten", "anmeldedaten", "logindaten"},
		{"nicht bestätigt", "noch nicht bestätigt", "nicht verifiziert", "unbestätigt", "unverifiziert"},
		{"e-mail-adresse", "emailadresse", "mailadresse", "e-mailadresse", "mail-adresse", "email-adresse", "mailaddresse"},
		{"geburtsdatum", "geburtstag", "geburtsdaten"},
		{"titel", "doktortitel", "doktor", "dr", "prof", "professor", "akademischer titel"},
		{"name", "geheiratet", "heirat", "hochzeit", "scheidung", "geschieden", "heiße", "heisse"},
		{"datum formaten", "datumsformat", "datumsanzeige", "formatiert", "format"},
		{"portal", "diese seite", "die seite", "webseite", "website", "hier machen", "hier tun", "das hier", "für eine seite"},
		{"abgemeldet 30 minuten", "rausgeworfen", "fliege raus", "fliege immer raus", "rausfliegen", "rausgeschmissen", "dauernd ausgeloggt"},
		{"wohnsitzland", "wohnort", "wohnsitz", "ins ausland", "wohne", "wohnen", "lebe", "leben"},
		{"5 falschen passwörtern in folge vorübergehend gesperrt", "zu oft", "mehrmals falsch", "mehrfach falsch", "mehrmals", "mehrfach"},
		{"fehlgeschlagene anmeldungen sicherheitsereignisse", "fehlgeschlagene anmeldeversuche", "fehlgeschlagene anmeldungen", "anmeldeversuche", "fehlversuche", "fehlgeschlagene logins", "versucht einzuloggen", "versucht hat sich einzuloggen", "versucht anzumelden", "versucht hat sich anzumelden", "versucht in mein konto"},
		{"datenschutz gespeichert", "daten gespeichert", "daten speichern", "speichert ihr", "was wird gespeichert", "was speichert", "welche daten"},
		{"offline verbindung", "kein internet", "ohne internet", "keine verbindung", "ohne netz", "kein netz", "offline-modus", "kein empfang"},
		{"app installieren startbildschirm", "homescreen", "herunterladen", "app laden", "app runterladen"},
		{"passkey", "fingerabdruck", "face id", "gesichtserkennung", "ohne passwort", "passwortlos"},
		{"datenschutz persönliche daten", "dsgvo", "datensicherheit"},
		{"hash gespeichert", "verschlüsselt", "verschlüsselung", "gehasht", "im klartext", "klartext", "lesbar"},
		{"freiwillig", "pflicht", "pflichtfeld", "pflichtangabe", "vorgeschrieben", "muss ich angeben", "erforderlich", "notwendig"},
		{"ki-assistent", "chatbot", "bot", "ki", "assistent", "du", "dich", "dir", "bist du", "kannst du", "weißt du"},
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
