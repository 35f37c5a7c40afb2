package i18n

// Field labels and the messages for each validation code, per field.
const (
	FieldEmail       Key = "field.email"
	FieldIdentifier  Key = "field.identifier"
	FieldPassword    Key = "field.password"
	FieldNewPassword Key = "field.new_password"
	FieldCurPassword Key = "field.current_password"
	FieldSalutation  Key = "field.salutation"
	FieldTitle       Key = "field.title"
	FieldFirstName   Key = "field.first_name"
	FieldLastName    Key = "field.last_name"
	FieldBirthDate   Key = "field.birth_date"
	FieldStreet      Key = "field.street"
	FieldPostcode    Key = "field.postcode"
	FieldCity        Key = "field.city"
	FieldCountry     Key = "field.country"
	FieldPhone       Key = "field.phone"
	FieldCode        Key = "field.code"
	FieldTerms       Key = "field.accept_terms"
	FieldPrivacy     Key = "field.accept_privacy"
	FieldLanguage    Key = "field.language"
	SalutationMr     Key = "salutation.mr"
	SalutationMs     Key = "salutation.ms"
	SalutationMx     Key = "salutation.mx"
	SalutationNone   Key = "salutation.none"
	ChooseOne        Key = "common.choose"
	HintPhone        Key = "hint.phone"
	HintBirthDate    Key = "hint.birth_date"
	HintPassword     Key = "hint.password"
	HintCode         Key = "hint.code"
)

func init() {
	register(map[Key][2]string{
		FieldEmail:       {"E-mail address", "E-Mail-Adresse"},
		FieldIdentifier:  {"E-mail address or Phone ID", "E-Mail-Adresse oder Phone ID"},
		FieldPassword:    {"Password", "Passwort"},
		FieldNewPassword: {"New password", "Neues Passwort"},
		FieldCurPassword: {"Current password", "Aktuelles Passwort"},
		FieldSalutation:  {"Salutation", "Anrede"},
		FieldTitle:       {"Title", "Titel"},
		FieldFirstName:   {"First name", "Vorname"},
		FieldLastName:    {"Last name", "Nachname"},
		FieldBirthDate:   {"Date of birth", "Geburtsdatum"},
		FieldStreet:      {"Street and number", "Straße und Hausnummer"},
		FieldPostcode:    {"Postcode", "Postleitzahl"},
		FieldCity:        {"City", "Ort"},
		FieldCountry:     {"Country of residence", "Land des Wohnsitzes"},
		FieldPhone:       {"Mobile number", "Mobilnummer"},
		FieldCode:        {"Activation code", "Aktivierungscode"},
		FieldTerms:       {"I accept the terms of use.", "Ich akzeptiere die Nutzungsbedingungen."},
		FieldPrivacy:     {"I have read the privacy notice.", "Ich habe die Datenschutzhinweise gelesen."},
		FieldLanguage:    {"Language", "Sprache"},
		SalutationMr:     {"Mr", "Herr"},
		SalutationMs:     {"Ms", "Frau"},
		SalutationMx:     {"Mx", "Divers"},
		SalutationNone:   {"No salutation", "Keine Anrede"},
		ChooseOne:        {"Please choose", "Bitte wählen"},
		HintPhone:        {"International format, for example +49 170 1234567.", "Im internationalen Format, zum Beispiel +49 170 1234567."},
		HintBirthDate:    {"You must be at least 16.", "Sie müssen mindestens 16 Jahre alt sein."},
		HintPassword:     {"8 to 128 characters. A long phrase is easy to remember and hard to guess.", "8 bis 128 Zeichen. Ein langer Satz ist leicht zu merken und schwer zu erraten."},
		HintCode:         {"The 6 digits from the e-mail.", "Die 6 Ziffern aus der E-Mail."},
	})
}

// FieldLabel returns the label key for an API field name.
func FieldLabel(field string) Key { return Key("field." + field) }

// fieldErrors: "<code>" generic and "<field>.<code>" specific messages.
func init() {
	register(map[Key][2]string{
		"verr.required":                {"Please fill in this field.", "Bitte füllen Sie dieses Feld aus."},
		"verr.too_short":               {"This is too short.", "Das ist zu kurz."},
		"verr.too_long":                {"This is too long.", "Das ist zu lang."},
		"verr.invalid":                 {"This does not look right. Please check it.", "Das sieht nicht richtig aus. Bitte prüfen Sie die Eingabe."},
		"verr.not_allowed":             {"Please choose one of the options.", "Bitte wählen Sie eine der Möglichkeiten."},
		"verr.too_young":               {"You must be at least 16 years old.", "Sie müssen mindestens 16 Jahre alt sein."},
		"verr.in_future":               {"This date lies in the future.", "Dieses Datum liegt in der Zukunft."},
		"verr.email.invalid":           {"Enter an e-mail address like name@example.com.", "Geben Sie eine E-Mail-Adresse wie name@example.com ein."},
		"verr.identifier.invalid":      {"Enter your e-mail address, or your Phone ID starting with +.", "Geben Sie Ihre E-Mail-Adresse ein oder Ihre Phone ID, beginnend mit +."},
		"verr.password.too_short":      {"Use at least 8 characters.", "Verwenden Sie mindestens 8 Zeichen."},
		"verr.password.too_long":       {"Use at most 128 characters.", "Verwenden Sie höchstens 128 Zeichen."},
		"verr.password.weak":           {"This password is too easy to guess. Add more words or characters.", "Dieses Passwort ist zu leicht zu erraten. Fügen Sie weitere Wörter oder Zeichen hinzu."},
		"verr.password.common":         {"This is one of the most common passwords. Please choose another.", "Dies ist eines der häufigsten Passwörter. Bitte wählen Sie ein anderes."},
		"verr.password.personal":       {"Do not use your name or e-mail address in your password.", "Verwenden Sie Ihren Namen oder Ihre E-Mail-Adresse nicht im Passwort."},
		"verr.postcode.invalid":        {"This postcode does not match the country you chose.", "Diese Postleitzahl passt nicht zum gewählten Land."},
		"verr.phone.invalid":           {"Enter the number with country code, like +49 170 1234567.", "Geben Sie die Nummer mit Ländervorwahl ein, z. B. +49 170 1234567."},
		"verr.code.invalid":            {"Enter the 6 digits from the e-mail.", "Geben Sie die 6 Ziffern aus der E-Mail ein."},
		"verr.birth_date.invalid":      {"Enter a date like 1990-05-31.", "Geben Sie ein Datum wie 1990-05-31 ein."},
		"verr.accept_terms.required":   {"Please accept the terms of use to continue.", "Bitte akzeptieren Sie die Nutzungsbedingungen, um fortzufahren."},
		"verr.accept_privacy.required": {"Please confirm that you have read the privacy notice.", "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben."},
		"verr.current_password.wrong":  {"This password is not right.", "Dieses Passwort ist nicht richtig."},
		"verr.password.wrong":          {"This password is not right.", "Dieses Passwort ist nicht richtig."},
	})
}

// FieldError returns the message for a validation code on a field.
func FieldError(lang, field, code string) string {
	if k := Key("verr." + field + "." + code); Has(k) {
		return T(lang, k)
	}
	if k := Key("verr." + code); Has(k) {
		return T(lang, k)
	}
	return T(lang, "verr.invalid")
}

// Salutation returns the display word for a salutation key.
func Salutation(lang, key string) string { return T(lang, Key("salutation."+key)) }
