package i18n

// Keys of the account-data dialogs, personal data and security pages.
const (
	ChangeEmailTitle      Key = "change.email.title"
	ChangeEmailNew        Key = "change.email.new"
	ChangeEmailSend       Key = "change.email.send"
	ChangeEmailSent       Key = "change.email.sent"
	ChangePasswordTitle   Key = "change.password.title"
	ChangePasswordDone    Key = "change.password.done"
	ChangePhoneTitle      Key = "change.phone.title"
	ChangePhoneSend       Key = "change.phone.send"
	ChangePhoneSent       Key = "change.phone.sent"
	ChangePhoneCode       Key = "change.phone.code"
	ChangePhoneDone       Key = "change.phone.done"
	ChangePhoneRemove     Key = "change.phone.remove"
	ChangePhoneRemoved    Key = "change.phone.removed"
	DeleteTitle           Key = "delete.title"
	DeleteExplain         Key = "delete.explain"
	DeleteLost1           Key = "delete.lost1"
	DeleteLost2           Key = "delete.lost2"
	DeleteLost3           Key = "delete.lost3"
	DeleteContinue        Key = "delete.continue"
	DeleteFinal           Key = "delete.final"
	DeleteNow             Key = "delete.now"
	DeleteDone            Key = "delete.done"
	ConfirmCodeLead       Key = "reauth.code_lead"
	PersonalTitle         Key = "personal.title"
	PersonalLead          Key = "personal.lead"
	PersonalSaved         Key = "personal.saved"
	LanguageAuto          Key = "language.auto"
	LanguageEnglish       Key = "language.en"
	LanguageGerman        Key = "language.de"
	SecurityTitle         Key = "security.title"
	SecuritySessions      Key = "security.sessions"
	SecurityThisDevice    Key = "security.this_device"
	SecurityLastUsed      Key = "security.last_used"
	SecurityNetwork       Key = "security.network"
	SecurityLogoutOthers  Key = "security.logout_others"
	SecurityLoggedOut     Key = "security.logged_out"
	SecurityEvents        Key = "security.events"
	SecurityNoEvents      Key = "security.no_events"
	OfflineDisabled       Key = "offline.disabled"
	SecurityUnknownDevice Key = "security.unknown_device"
)

func init() {
	register(map[Key][2]string{
		ChangeEmailTitle:         {"Change your {brand} ID", "{brand} ID ändern"},
		ChangeEmailNew:           {"New e-mail address", "Neue E-Mail-Adresse"},
		ChangeEmailSend:          {"Send confirmation link", "Bestätigungslink senden"},
		ChangeEmailSent:          {"We have sent a link to {email}. Your {brand} ID changes when you open it, within 24 hours. Until then, keep logging in with your current address.", "Wir haben einen Link an {email} gesendet. Ihre {brand} ID ändert sich, sobald Sie ihn innerhalb von 24 Stunden öffnen. Bis dahin melden Sie sich weiter mit der bisherigen Adresse an."},
		ChangePasswordTitle:      {"Change password", "Passwort ändern"},
		ChangePasswordDone:       {"Your password has been changed. You have been logged out on all other devices.", "Ihr Passwort wurde geändert. Auf allen anderen Geräten wurden Sie abgemeldet."},
		ChangePhoneTitle:         {"Phone ID", "Phone ID"},
		ChangePhoneSend:          {"Send code by SMS", "Code per SMS senden"},
		ChangePhoneSent:          {"We have sent a code by SMS to {phone}.", "Wir haben einen Code per SMS an {phone} gesendet."},
		ChangePhoneCode:          {"Code from the SMS", "Code aus der SMS"},
		ChangePhoneDone:          {"Your Phone ID is verified. You can now log in with it.", "Ihre Phone ID ist bestätigt. Sie können sich jetzt damit anmelden."},
		ChangePhoneRemove:        {"Remove Phone ID", "Phone ID entfernen"},
		ChangePhoneRemoved:       {"Your Phone ID has been removed.", "Ihre Phone ID wurde entfernt."},
		DeleteTitle:              {"Delete {brand} ID", "{brand} ID löschen"},
		DeleteExplain:            {"Deleting your {brand} ID deactivates it at once and removes it for good after 7 days. You lose:", "Das Löschen deaktiviert Ihre {brand} ID sofort und entfernt sie nach 7 Tagen endgültig. Sie verlieren:"},
		DeleteLost1:              {"your login for the portal, the app and connected services;", "Ihren Login für das Portal, die App und vernetzte Dienste;"},
		DeleteLost2:              {"your personal data, address and settings stored with it;", "Ihre dort gespeicherten persönlichen Daten, Adresse und Einstellungen;"},
		DeleteLost3:              {"every active session on every device.", "alle aktiven Sitzungen auf allen Geräten."},
		DeleteContinue:           {"Continue", "Weiter"},
		DeleteFinal:              {"Last step: delete your {brand} ID now? The farewell e-mail to your address has a link that keeps it for 7 more days.", "Letzter Schritt: Ihre {brand} ID jetzt löschen? Die Abschieds-E-Mail an Ihre Adresse enthält einen Link, der sie noch 7 Tage lang behält."},
		DeleteNow:                {"Delete permanently", "Endgültig löschen"},
		DeleteDone:               {"Your {brand} ID has been deactivated and will be deleted in 7 days. Changed your mind? Use the link in the farewell e-mail. Thank you for having been with us.", "Ihre {brand} ID wurde deaktiviert und wird in 7 Tagen gelöscht. Anders überlegt? Nutzen Sie den Link in der Abschieds-E-Mail. Danke, dass Sie dabei waren."},
		ConfirmCodeLead:          {"Two-factor authentication is on: enter the code we have sent to {email}.", "Die Zwei-Faktor-Authentifizierung ist aktiv: Geben Sie den Code ein, den wir an {email} gesendet haben."},
		PersonalTitle:            {"Personal data", "Persönliche Daten"},
		PersonalLead:             {"Your name and address. The country of residence also sets the portal's language.", "Ihr Name und Ihre Adresse. Das Land des Wohnsitzes bestimmt auch die Sprache des Portals."},
		PersonalSaved:            {"Your changes are saved.", "Ihre Änderungen sind gespeichert."},
		LanguageAuto:             {"From my country of residence", "Nach meinem Wohnsitzland"},
		LanguageEnglish:          {"English", "English"},
		LanguageGerman:           {"Deutsch", "Deutsch"},
		SecurityTitle:            {"Security", "Sicherheit"},
		SecuritySessions:         {"Where you are logged in", "Wo Sie angemeldet sind"},
		SecurityThisDevice:       {"This device", "Dieses Gerät"},
		SecurityLastUsed:         {"Last used {time}", "Zuletzt verwendet {time}"},
		SecurityNetwork:          {"Network {net}", "Netz {net}"},
		SecurityLogoutOthers:     {"Log out on all other devices", "Auf allen anderen Geräten abmelden"},
		SecurityLoggedOut:        {"You have been logged out on all other devices.", "Sie wurden auf allen anderen Geräten abgemeldet."},
		SecurityEvents:           {"Recent security events", "Letzte Sicherheitsereignisse"},
		SecurityNoEvents:         {"No events yet.", "Noch keine Ereignisse."},
		OfflineDisabled:          {"You are offline: changes need a network connection.", "Sie sind offline: Änderungen brauchen eine Netzverbindung."},
		"event.registered":       {"Registered", "Registriert"},
		"event.email_confirmed":  {"E-mail address confirmed", "E-Mail-Adresse bestätigt"},
		"event.login":            {"Logged in", "Angemeldet"},
		"event.login_failed":     {"Failed login (wrong password)", "Fehlgeschlagene Anmeldung (falsches Passwort)"},
		"event.blocked":          {"Temporarily blocked", "Vorübergehend gesperrt"},
		"event.password_reset":   {"Password reset by e-mail link", "Passwort per E-Mail-Link zurückgesetzt"},
		"event.password_changed": {"Password changed", "Passwort geändert"},
		"event.two_factor_on":    {"Two-factor authentication activated", "Zwei-Faktor-Authentifizierung aktiviert"},
		"event.two_factor_off":   {"Two-factor authentication deactivated", "Zwei-Faktor-Authentifizierung deaktiviert"},
		"event.logout":           {"Logged out", "Abgemeldet"},
		"event.logout_others":    {"Logged out on all other devices", "Auf allen anderen Geräten abgemeldet"},
		"event.email_changed":    {"E-mail address changed", "E-Mail-Adresse geändert"},
		"event.phone_verified":   {"Phone ID verified", "Phone ID bestätigt"},
		"event.phone_removed":    {"Phone ID removed", "Phone ID entfernt"},
		"event.profile_changed":  {"Personal data changed", "Persönliche Daten geändert"},
		"event.code_failed":      {"Wrong code entered", "Falscher Code eingegeben"},
	})
}
