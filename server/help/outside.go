package help

import "strings"

// outsideQuestions are questions the help centre has no article for, as
// customers of a car brand's portal ask them: the car, prices, dealers and
// workshops, the weather, small talk, and a person to talk to. A question
// closer to them than to any article's examples gets the honest "no
// answer" with the contact options, not the article that shares a word
// with it ("pair my phone with the car" is no question about the Phone
// ID).
var outsideQuestions = map[string][]string{
	English: {
		"What does a new car cost?",
		"What's the price of this model?",
		"Which engine does my car have?",
		"How do I book a test drive or a service appointment?",
		"Where can I find a dealer or a workshop near me?",
		"What is the range of the electric model on a full charge?",
		"Which tyres and which oil does my car need?",
		"How do I connect my smartphone to the car via Bluetooth?",
		"What will the weather be like?",
		"Tell me something funny",
		"How can I talk to customer service or call the hotline?",
		"When is the showroom open?",
		"Can I order accessories or spare parts?",
		"What's in the news today?",
	},
	German: {
		"Was kostet ein Neuwagen?",
		"Wie teuer ist dieses Modell?",
		"Welchen Motor hat mein Auto?",
		"Wie buche ich eine Probefahrt oder einen Werkstatttermin?",
		"Wo finde ich einen Händler oder eine Werkstatt in meiner Nähe?",
		"Welche Reichweite hat das Elektromodell mit voller Batterie?",
		"Welche Reifen und welches Öl braucht mein Auto?",
		"Wie verbinde ich mein Smartphone per Bluetooth mit dem Fahrzeug?",
		"Wie wird das Wetter?",
		"Erzähl mir etwas Lustiges",
		"Kann ich mit jemandem vom Kundendienst telefonieren?",
		"Wann hat das Autohaus geöffnet?",
		"Kann ich Zubehör oder Ersatzteile bestellen?",
		"Was gibt es heute Neues in den Nachrichten?",
	},
}

// contactCues are phrases (folded, as intent cues) that ask for a person:
// the help centre's answer to them is the contact options, whatever
// article shares a word with them ("customer service e-mail address" is no
// question about changing one's e-mail address).
var contactCues = map[string][]string{
	English: {"customer service", "customer support", "customer care", "support team", "tech support", "support email",
		"support number", "hotline", "call", "talk to someone", "talk to a person", "talk to an agent", "agent",
		"speak to", "speak with", "contact", "reach someone", "reach a human", "talk to a human", "real human"},
	German: {"kundenservice", "kundendienst", "kundensupport", "kundenbetreuung", "vom support", "den support", "beim support",
		"support erreichen", "hotline", "anrufen", "telefonieren", "mitarbeiter", "mitarbeiterin", "mit einem menschen",
		"kontakt", "kontaktieren", "ansprechpartner"},
}

// asksForContact reports whether q asks for a person to talk to.
func asksForContact(q, lang string) bool {
	words := strings.FieldsFunc(fold(q), isSeparator)
	for _, c := range contactCues[lang] {
		if len(matchCue(words, strings.Fields(c))) > 0 {
			return true
		}
	}
	return false
}
