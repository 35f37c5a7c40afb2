package i18n

// Keys of the auth core: sessions ended or changed elsewhere, confirmation
// and undo links that ask for a password, single sessions ended.
const (
	ErrSessionChanged      Key = "error.session_changed"
	ConfirmNeedsPassword   Key = "confirm.needs_password"
	ConfirmSetPassword     Key = "confirm.set_password"
	ConfirmDoneLogIn       Key = "confirm.done_log_in"
	ConfirmOtherAccount    Key = "confirm.other_account"
	UndoTitle              Key = "undo.title"
	UndoLead               Key = "undo.lead"
	UndoButton             Key = "undo.button"
	UndoDone               Key = "undo.done"
	SecurityLogoutSession  Key = "security.logout_session"
	SecuritySessionEnded   Key = "security.session_ended"
	SecurityNoSuchSession  Key = "security.no_such_session"
	EmailTakenNow          Key = "email.taken_now"
	ErrCrossOrigin         Key = "error.cross_origin"
	CodesPaused            Key = "code.paused"
	ProfileVerifyPhone     Key = "profile.verify_phone"
	ProfileVerifyPhoneLink Key = "profile.verify_phone_link"
	LinkDeadTitle          Key = "link.dead_title"
	ConfirmedTitle         Key = "confirm.confirmed_title"
	EmailChangedTitle      Key = "confirm.changed_title"
	UndoneTitle            Key = "undo.undone_title"
	LinkDeadResendLead     Key = "link.dead_resend_lead"
	ErrStalePage           Key = "error.stale_page"
)

func init() {
	register(map[Key][2]string{
		ErrSessionChanged: {"This changed in another tab or window at the same moment. Reload the page and try again.",
			"Das wurde gerade gleichzeitig in einem anderen Tab oder Fenster geändert. Laden Sie die Seite neu und versuchen Sie es noch einmal."},
		ConfirmNeedsPassword: {"This link was opened in another browser than the one you registered with. To confirm your e-mail address, choose your password for this {brand} ID here.",
			"Dieser Link wurde in einem anderen Browser geöffnet als dem, in dem Sie sich registriert haben. Um Ihre E-Mail-Adresse zu bestätigen, wählen Sie hier das Passwort für diese {brand} ID."},
		ConfirmSetPassword: {"Confirm and set password", "Bestätigen und Passwort festlegen"},
		ConfirmDoneLogIn: {"Your e-mail address is confirmed and your password is set. You can log in now.",
			"Ihre E-Mail-Adresse ist bestätigt und Ihr Passwort festgelegt. Sie können sich jetzt anmelden."},
		ConfirmOtherAccount: {"The e-mail address is confirmed. You are still logged in with your other {brand} ID: log out to use the new one.",
			"Die E-Mail-Adresse ist bestätigt. Sie sind weiter mit Ihrer anderen {brand} ID angemeldet: Melden Sie sich ab, um die neue zu verwenden."},
		UndoTitle: {"Undo the e-mail change", "E-Mail-Änderung rückgängig machen"},
		UndoLead: {"Someone else may know your password. Choose a new one: this makes this address your login again and logs out every device.",
			"Möglicherweise kennt jemand anderes Ihr Passwort. Wählen Sie ein neues: Damit ist diese Adresse wieder Ihr Login, und alle Geräte werden abgemeldet."},
		UndoButton: {"Undo and set new password", "Rückgängig machen und neues Passwort festlegen"},
		UndoDone: {"The change is undone and your new password is set. Every device has been logged out. You can log in now.",
			"Die Änderung ist rückgängig gemacht und Ihr neues Passwort festgelegt. Alle Geräte wurden abgemeldet. Sie können sich jetzt anmelden."},
		SecurityLogoutSession: {"Log out", "Abmelden"},
		SecuritySessionEnded:  {"That device has been logged out.", "Das Gerät wurde abgemeldet."},
		SecurityNoSuchSession: {"That session had already ended. The list is up to date now.", "Diese Sitzung war bereits beendet. Die Liste ist jetzt aktuell."},
		EmailTakenNow: {"This e-mail address was taken by another {brand} ID in the meantime. Request the change again with another address.",
			"Diese E-Mail-Adresse wird inzwischen von einer anderen {brand} ID verwendet. Fordern Sie die Änderung mit einer anderen Adresse neu an."},
		ErrCrossOrigin: {"This request did not come from the portal's own pages, so it was refused. Open the portal directly and try again.",
			"Diese Anfrage kam nicht von den Seiten des Portals und wurde deshalb abgelehnt. Öffnen Sie das Portal direkt und versuchen Sie es noch einmal."},
		ErrStalePage:      {"The page was open too long. Reload it and try again.", "Die Seite war zu lange geöffnet. Laden Sie sie neu und versuchen Sie es noch einmal."},
		LinkDeadTitle:     {"This link no longer works", "Dieser Link funktioniert nicht mehr"},
		ConfirmedTitle:    {"Address confirmed", "Adresse bestätigt"},
		EmailChangedTitle: {"E-mail address changed", "E-Mail-Adresse geändert"},
		UndoneTitle:       {"Change undone", "Änderung rückgängig gemacht"},
		LinkDeadResendLead: {"It has expired, was already used, or was replaced by a newer one. If your address is not confirmed yet, we can send you a new link.",
			"Er ist abgelaufen, wurde schon verwendet oder durch einen neueren ersetzt. Ist Ihre Adresse noch nicht bestätigt, schicken wir Ihnen gern einen neuen Link."},
		CodesPaused: {"Too many codes were requested or entered wrongly within an hour. For your security, codes are paused until {time}. Please try again then.",
			"Innerhalb einer Stunde wurden zu viele Codes angefordert oder falsch eingegeben. Zu Ihrer Sicherheit sind Codes bis {time} pausiert. Bitte versuchen Sie es dann erneut."},
		ProfileVerifyPhone: {"The mobile number {phone} you gave is not verified yet. Verify it with a code by text message to log in with it as your Phone ID.",
			"Die angegebene Mobilnummer {phone} ist noch nicht bestätigt. Bestätigen Sie sie mit einem Code per SMS, um sich damit als Phone ID anzumelden."},
		ProfileVerifyPhoneLink:      {"Verify in Account data", "In den Kontodaten bestätigen"},
		"event.codes_paused":        {"Codes paused after too many requests or wrong entries", "Codes pausiert nach zu vielen Anforderungen oder Fehleingaben"},
		"event.session_ended":       {"Logged out one device", "Ein Gerät abgemeldet"},
		"event.email_change_undone": {"E-mail change undone, new password set", "E-Mail-Änderung rückgängig gemacht, neues Passwort festgelegt"},
	})
}
