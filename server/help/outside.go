package help

import "strings"

// outsideQuestions are questions the help centre has no article for, as
// customers of a car brand's portal ask them: the car, prices, financing,
// dealers and workshops, the phone in the car, the weather, small talk,
// and a person to talk to. A question closer to them than to any article's
// examples gets the honest "no answer" with the contact options, not the
// article that shares a word with it ("pair my phone with the car" is no
// question about the Phone ID). They also teach the classifier its outside
// class, so they cover the ground widely: a question outside that shares
// no word with an article is easy, one about the phone, the app or the
// account in the car is not.
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
		"What does a Cooper cost with all extras?",
		"Are there discounts on new cars this month?",
		"How much is my used car worth?",
		"Can I lease a car, and what does it cost per month?",
		"Do you offer financing or a loan for a new car?",
		"Which insurance do I need for my car?",
		"How long is the warranty on a new car?",
		"Is my car affected by a recall?",
		"How do I book a service at a workshop?",
		"When is my car due for its next inspection?",
		"What does the orange symbol on the dashboard mean?",
		"What tyre pressure does my car need?",
		"Where can I buy winter wheels?",
		"How far can the electric car drive on one charge?",
		"Where is the nearest charging station?",
		"How long does the battery take to charge?",
		"How much fuel does the car use?",
		"How do I update the maps of the navigation system?",
		"How do I install a software update in the car?",
		"How do I connect my phone with Apple CarPlay or Android Auto?",
		"My phone won't connect to the car radio",
		"Can I unlock or start my car with my phone?",
		"How do I find my parked car?",
		"Where can I download the owner's manual?",
		"Who do I call when my car breaks down?",
		"Can I order accessories such as roof boxes or floor mats?",
		"Where can I buy caps, mugs or model cars?",
		"Can I configure a new car and order it here?",
		"Is there a dealer open on Saturday?",
		"Is the showroom open on public holidays?",
		"Can I apply for a job at the company?",
		"What's the weather tomorrow?",
		"Who won the game last night?",
		"Recommend a good restaurant near me",
		"Let's chat about football",
		"What's the time in New York?",
		"How do I get to the airport?",
		"Can you book a flight for me?",
		"What's the capital of France?",
		"Sing me a song",
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
		"Was kostet ein Cooper mit allen Extras?",
		"Gibt es diesen Monat Rabatte auf Neuwagen?",
		"Was ist mein Gebrauchtwagen noch wert?",
		"Kann ich ein Auto leasen, und was kostet das im Monat?",
		"Bietet ihr eine Finanzierung oder einen Kredit für einen Neuwagen an?",
		"Welche Versicherung brauche ich für mein Auto?",
		"Wie lange gilt die Garantie auf einen Neuwagen?",
		"Ist mein Auto von einem Rückruf betroffen?",
		"Wie buche ich einen Service in der Werkstatt?",
		"Wann muss mein Auto zur nächsten Inspektion?",
		"Im Armaturenbrett leuchtet eine Warnlampe",
		"Welchen Reifendruck braucht mein Auto?",
		"Welche Felgen passen auf meinen Wagen?",
		"Wie weit fährt das Elektroauto mit einer Ladung?",
		"Wo ist die nächste Ladestation?",
		"Wie lange dauert das Laden der Batterie?",
		"Wie viel Sprit verbraucht das Auto?",
		"Wie aktualisiere ich die Karten des Navigationssystems?",
		"Wie spiele ich ein Software-Update im Auto ein?",
		"Wie verbinde ich mein Handy mit Apple CarPlay oder Android Auto?",
		"Wie kopple ich mein Telefon per Bluetooth mit dem Auto?",
		"Kann ich mein Auto mit dem Handy öffnen oder starten?",
		"Wie finde ich mein geparktes Auto?",
		"Wo kann ich die Betriebsanleitung herunterladen?",
		"Wen rufe ich an, wenn mein Auto liegen bleibt?",
		"Kann ich Zubehör wie Dachboxen oder Fußmatten bestellen?",
		"Wo kann ich Kappen, Tassen oder Modellautos kaufen?",
		"Kann ich hier ein neues Auto konfigurieren und bestellen?",
		"Hat ein Händler am Samstag geöffnet?",
		"Wie sind die Öffnungszeiten des Autohauses?",
		"Kann ich mich bei der Firma auf eine Stelle bewerben?",
		"Scheint am Wochenende die Sonne?",
		"Wer hat gestern das Spiel gewonnen?",
		"Empfiehl mir ein gutes Restaurant in der Nähe",
		"Erzähl mir eine Geschichte",
		"Wie spät ist es in New York?",
		"Wie komme ich zum Flughafen?",
		"Kannst du mir einen Flug buchen?",
		"Was ist die Hauptstadt von Frankreich?",
		"Sing mir ein Lied",
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
		"support erreichen", "hotline", "anrufen", "telefonieren", "mit einem mitarbeiter", "mit einer mitarbeiterin", "mitarbeiter sprechen", "mitarbeiter erreichen", "mit einem menschen",
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
