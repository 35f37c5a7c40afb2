package help

import (
	"strings"
	"unicode/utf8"
)

// closeEnough reports whether two stems differ by a typo: edit distance 1
// for words of 6 or more letters, 2 for 8 or more.
func closeEnough(a, b string) (int, bool) {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la < 6 || lb < 6 {
		return 0, false
	}
	max := 1
	if la >= 8 && lb >= 8 {
		max = 2
	}
	if la-lb > max || lb-la > max {
		return 0, false
	}
	d := levenshtein([]rune(a), []rune(b), max)
	return d, d > 0 && d <= max
}

// levenshtein returns the edit distance of a and b, or max+1 once it is
// clear that it exceeds max.
func levenshtein(a, b []rune, max int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// compoundPart reports whether one word is the head or the start of the
// other, a compound: "code" in "aktivierungscode", "handy" in "handynummer".
// The part must have 4 letters and the rest 3, so "aktivieren" is not part
// of "deaktivieren".
func compoundPart(a, b string) bool {
	if len(a) == len(b) {
		return false
	}
	part, whole := a, b
	if len(part) > len(whole) {
		part, whole = whole, part
	}
	if utf8.RuneCountInString(part) < 4 || utf8.RuneCountInString(whole)-utf8.RuneCountInString(part) < 3 {
		return false
	}
	return strings.HasSuffix(whole, part) || strings.HasPrefix(whole, part)
}

// fillers are words of chatty questions that say nothing about the topic
// (the analyzers' stop word lists cover the grammatical ones).
var fillers = map[string]map[string]bool{
	English: foldedSet(`never got get gets getting gotten want wanted need needs needed please help thing things
		stuff way possible able still anymore again just really actually also now hi hello hey thanks thank know
		tell happen happens happened work works working worked use using make see go going ok okay problem issue
		trying try tried keep keeps something anything nothing someone somebody everything question anyone
		do does did done can could would should will shall may might must there`),
	German: foldedSet(`bekommen bekomme bekam bekommt gekriegt kriege krieg geht gehen machen mache macht kann
		kannst könnte konnte muss musst möchte will willst bitte hallo danke irgendwie eigentlich sache ding
		mal einfach immer nie nicht noch schon gerade jetzt trotzdem wieso weshalb klappt funktioniert tun tue
		brauche brauch sehen sehe problem frage leider hilfe gibt gibts irgendwas etwas nichts jemand
		richtig geschafft hin hab habe per warum obwohl wofür überhaupt denn also finde finden findet
		beim vom zum zur ins im am ans aufs bedeutet bedeuten heisst wer wen wem wessen passiert passieren geschieht verwenden verwende nutzen nutze benutzen benutze`),
}

func foldedSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[fold(w)] = true
	}
	return m
}
