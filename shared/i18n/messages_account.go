package i18n

// Keys of the account changes.
const (
	PersonalConflict Key = "personal.conflict"
	ReauthRequired   Key = "reauth.required"
	PhoneTaken       Key = "phone.taken"
)

func init() {
	register(map[Key][2]string{
		PersonalConflict:  {"Your data was changed on another device in the meantime. We are showing you the current data: check it and save again.", "Ihre Daten wurden inzwischen auf einem anderen Gerät geändert. Wir zeigen Ihnen die aktuellen Daten: Prüfen Sie sie und speichern Sie erneut."},
		ReauthRequired:    {"For your security, please confirm with your password first.", "Bitte bestätigen Sie zu Ihrer Sicherheit zuerst mit Ihrem Passwort."},
		PhoneTaken:        {"This number is already the Phone ID of another {brand} ID.", "Diese Nummer ist bereits die Phone ID einer anderen {brand} ID."},
		"verr.email.same": {"This is already your e-mail address.", "Das ist bereits Ihre E-Mail-Adresse."},
	})
}
