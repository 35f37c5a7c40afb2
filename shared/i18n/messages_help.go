package i18n

// Keys of the help centre.
const (
	HelpTitle           Key = "help.title"
	HelpNotFound        Key = "help.not_found"
	HelpQuestionEmpty   Key = "help.question_empty"
	HelpQuestionTooLong Key = "help.question_too_long"
	HelpVoteNeedsRead   Key = "help.vote_needs_read"
)

func init() {
	register(map[Key][2]string{
		HelpTitle:           {"Help centre", "Hilfe-Center"},
		HelpNotFound:        {"There is no such help article.", "Diesen Hilfeartikel gibt es nicht."},
		HelpQuestionEmpty:   {"Please type a question.", "Bitte geben Sie eine Frage ein."},
		HelpQuestionTooLong: {"Please keep your question to 200 characters.", "Bitte fassen Sie Ihre Frage in höchstens 200 Zeichen."},
		HelpVoteNeedsRead: {"Your vote was not counted: please open the article again, then rate it.",
			"Ihre Bewertung wurde nicht gezählt: Bitte öffnen Sie den Artikel noch einmal und bewerten Sie ihn dann."},
	})
}
