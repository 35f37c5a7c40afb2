package i18n

// Keys of the app's pages of customer care and self-service.
const (
	PictureUpload       Key = "picture.upload"
	PictureChange       Key = "picture.change"
	PictureRemove       Key = "picture.remove"
	PictureHint         Key = "picture.hint"
	PictureSaved        Key = "picture.saved"
	PictureRemoved      Key = "picture.removed"
	UndeliverableNotice Key = "undeliverable.notice"
	UndeliverableLink   Key = "undeliverable.link"

	QuestionTitle    Key = "question.title"
	QuestionLead     Key = "question.lead"
	QuestionNone     Key = "question.none"
	QuestionSet      Key = "question.set"
	QuestionChange   Key = "question.change"
	QuestionCurrent  Key = "question.current"
	QuestionLockedTo Key = "question.locked_to"
	QuestionField    Key = "question.field"
	QuestionPrompt   Key = "question.prompt"
	AnswerField      Key = "question.answer"
	AnswerHint       Key = "question.answer_hint"
	QuestionSave     Key = "question.save"
	QuestionSaved    Key = "question.saved"

	ExportTitle  Key = "export.title"
	ExportLead   Key = "export.lead"
	ExportButton Key = "export.button"
	ExportReady  Key = "export.ready"
	ExportSave   Key = "export.save"
	ExportDone   Key = "export.done"

	DocumentsTitle Key = "documents.title"
	DocumentsLead  Key = "documents.lead"
	ConsentTerms   Key = "consent.terms"
	ConsentPriv    Key = "consent.privacy"
	ConsentAccept  Key = "consent.accept"

	RestoreTitle Key = "restore.title"
	RestoreLead  Key = "restore.lead"
	RestoreKeep  Key = "restore.keep"
	RestoreLogin Key = "restore.login"

	ConsoleTitle         Key = "console.title"
	ConsoleSearch        Key = "console.search"
	ConsoleSearchHint    Key = "console.search_hint"
	ConsoleFind          Key = "console.find"
	ConsoleNoHits        Key = "console.no_hits"
	ConsoleLog           Key = "console.log"
	ConsoleBack          Key = "console.back"
	ConsoleUntil         Key = "console.until"
	ConsoleConfirmed     Key = "console.confirmed"
	ConsoleUnconfirmed   Key = "console.unconfirmed"
	ConsoleBlocked       Key = "console.blocked"
	ConsoleNotBlocked    Key = "console.not_blocked"
	ConsoleFactors       Key = "console.factors"
	ConsoleNoFactors     Key = "console.no_factors"
	ConsoleSessions      Key = "console.sessions"
	ConsoleStatus        Key = "console.status"
	ConsoleCheckTitle    Key = "console.check_title"
	ConsoleCheckLead     Key = "console.check_lead"
	ConsoleAnswer        Key = "console.answer"
	ConsoleCheck         Key = "console.check"
	ConsoleMatch         Key = "console.match"
	ConsoleNoMatch       Key = "console.no_match"
	ConsoleActions       Key = "console.actions"
	ConsoleReason        Key = "console.reason"
	ConsoleReasonHint    Key = "console.reason_hint"
	ConsoleDone          Key = "console.done"
	ConsoleEvents        Key = "console.events"
	ConsoleDeletion      Key = "console.deletion"
	ConsoleUndeliverable Key = "console.undeliverable"
	ConsoleLogEmpty      Key = "console.log_empty"
	ConsoleCustomer      Key = "console.customer"
)

func init() {
	register(map[Key][2]string{
		PictureUpload:       {"Upload picture", "Bild hochladen"},
		PictureChange:       {"Change picture", "Bild ändern"},
		PictureRemove:       {"Remove picture", "Bild entfernen"},
		PictureHint:         {"JPEG, PNG or WebP, up to 5 MB. We cut it to a square from the middle.", "JPEG, PNG oder WebP, bis 5 MB. Wir schneiden es aus der Mitte quadratisch zu."},
		PictureSaved:        {"Your new picture is saved.", "Ihr neues Bild ist gespeichert."},
		PictureRemoved:      {"Your picture has been removed.", "Ihr Bild wurde entfernt."},
		UndeliverableNotice: {"Our e-mails to {email} are not arriving: the receiving mail server turned them away, or they were marked as spam. Codes and links may not reach you.", "Unsere E-Mails an {email} kommen nicht an: Der empfangende Mailserver hat sie abgewiesen, oder sie wurden als Spam markiert. Codes und Links erreichen Sie vielleicht nicht."},
		UndeliverableLink:   {"Check your e-mail address", "E-Mail-Adresse prüfen"},

		QuestionTitle:    {"Security question", "Sicherheitsfrage"},
		QuestionLead:     {"Our customer support asks it when you call us. It never replaces your password.", "Unser Kundenservice stellt sie, wenn Sie uns anrufen. Sie ersetzt nie Ihr Passwort."},
		QuestionNone:     {"You have not set a security question yet.", "Sie haben noch keine Sicherheitsfrage festgelegt."},
		QuestionSet:      {"Set security question", "Sicherheitsfrage festlegen"},
		QuestionChange:   {"Change", "Ändern"},
		QuestionCurrent:  {"Your question: {question}", "Ihre Frage: {question}"},
		QuestionLockedTo: {"Support can't check it until {time} after three wrong answers.", "Der Kundenservice kann sie nach drei falschen Antworten bis {time} nicht prüfen."},
		QuestionField:    {"Question", "Frage"},
		QuestionPrompt:   {"Choose a question", "Frage wählen"},
		AnswerField:      {"Your answer", "Ihre Antwort"},
		AnswerHint:       {"Capital letters, accents and spaces don't matter. Support never sees your answer.", "Groß- und Kleinschreibung, Akzente und Leerzeichen zählen nicht. Der Kundenservice sieht Ihre Antwort nie."},
		QuestionSave:     {"Save", "Speichern"},
		QuestionSaved:    {"Your security question is saved. We have sent you an e-mail about it.", "Ihre Sicherheitsfrage ist gespeichert. Wir haben Ihnen dazu eine E-Mail gesendet."},

		ExportTitle:  {"Download my data", "Meine Daten herunterladen"},
		ExportLead:   {"One file with everything your {brand} ID keeps about you (JSON). It holds personal data: keep it safe.", "Eine Datei mit allem, was Ihre {brand} ID über Sie speichert (JSON). Sie enthält persönliche Daten: Bewahren Sie sie sicher auf."},
		ExportButton: {"Download my data", "Meine Daten herunterladen"},
		ExportReady:  {"Your data is ready.", "Ihre Daten sind bereit."},
		ExportSave:   {"Save the file", "Datei speichern"},
		ExportDone:   {"Your browser is saving the file. We have sent you an e-mail about the download.", "Ihr Browser speichert die Datei. Wir haben Ihnen zum Download eine E-Mail gesendet."},

		DocumentsTitle: {"New terms", "Neue Bedingungen"},
		DocumentsLead:  {"We have updated the documents below. To go on using your {brand} ID, please accept the new versions.", "Wir haben die folgenden Dokumente aktualisiert. Um Ihre {brand} ID weiter zu nutzen, akzeptieren Sie bitte die neuen Fassungen."},
		ConsentTerms:   {"Terms of use, version {version}", "Nutzungsbedingungen, Fassung {version}"},
		ConsentPriv:    {"Privacy notice, version {version}", "Datenschutzhinweise, Fassung {version}"},
		ConsentAccept:  {"Accept and continue", "Akzeptieren und fortfahren"},

		RestoreTitle: {"Keep your {brand} ID", "Ihre {brand} ID behalten"},
		RestoreLead:  {"Your {brand} ID is waiting to be deleted. Keep it, and everything stays as it was.", "Ihre {brand} ID wartet auf ihre Löschung. Behalten Sie sie, und alles bleibt, wie es war."},
		RestoreKeep:  {"Keep my {brand} ID", "Meine {brand} ID behalten"},
		RestoreLogin: {"Log in", "Anmelden"},

		ConsoleTitle:         {"Support console", "Support-Konsole"},
		ConsoleSearch:        {"Find a customer", "Kunden suchen"},
		ConsoleSearchHint:    {"E-mail address, Phone ID or name", "E-Mail-Adresse, Phone ID oder Name"},
		ConsoleFind:          {"Search", "Suchen"},
		ConsoleNoHits:        {"No customer found. Check the spelling, or search by e-mail address.", "Kein Kunde gefunden. Prüfen Sie die Schreibweise oder suchen Sie nach der E-Mail-Adresse."},
		ConsoleLog:           {"Audit log", "Protokoll"},
		ConsoleBack:          {"Back to the search", "Zurück zur Suche"},
		ConsoleUntil:         {"Signed in as {email} until {time}", "Angemeldet als {email} bis {time}"},
		ConsoleConfirmed:     {"E-mail address confirmed", "E-Mail-Adresse bestätigt"},
		ConsoleUnconfirmed:   {"E-mail address not confirmed yet", "E-Mail-Adresse noch nicht bestätigt"},
		ConsoleBlocked:       {"Temporarily blocked until {time}", "Vorübergehend gesperrt bis {time}"},
		ConsoleNotBlocked:    {"Not blocked", "Nicht gesperrt"},
		ConsoleFactors:       {"Second factors: {factors}", "Zweite Faktoren: {factors}"},
		ConsoleNoFactors:     {"No second factor", "Kein zweiter Faktor"},
		ConsoleSessions:      {"Active sessions: {count}", "Aktive Sitzungen: {count}"},
		ConsoleStatus:        {"Status", "Status"},
		ConsoleCheckTitle:    {"Verify the caller", "Anrufer prüfen"},
		ConsoleCheckLead:     {"Ask: {question}", "Fragen Sie: {question}"},
		ConsoleAnswer:        {"What the caller answers", "Antwort des Anrufers"},
		ConsoleCheck:         {"Check answer", "Antwort prüfen"},
		ConsoleMatch:         {"Matches", "Stimmt"},
		ConsoleNoMatch:       {"Does not match", "Stimmt nicht"},
		ConsoleActions:       {"Actions", "Aktionen"},
		ConsoleReason:        {"Reason (the customer reads it)", "Grund (der Kunde liest ihn)"},
		ConsoleReasonHint:    {"At least 10 characters, for example: Caller verified by the security question.", "Mindestens 10 Zeichen, zum Beispiel: Anrufer per Sicherheitsfrage geprüft."},
		ConsoleDone:          {"Done. The customer has been told by e-mail.", "Erledigt. Der Kunde wurde per E-Mail informiert."},
		ConsoleEvents:        {"Last security events", "Letzte Sicherheitsereignisse"},
		ConsoleDeletion:      {"Deleted by the customer: removed on {time}", "Vom Kunden gelöscht: wird am {time} entfernt"},
		ConsoleUndeliverable: {"Mail to this address does not arrive ({reason})", "E-Mails an diese Adresse kommen nicht an ({reason})"},
		ConsoleLogEmpty:      {"No actions yet.", "Noch keine Aktionen."},
		ConsoleCustomer:      {"Customer", "Kunde"},

		"support.action.end_block":               {"End the block", "Sperre aufheben"},
		"support.action.resend_confirmation":     {"Send the confirmation e-mail again", "Bestätigungs-E-Mail erneut senden"},
		"support.action.end_sessions":            {"End all sessions", "Alle Sitzungen beenden"},
		"support.action.send_reset":              {"Send a password-reset link", "Link zum Zurücksetzen des Passworts senden"},
		"support.action.check_security_question": {"Checked the security question", "Sicherheitsfrage geprüft"},
	})
}

// AccountPhoneUnavailable replaces "Edit" of the Phone ID where the portal
// cannot send text messages; UndeliverableAtLogin warns on the login's
// second step that the code may not arrive.
const (
	AccountPhoneUnavailable Key = "account.phone_unavailable"
	UndeliverableAtLogin    Key = "undeliverable.login"
)

func init() {
	register(map[Key][2]string{
		AccountPhoneUnavailable: {"Not available at the moment", "Im Moment nicht verfügbar"},
		UndeliverableAtLogin:    {"Our recent e-mails to your address did not arrive, so the code may not reach you. If it doesn't come, check your mailbox and its spam folder, and after logging in check your e-mail address in Account data.", "Unsere letzten E-Mails an Ihre Adresse kamen nicht an, der Code erreicht Sie also vielleicht nicht. Wenn er nicht kommt, prüfen Sie Ihr Postfach und den Spam-Ordner, und nach der Anmeldung Ihre E-Mail-Adresse unter Kontodaten."},
	})
}
