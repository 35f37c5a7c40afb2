package i18n

// Keys of the help centre's pages: /help, /help/{slug} and the assistant
// panel. (The words the server also uses live in messages_help.go.)
const (
	HelpLead            Key = "helpui.lead"
	HelpSearchTitle     Key = "helpui.search_title"
	HelpSearchLabel     Key = "helpui.search_label"
	HelpSearchButton    Key = "helpui.search_button"
	HelpSearchEmpty     Key = "helpui.search_empty"
	HelpSearching       Key = "helpui.searching"
	HelpSearchResults   Key = "helpui.search_results"
	HelpSearchOne       Key = "helpui.search_one"
	HelpSearchMany      Key = "helpui.search_many"
	HelpSearchNone      Key = "helpui.search_none"
	HelpSearchClear     Key = "helpui.search_clear"
	HelpFoundInEnglish  Key = "helpui.found_in_en"
	HelpFoundInGerman   Key = "helpui.found_in_de"
	HelpMostRead        Key = "helpui.most_read"
	HelpTopics          Key = "helpui.topics"
	HelpBreadcrumbLabel Key = "helpui.breadcrumb"
	HelpWasHelpful      Key = "helpui.was_helpful"
	HelpYes             Key = "helpui.yes"
	HelpNo              Key = "helpui.no"
	HelpThanks          Key = "helpui.thanks"
	HelpVoteCounts      Key = "helpui.vote_counts"
	HelpRelated         Key = "helpui.related"
	HelpBackToCentre    Key = "helpui.back"
	HelpMissingTitle    Key = "helpui.missing_title"
	HelpMissingHint     Key = "helpui.missing_hint"
	HelpAssistantTitle  Key = "helpui.assistant_title"
	HelpAssistantHello  Key = "helpui.assistant_hello"
	HelpAssistantLabel  Key = "helpui.assistant_label"
	HelpAssistantHint   Key = "helpui.assistant_hint"
	HelpAssistantNote   Key = "helpui.assistant_note"
	HelpCharacters      Key = "helpui.characters"
	HelpAsk             Key = "helpui.ask"
	HelpThinking        Key = "helpui.thinking"
	HelpAnswerTitle     Key = "helpui.answer_title"
	HelpReadArticle     Key = "helpui.read_article"
	HelpSuggestions     Key = "helpui.suggestions"
	HelpQuestionOver    Key = "helpui.question_over"
)

func init() {
	register(map[Key][2]string{
		HelpLead: {"Answers about your {brand} ID: search, browse the topics, or ask the assistant.",
			"Antworten rund um Ihre {brand} ID: suchen, in den Themen stöbern oder den Assistenten fragen."},
		HelpSearchTitle:  {"Search", "Suche"},
		HelpSearchLabel:  {"Search the help centre", "Hilfe-Center durchsuchen"},
		HelpSearchButton: {"Search", "Suchen"},
		HelpSearchEmpty: {"Please type what you are looking for, for example “password”.",
			"Bitte geben Sie ein, wonach Sie suchen, zum Beispiel „Passwort“."},
		HelpSearching:     {"Searching…", "Suche läuft …"},
		HelpSearchResults: {"Results for “{q}”", "Ergebnisse für „{q}“"},
		HelpSearchOne:     {"1 article found.", "1 Artikel gefunden."},
		HelpSearchMany:    {"{n} articles found.", "{n} Artikel gefunden."},
		HelpSearchNone: {"No article matches “{q}”. Try other words, or ask the assistant.",
			"Kein Artikel passt zu „{q}“. Versuchen Sie andere Wörter oder fragen Sie den Assistenten."},
		HelpSearchClear:     {"Clear search", "Suche zurücksetzen"},
		HelpFoundInEnglish:  {"found in English", "auf Englisch gefunden"},
		HelpFoundInGerman:   {"found in German", "auf Deutsch gefunden"},
		HelpMostRead:        {"Most read", "Meistgelesen"},
		HelpTopics:          {"All topics", "Alle Themen"},
		HelpBreadcrumbLabel: {"Breadcrumb", "Navigationspfad"},
		HelpWasHelpful:      {"Was this article helpful?", "War dieser Artikel hilfreich?"},
		HelpYes:             {"Yes", "Ja"},
		HelpNo:              {"No", "Nein"},
		HelpThanks:          {"Thank you for your feedback.", "Vielen Dank für Ihr Feedback."},
		HelpVoteCounts:      {"Helpful for {yes} of {total} readers.", "Hilfreich für {yes} von {total} Lesenden."},
		HelpRelated:         {"Related articles", "Verwandte Artikel"},
		HelpBackToCentre:    {"Back to the help centre", "Zurück zum Hilfe-Center"},
		HelpMissingTitle:    {"Article not found", "Artikel nicht gefunden"},
		HelpMissingHint: {"It may have been moved or renamed. Search the help centre or browse its topics.",
			"Vielleicht wurde er verschoben oder umbenannt. Durchsuchen Sie das Hilfe-Center oder stöbern Sie in den Themen."},
		HelpAssistantTitle: {"{brand} AI Assistant", "{brand} KI-Assistent"},
		HelpAssistantHello: {"Hello! Ask me anything about your {brand} ID. I answer from the help articles and show you where I found it.",
			"Hallo! Fragen Sie mich alles rund um Ihre {brand} ID. Ich antworte aus den Hilfeartikeln und zeige Ihnen, wo ich es gefunden habe."},
		HelpAssistantLabel: {"Your question", "Ihre Frage"},
		HelpAssistantHint:  {"Enter asks, Shift+Enter starts a new line.", "Enter schickt die Frage ab, Umschalt+Enter beginnt eine neue Zeile."},
		HelpAssistantNote: {"Please don't type passwords, codes or other personal data.",
			"Bitte geben Sie keine Passwörter, Codes oder andere persönliche Daten ein."},
		HelpCharacters:  {"characters", "Zeichen"},
		HelpAsk:         {"Ask", "Fragen"},
		HelpThinking:    {"Looking for an answer…", "Ich suche eine Antwort …"},
		HelpAnswerTitle: {"Answer", "Antwort"},
		HelpReadArticle: {"Read the article: {title}", "Zum Artikel: {title}"},
		HelpSuggestions: {"Articles that may help", "Artikel, die helfen könnten"},
		HelpQuestionOver: {"Your question has {n} characters – {over} more than the 200 I can take. Please shorten it, for example by leaving out the greeting.",
			"Ihre Frage hat {n} Zeichen – {over} mehr als die 200, die ich annehmen kann. Bitte kürzen Sie sie, zum Beispiel um die Begrüßung."},
	})
}
