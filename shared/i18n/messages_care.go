package i18n

// Keys of customer care and self-service: the support console, the
// security question, "Download my data", the profile picture, consents and
// deletion.
const (
	SupportNotAgent          Key = "support.not_agent"
	SupportNeedsSecondFactor Key = "support.needs_second_factor"
	SupportSessionOver       Key = "support.session_over"
	SupportNoCustomer        Key = "support.no_customer"
	SupportReasonMissing     Key = "support.reason_missing"
	SupportUnknownAction     Key = "support.unknown_action"
	SupportNotBlocked        Key = "support.not_blocked"
	SupportAlreadyConfirmed  Key = "support.already_confirmed"
	SupportNoQuestion        Key = "support.no_question"
	SupportQuestionLocked    Key = "support.question_locked"
	SupportQueryShort        Key = "support.query_short"

	QuestionUnknown   Key = "question.unknown"
	QuestionAnswerLen Key = "question.answer_length"

	ExportTooOften Key = "export.too_often"

	PictureTooLarge   Key = "picture.too_large"
	PictureNotImage   Key = "picture.not_image"
	PictureFormat     Key = "picture.format"
	PictureTooManyPx  Key = "picture.too_many_pixels"
	PictureAnimated   Key = "picture.animated"
	PictureNoFile     Key = "picture.no_file"
	PictureNone       Key = "picture.none"
	PictureTooSmall   Key = "picture.too_small"
	PhoneUnavailable  Key = "phone.unavailable"
	ConsentRequired   Key = "consent.required"
	ConsentWrong      Key = "consent.wrong"
	DeletionPending   Key = "deletion.pending"
	RestoreLinkDone   Key = "restore.done"
	WebhookBadRequest Key = "webhook.bad"
)

func init() {
	register(map[Key][2]string{
		SupportNotAgent:          {"The support console is for support agents only. If you need help with your {brand} ID, open the help centre.", "Die Support-Konsole ist nur für Mitarbeitende des Kundenservice. Wenn Sie Hilfe zu Ihrer {brand} ID brauchen, öffnen Sie die Hilfe."},
		SupportNeedsSecondFactor: {"The support console needs a login with a second factor. Activate two-factor authentication in Account data, then log in again.", "Die Support-Konsole braucht eine Anmeldung mit zweitem Faktor. Aktivieren Sie die Zwei-Faktor-Authentifizierung unter Kontodaten und melden Sie sich dann erneut an."},
		SupportSessionOver:       {"A support session lasts at most 8 hours. Please log in again.", "Eine Support-Sitzung dauert höchstens 8 Stunden. Bitte melden Sie sich erneut an."},
		SupportNoCustomer:        {"There is no such customer. Search again.", "Diesen Kunden gibt es nicht. Suchen Sie erneut."},
		SupportReasonMissing:     {"Type the reason for this action (at least 10 characters): the customer reads it.", "Geben Sie den Grund für diese Aktion ein (mindestens 10 Zeichen): Der Kunde liest ihn."},
		SupportUnknownAction:     {"There is no such support action.", "Diese Support-Aktion gibt es nicht."},
		SupportNotBlocked:        {"This customer is not blocked: there is nothing to end.", "Dieser Kunde ist nicht gesperrt: Es gibt nichts aufzuheben."},
		SupportAlreadyConfirmed:  {"This customer's e-mail address is already confirmed.", "Die E-Mail-Adresse dieses Kunden ist bereits bestätigt."},
		SupportNoQuestion:        {"This customer has not set a security question. Verify the caller another way.", "Dieser Kunde hat keine Sicherheitsfrage festgelegt. Prüfen Sie die anrufende Person auf anderem Weg."},
		SupportQuestionLocked:    {"The security question is locked after 3 wrong answers until {time}.", "Die Sicherheitsfrage ist nach 3 falschen Antworten gesperrt bis {time}."},
		SupportQueryShort:        {"Enter an e-mail address, a Phone ID or a name (at least 2 letters).", "Geben Sie eine E-Mail-Adresse, eine Phone ID oder einen Namen ein (mindestens 2 Buchstaben)."},

		QuestionUnknown:   {"Choose one of the questions in the list.", "Wählen Sie eine der Fragen aus der Liste."},
		QuestionAnswerLen: {"Enter an answer of 2 to 100 characters that you will remember.", "Geben Sie eine Antwort mit 2 bis 100 Zeichen ein, die Sie sich merken können."},

		ExportTooOften: {"You can download your data 3 times a day. Please try again tomorrow.", "Sie können Ihre Daten 3-mal am Tag herunterladen. Bitte versuchen Sie es morgen wieder."},

		PictureTooLarge:   {"The picture is larger than 5 MB. Choose a smaller one.", "Das Bild ist größer als 5 MB. Wählen Sie ein kleineres."},
		PictureNotImage:   {"This file is not a picture we can read. Choose a JPEG, PNG or WebP picture.", "Diese Datei ist kein Bild, das wir lesen können. Wählen Sie ein JPEG-, PNG- oder WebP-Bild."},
		PictureFormat:     {"Pictures must be JPEG, PNG or WebP. Save yours in one of these formats and try again.", "Bilder müssen JPEG, PNG oder WebP sein. Speichern Sie Ihres in einem dieser Formate und versuchen Sie es erneut."},
		PictureTooManyPx:  {"The picture has more than 40 megapixels. Choose a smaller one.", "Das Bild hat mehr als 40 Megapixel. Wählen Sie ein kleineres."},
		PictureAnimated:   {"Animated pictures can't be used as a profile picture. Choose a still picture.", "Animierte Bilder können nicht als Profilbild verwendet werden. Wählen Sie ein unbewegtes Bild."},
		PictureNoFile:     {"Choose a picture to upload.", "Wählen Sie ein Bild zum Hochladen."},
		PictureNone:       {"You have no profile picture.", "Sie haben kein Profilbild."},
		PictureTooSmall:   {"The picture is smaller than 64 × 64 pixels. Choose a larger one.", "Das Bild ist kleiner als 64 × 64 Pixel. Wählen Sie ein größeres."},
		PhoneUnavailable:  {"Phone ID is not available at the moment: text messages can't be sent. Please log in with your e-mail address.", "Phone ID ist im Moment nicht verfügbar: SMS können nicht gesendet werden. Bitte melden Sie sich mit Ihrer E-Mail-Adresse an."},
		ConsentRequired:   {"Please read and accept the current terms of use and privacy notice to go on.", "Bitte lesen und akzeptieren Sie die aktuellen Nutzungsbedingungen und Datenschutzhinweise, um fortzufahren."},
		ConsentWrong:      {"These are not the current versions. Reload the page and accept the versions shown.", "Das sind nicht die aktuellen Fassungen. Laden Sie die Seite neu und akzeptieren Sie die angezeigten Fassungen."},
		DeletionPending:   {"This {brand} ID is being deleted on {time}. To keep it, use the link in the e-mail we sent when you deleted it.", "Diese {brand} ID wird am {time} gelöscht. Um sie zu behalten, nutzen Sie den Link in der E-Mail, die wir beim Löschen gesendet haben."},
		RestoreLinkDone:   {"Your {brand} ID is active again. You can log in.", "Ihre {brand} ID ist wieder aktiv. Sie können sich anmelden."},
		WebhookBadRequest: {"The webhook request is not signed correctly.", "Die Webhook-Anfrage ist nicht korrekt signiert."},

		"event.support_block_ended":       {"Support ended the temporary block", "Kundenservice hat die vorübergehende Sperre aufgehoben"},
		"event.support_confirmation_sent": {"Support sent the confirmation e-mail again", "Kundenservice hat die Bestätigungs-E-Mail erneut gesendet"},
		"event.support_sessions_ended":    {"Support logged you out on all devices", "Kundenservice hat Sie auf allen Geräten abgemeldet"},
		"event.support_reset_sent":        {"Support sent you a link to set a new password", "Kundenservice hat Ihnen einen Link für ein neues Passwort gesendet"},
		"event.support_question_matched":  {"Support checked your security question: the answer matched", "Kundenservice hat Ihre Sicherheitsfrage geprüft: Die Antwort stimmte"},
		"event.support_question_missed":   {"Support checked your security question: the answer did not match", "Kundenservice hat Ihre Sicherheitsfrage geprüft: Die Antwort stimmte nicht"},
		"event.security_question_set":     {"Security question changed", "Sicherheitsfrage geändert"},
		"event.security_question_locked":  {"Security question locked after 3 wrong answers", "Sicherheitsfrage nach 3 falschen Antworten gesperrt"},
		"event.data_exported":             {"Your data was downloaded", "Ihre Daten wurden heruntergeladen"},
		"event.picture_changed":           {"Profile picture changed", "Profilbild geändert"},
		"event.picture_removed":           {"Profile picture removed", "Profilbild entfernt"},
		"event.terms_accepted":            {"Terms of use and privacy notice accepted", "Nutzungsbedingungen und Datenschutzhinweise akzeptiert"},
		"event.deletion_undone":           {"Deletion of the {brand} ID undone", "Löschung der {brand} ID rückgängig gemacht"},

		"question.first_car":         {"What was the make of your first car?", "Welche Marke hatte Ihr erstes Auto?"},
		"question.childhood_street":  {"In which street did you live as a child?", "In welcher Straße haben Sie als Kind gewohnt?"},
		"question.first_pet":         {"What was the name of your first pet?", "Wie hieß Ihr erstes Haustier?"},
		"question.mother_birthplace": {"In which town was your mother born?", "In welcher Stadt wurde Ihre Mutter geboren?"},
		"question.favourite_teacher": {"What was the surname of your favourite teacher?", "Wie lautete der Nachname Ihrer Lieblingslehrkraft?"},
		"question.first_concert":     {"Which band or singer did you see at your first concert?", "Welche Band oder welchen Star haben Sie bei Ihrem ersten Konzert gesehen?"},
	})
}

// SecurityQuestions are the ids of the questions a customer can pick, in
// the order they are offered; "question.<id>" names each one.
var SecurityQuestions = []string{"first_car", "childhood_street", "first_pet", "mother_birthplace", "favourite_teacher", "first_concert"}
