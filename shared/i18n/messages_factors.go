package i18n

// Keys of the server's answers about passkeys, the authenticator app and
// the recovery codes, and their security events.
const (
	FactorLocked           Key = "factor.locked"
	TOTPWrong              Key = "totp.wrong"
	RecoveryWrong          Key = "recovery.wrong"
	RecoveryNeedsTwoFactor Key = "recovery.needs_two_factor"
	PasskeyRefused         Key = "passkey.refused"
	PasskeyNotCreated      Key = "passkey.not_created"
	PasskeyExpired         Key = "passkey.expired"
	PasskeyNone            Key = "passkey.none_registered"
	PasskeyNotFound        Key = "passkey.not_found"
	PasskeysUnavailable    Key = "passkey.unavailable"
)

func init() {
	register(map[Key][2]string{
		FactorLocked: {"Too many wrong codes. To protect your account, app and recovery codes are not accepted until {time}. You can use another method meanwhile.",
			"Zu viele falsche Codes. Zum Schutz Ihres Kontos nehmen wir App- und Wiederherstellungscodes erst ab {time} wieder an. Sie können solange eine andere Methode verwenden."},
		TOTPWrong: {"This code is not right. Enter the 6-digit code your authenticator app shows now; each code works once.",
			"Dieser Code stimmt nicht. Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App gerade anzeigt; jeder Code funktioniert nur einmal."},
		RecoveryWrong: {"This recovery code is not right, or it was used already. Check it against your list and try another one.",
			"Dieser Wiederherstellungscode stimmt nicht oder wurde schon verwendet. Vergleichen Sie ihn mit Ihrer Liste und versuchen Sie einen anderen."},
		RecoveryNeedsTwoFactor: {"Recovery codes stand in for your second factor. Activate two-factor authentication first.",
			"Wiederherstellungscodes ersetzen Ihren zweiten Faktor. Aktivieren Sie zuerst die Zwei-Faktor-Authentifizierung."},
		PasskeyRefused: {"This passkey was not accepted. It may have been removed from your {brand} ID. Try another passkey, or log in with your password.",
			"Dieser Passkey wurde nicht angenommen. Vielleicht wurde er aus Ihrer {brand} ID entfernt. Versuchen Sie einen anderen Passkey oder melden Sie sich mit Ihrem Passwort an."},
		PasskeyNotCreated: {"Your device could not create a passkey we can use (it must be unlocked with your PIN, fingerprint or face). Try again, or use another device.",
			"Ihr Gerät konnte keinen Passkey erstellen, den wir verwenden können (er muss mit PIN, Fingerabdruck oder Gesicht entsperrt werden). Versuchen Sie es erneut oder verwenden Sie ein anderes Gerät."},
		PasskeyExpired: {"The passkey request has run out. Please try again.",
			"Die Passkey-Anfrage ist abgelaufen. Bitte versuchen Sie es erneut."},
		PasskeyNone: {"Your {brand} ID has no passkey yet. Use another method.",
			"Ihre {brand} ID hat noch keinen Passkey. Verwenden Sie eine andere Methode."},
		PasskeyNotFound: {"This passkey no longer exists. The list is up to date now.",
			"Diesen Passkey gibt es nicht mehr. Die Liste ist jetzt aktuell."},
		PasskeysUnavailable: {"Passkeys are not available on this portal. Log in with your password.",
			"Passkeys sind in diesem Portal nicht verfügbar. Melden Sie sich mit Ihrem Passwort an."},
		"event.passkey_added":          {"Passkey added", "Passkey hinzugefügt"},
		"event.passkey_removed":        {"Passkey removed", "Passkey entfernt"},
		"event.totp_added":             {"Authenticator app set up", "Authenticator-App eingerichtet"},
		"event.totp_removed":           {"Authenticator app removed", "Authenticator-App entfernt"},
		"event.recovery_codes_created": {"New recovery codes created", "Neue Wiederherstellungscodes erstellt"},
		"event.recovery_code_used":     {"Recovery code used", "Wiederherstellungscode verwendet"},
	})
}
