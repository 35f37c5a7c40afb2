package i18n

// Keys of the screens for passkeys, the authenticator app and the recovery
// codes.
const (
	LoginPasskey         Key = "login.passkey"
	LoginOr              Key = "login.or"
	PasskeyWaiting       Key = "passkey.waiting"
	PasskeyCancelled     Key = "passkey.cancelled"
	PasskeyExistsHere    Key = "passkey.exists_here"
	PasskeyNoBrowser     Key = "passkey.no_browser"
	PasskeyUnknownError  Key = "passkey.unknown_error"
	FactorUseAnother     Key = "factor.use_another"
	SecondStepTitle      Key = "factor.title"
	FactorChoose         Key = "factor.choose"
	MethodEmailCodeName  Key = "method.email_code"
	MethodTOTPName       Key = "method.totp"
	MethodPasskeyName    Key = "method.passkey"
	MethodRecoveryName   Key = "method.recovery_code"
	TOTPLead             Key = "totp.lead"
	TOTPField            Key = "totp.field"
	RecoveryLead         Key = "recovery.lead"
	RecoveryField        Key = "recovery.field"
	PasskeyStepLead      Key = "passkey.step_lead"
	PasskeyUse           Key = "passkey.use"
	PasswordUsePasskey   Key = "password.use_passkey"
	AccountPasskeys      Key = "account.passkeys"
	PasskeysNone         Key = "passkeys.none"
	PasskeyCreate        Key = "passkey.create"
	PasskeyRename        Key = "passkey.rename"
	PasskeyRemove        Key = "passkey.remove"
	PasskeySynced        Key = "passkey.synced"
	PasskeyDeviceBound   Key = "passkey.device_bound"
	PasskeyCreatedOn     Key = "passkey.created_on"
	PasskeyLastUsedOn    Key = "passkey.last_used_on"
	PasskeyNeverUsed     Key = "passkey.never_used"
	PasskeyAddTitle      Key = "passkey.add_title"
	PasskeyAddLead       Key = "passkey.add_lead"
	PasskeyNameField     Key = "passkey.name_field"
	PasskeyNameHint      Key = "passkey.name_hint"
	PasskeyAdded         Key = "passkey.added"
	PasskeyRemoveTitle   Key = "passkey.remove_title"
	PasskeyRemoveLead    Key = "passkey.remove_lead"
	PasskeyRemoved       Key = "passkey.removed"
	PasskeyRenameTitle   Key = "passkey.rename_title"
	TFSecondFactorLabel  Key = "2fa.second_factor"
	TFExplainOnApp       Key = "2fa.explain_on_app"
	TFRecoveryLeft       Key = "2fa.recovery_left"
	TFAppOffer           Key = "2fa.app_offer"
	TFSetUpApp           Key = "2fa.set_up_app"
	TFRemoveApp          Key = "2fa.remove_app"
	TFNewRecoveryCodes   Key = "2fa.new_recovery_codes"
	TOTPSetupTitle       Key = "totp.setup_title"
	TOTPScan             Key = "totp.scan"
	TOTPKeyInstead       Key = "totp.key_instead"
	TOTPEnterCode        Key = "totp.enter_code"
	TOTPQRAlt            Key = "totp.qr_alt"
	TOTPActivated        Key = "totp.activated"
	TOTPRemoveTitle      Key = "totp.remove_title"
	TOTPRemoveLead       Key = "totp.remove_lead"
	TOTPRemoved          Key = "totp.removed"
	RecoveryTitle        Key = "recovery.title"
	RecoveryShowLead     Key = "recovery.show_lead"
	RecoveryDownload     Key = "recovery.download"
	RecoveryPrint        Key = "recovery.print"
	RecoverySaved        Key = "recovery.saved"
	RecoveryNewLead      Key = "recovery.new_lead"
	RecoveryCreate       Key = "recovery.create"
	RecoveryFileHeading  Key = "recovery.file_heading"
	RecoveryFileNote     Key = "recovery.file_note"
	RecoveryCodesHeading Key = "recovery.codes_heading"
)

func init() {
	register(map[Key][2]string{
		LoginPasskey:     {"Log in with a passkey", "Mit einem Passkey anmelden"},
		LoginOr:          {"or", "oder"},
		PasskeyWaiting:   {"Follow your device: confirm with your fingerprint, face or screen lock.", "Folgen Sie Ihrem Gerät: Bestätigen Sie mit Fingerabdruck, Gesicht oder Displaysperre."},
		PasskeyCancelled: {"No passkey was used: the request was cancelled or took too long, or this device has no passkey for your {brand} ID. Try again, or use your password.", "Es wurde kein Passkey verwendet: Die Anfrage wurde abgebrochen oder hat zu lange gedauert, oder dieses Gerät hat keinen Passkey für Ihre {brand} ID. Versuchen Sie es erneut oder verwenden Sie Ihr Passwort."},
		PasskeyExistsHere: {"This device already holds a passkey for your {brand} ID. Use it to log in, or create the new passkey on another device.",
			"Dieses Gerät hat bereits einen Passkey für Ihre {brand} ID. Melden Sie sich damit an oder erstellen Sie den neuen Passkey auf einem anderen Gerät."},
		PasskeyNoBrowser:    {"This browser can't use passkeys here. Use your password, or another browser.", "Dieser Browser kann hier keine Passkeys verwenden. Verwenden Sie Ihr Passwort oder einen anderen Browser."},
		PasskeyUnknownError: {"Your device could not use the passkey. Try again, or use your password.", "Ihr Gerät konnte den Passkey nicht verwenden. Versuchen Sie es erneut oder verwenden Sie Ihr Passwort."},
		FactorUseAnother:    {"Use another method", "Andere Methode verwenden"},
		SecondStepTitle:     {"Confirm it's you", "Bestätigen Sie, dass Sie es sind"},
		FactorChoose:        {"Confirm with:", "Bestätigen mit:"},
		MethodEmailCodeName: {"Code by e-mail", "Code per E-Mail"},
		MethodTOTPName:      {"Code from the authenticator app", "Code aus der Authenticator-App"},
		MethodPasskeyName:   {"Passkey", "Passkey"},
		MethodRecoveryName:  {"Recovery code", "Wiederherstellungscode"},
		TOTPLead:            {"Enter the 6-digit code your authenticator app shows for your {brand} ID.", "Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App für Ihre {brand} ID anzeigt."},
		TOTPField:           {"Code from the app", "Code aus der App"},
		RecoveryLead: {"Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.",
			"Geben Sie einen der Wiederherstellungscodes ein, die Sie beim Einrichten der Zwei-Faktor-Authentifizierung gespeichert haben. Jeder Code funktioniert nur einmal."},
		RecoveryField:      {"Recovery code", "Wiederherstellungscode"},
		PasskeyStepLead:    {"Confirm with a passkey of your {brand} ID: your device asks for your fingerprint, face or screen lock.", "Bestätigen Sie mit einem Passkey Ihrer {brand} ID: Ihr Gerät fragt nach Fingerabdruck, Gesicht oder Displaysperre."},
		PasskeyUse:         {"Use passkey", "Passkey verwenden"},
		PasswordUsePasskey: {"Use a passkey instead", "Stattdessen einen Passkey verwenden"},
		AccountPasskeys:    {"PASSKEYS", "PASSKEYS"},
		PasskeysNone: {"No passkey yet. With a passkey you log in with your fingerprint, face or screen lock: no password, no code.",
			"Noch kein Passkey. Mit einem Passkey melden Sie sich mit Fingerabdruck, Gesicht oder Displaysperre an: ohne Passwort, ohne Code."},
		PasskeyCreate:      {"Create passkey", "Passkey erstellen"},
		PasskeyRename:      {"Rename", "Umbenennen"},
		PasskeyRemove:      {"Remove", "Entfernen"},
		PasskeySynced:      {"Synced to your devices", "Auf Ihre Geräte synchronisiert"},
		PasskeyDeviceBound: {"On one device only", "Nur auf einem Gerät"},
		PasskeyCreatedOn:   {"Created {date}", "Erstellt {date}"},
		PasskeyLastUsedOn:  {"last used {date}", "zuletzt verwendet {date}"},
		PasskeyNeverUsed:   {"not used yet", "noch nicht verwendet"},
		PasskeyAddTitle:    {"Create passkey", "Passkey erstellen"},
		PasskeyAddLead: {"Give the passkey a name you will recognise, then follow your device: it asks for your fingerprint, face or screen lock.",
			"Geben Sie dem Passkey einen Namen, an dem Sie ihn wiedererkennen, und folgen Sie dann Ihrem Gerät: Es fragt nach Fingerabdruck, Gesicht oder Displaysperre."},
		PasskeyNameField: {"Name of the passkey", "Name des Passkeys"},
		PasskeyNameHint:  {"For example the device it is on. Left empty, it is named after this browser.", "Zum Beispiel das Gerät, auf dem er liegt. Leer gelassen, wird er nach diesem Browser benannt."},
		PasskeyAdded: {"Your passkey “{name}” is ready. Next time, choose “Log in with a passkey”.",
			"Ihr Passkey „{name}“ ist bereit. Wählen Sie beim nächsten Mal „Mit einem Passkey anmelden“."},
		PasskeyRemoveTitle: {"Remove passkey", "Passkey entfernen"},
		PasskeyRemoveLead: {"Remove the passkey “{name}”? It will no longer log in to your {brand} ID. To delete it from your device too, remove it in your device's password or passkey settings.",
			"Den Passkey „{name}“ entfernen? Er meldet dann nicht mehr bei Ihrer {brand} ID an. Um ihn auch von Ihrem Gerät zu löschen, entfernen Sie ihn in den Passwort- oder Passkey-Einstellungen des Geräts."},
		PasskeyRemoved:      {"The passkey “{name}” was removed.", "Der Passkey „{name}“ wurde entfernt."},
		PasskeyRenameTitle:  {"Rename passkey", "Passkey umbenennen"},
		TFSecondFactorLabel: {"Second factor", "Zweiter Faktor"},
		TFExplainOnApp: {"Two-factor authentication is on: every login asks for the code from your authenticator app. Deactivating it makes your password the only protection.",
			"Die Zwei-Faktor-Authentifizierung ist aktiv: Jede Anmeldung fragt nach dem Code aus Ihrer Authenticator-App. Wenn Sie sie deaktivieren, schützt nur noch Ihr Passwort."},
		TFRecoveryLeft: {"Recovery codes left: {count}", "Verbleibende Wiederherstellungscodes: {count}"},
		TFAppOffer: {"Prefer a code from an app on your phone, such as Google Authenticator or Microsoft Authenticator? It works without e-mail.",
			"Lieber ein Code aus einer App auf Ihrem Smartphone, etwa Google Authenticator oder Microsoft Authenticator? Das funktioniert ohne E-Mail."},
		TFSetUpApp:         {"Set up authenticator app", "Authenticator-App einrichten"},
		TFRemoveApp:        {"Remove authenticator app", "Authenticator-App entfernen"},
		TFNewRecoveryCodes: {"Create new recovery codes", "Neue Wiederherstellungscodes erstellen"},
		TOTPSetupTitle:     {"Set up authenticator app", "Authenticator-App einrichten"},
		TOTPScan:           {"1. Scan this QR code with your authenticator app.", "1. Scannen Sie diesen QR-Code mit Ihrer Authenticator-App."},
		TOTPKeyInstead:     {"Can't scan it? Enter this key in the app instead:", "Scannen klappt nicht? Geben Sie stattdessen diesen Schlüssel in der App ein:"},
		TOTPEnterCode:      {"2. Enter the 6-digit code the app now shows.", "2. Geben Sie den 6-stelligen Code ein, den die App jetzt anzeigt."},
		TOTPQRAlt:          {"QR code for your authenticator app", "QR-Code für Ihre Authenticator-App"},
		TOTPActivated: {"The authenticator app is set up. From now on, every login asks for its code.",
			"Die Authenticator-App ist eingerichtet. Ab sofort fragt jede Anmeldung nach ihrem Code."},
		TOTPRemoveTitle: {"Remove authenticator app", "Authenticator-App entfernen"},
		TOTPRemoveLead: {"Remove the authenticator app? Its codes stop working. Logging in then asks for the code by e-mail.",
			"Die Authenticator-App entfernen? Ihre Codes funktionieren dann nicht mehr. Die Anmeldung fragt danach nach dem Code per E-Mail."},
		TOTPRemoved:   {"The authenticator app was removed.", "Die Authenticator-App wurde entfernt."},
		RecoveryTitle: {"Recovery codes", "Wiederherstellungscodes"},
		RecoveryShowLead: {"Save these codes now: they are shown only this once. Each code works once in place of the code from your app or e-mail, for example if you lose your phone. Keep them away from your phone.",
			"Speichern Sie diese Codes jetzt: Sie werden nur dieses eine Mal angezeigt. Jeder Code funktioniert einmal anstelle des Codes aus App oder E-Mail, zum Beispiel wenn Sie Ihr Smartphone verlieren. Bewahren Sie sie getrennt von Ihrem Smartphone auf."},
		RecoveryDownload: {"Download", "Herunterladen"},
		RecoveryPrint:    {"Print", "Drucken"},
		RecoverySaved:    {"I have saved them", "Ich habe sie gespeichert"},
		RecoveryNewLead: {"New recovery codes replace your current ones: the old codes stop working at once.",
			"Neue Wiederherstellungscodes ersetzen Ihre bisherigen: Die alten Codes funktionieren sofort nicht mehr."},
		RecoveryCreate:               {"Create new codes", "Neue Codes erstellen"},
		RecoveryFileHeading:          {"{brand} ID recovery codes for {email}", "Wiederherstellungscodes der {brand} ID für {email}"},
		RecoveryFileNote:             {"Each code works once. Keep this file away from your phone.", "Jeder Code funktioniert nur einmal. Bewahren Sie diese Datei getrennt von Ihrem Smartphone auf."},
		RecoveryCodesHeading:         {"Your recovery codes", "Ihre Wiederherstellungscodes"},
		"verr.app_code.invalid":      {"Enter the 6 digits your app shows.", "Geben Sie die 6 Ziffern ein, die Ihre App anzeigt."},
		"verr.recovery_code.invalid": {"Enter a recovery code like k7pq-3xmd-w9ae.", "Geben Sie einen Wiederherstellungscode wie k7pq-3xmd-w9ae ein."},
		"verr.name.too_long":         {"Use at most 60 characters.", "Verwenden Sie höchstens 60 Zeichen."},
		"verr.method.not_allowed":    {"This method is not set up for your {brand} ID. Choose another.", "Diese Methode ist für Ihre {brand} ID nicht eingerichtet. Wählen Sie eine andere."},
	})
}
