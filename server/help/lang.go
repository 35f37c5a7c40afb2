package help

import (
	"strings"
)

// Words that tell the two languages apart in a short question. Words both
// languages use ("in", "was", "will", "am") are left out.
var (
	englishWords = wordSet(`i i'm i've my me how what where why when which who the a is are can could
		do does did don't doesn't didn't can't won't isn't to of on for with and or not it this that you your
		get got have has there from be should would if into no any some again anymore never still after
		without about want need my there's it's please help sign log forgot change delete turn switch
		mobile number password address data devices device lost never received`)
	germanWords = wordSet(`ich mein meine meinen meiner meinem mich mir wie wo warum wann welche welcher wer der
		die das den dem des ein eine einen einem einer ist sind kann können konnte muss habe hab hat haben nicht
		kein keine keinen und oder mit für auf zu zum zur von bei es sie ihr noch schon bekommen bekomme
		bekam geht gibt man wieder nach ohne sich aus auch nur bitte dass wenn weil werden wird wurde mehr nie
		immer soll möchte brauche passwort anmelden einloggen konto handy handynummer ändern löschen vergessen
		gesperrt aktivieren ausschalten einschalten geräte gerät daten adresse sprache land umgezogen
		funktioniert klappt kommt angekommen wieso weshalb dort hier jetzt mal sache ding einrichten
		hinzufügen anlegen erstellen registrieren zurücksetzen abmelden ausloggen entfernen eingeben anzeigen`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// DetectLang guesses the language of a question from its function words and
// umlauts. sure is false when nothing tells them apart; lang is then English.
func DetectLang(q string) (lang string, sure bool) {
	en, de := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !(r == '\'' || r == '’' || r == '-' || r >= 'a' && r <= 'z' || r >= 0xC0)
	}) {
		w = strings.ReplaceAll(w, "’", "'")
		if strings.ContainsAny(w, "äöüß") {
			de += 2
		}
		if englishWords[w] {
			en++
		}
		if germanWords[w] {
			de++
		}
	}
	switch {
	case de > en:
		return German, true
	case en > de:
		return English, true
	}
	return English, false
}
