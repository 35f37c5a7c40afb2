package i18n

// Keys of logging in, registering and recovering access.
const (
	LoginTitle           Key = "login.title"
	LoginLead            Key = "login.lead"
	LoginButton          Key = "login.button"
	LoginForgot          Key = "login.forgot"
	LoginRegisterNow     Key = "login.register_now"
	LoginNoAccount       Key = "login.no_account"
	LoginInvalid         Key = "login.invalid"
	LoginBlocked         Key = "login.blocked"
	LoginNotConfirmed    Key = "login.not_confirmed"
	LoginResendLink      Key = "login.resend_link"
	LoginLinkSent        Key = "login.link_sent"
	LogoutPending        Key = "login.logout_pending"
	CodeTitle            Key = "code.title"
	CodeSentTo           Key = "code.sent_to"
	CodeValidity         Key = "code.validity"
	CodeConfirm          Key = "code.confirm"
	CodeRequestNew       Key = "code.request_new"
	CodeNewSent          Key = "code.new_sent"
	CodeInvalid          Key = "code.invalid"
	CodeReplaced         Key = "code.replaced"
	CodeVoid             Key = "code.void"
	CodeBackToLogin      Key = "code.back_to_login"
	RegisterTitle        Key = "register.title"
	RegisterLead         Key = "register.lead"
	RegisterLoginData    Key = "register.login_data"
	RegisterPersonal     Key = "register.personal"
	RegisterAddress      Key = "register.address"
	RegisterContact      Key = "register.contact"
	RegisterConsent      Key = "register.consent"
	RegisterButton       Key = "register.button"
	RegisterHaveAccount  Key = "register.have_account"
	ConfirmPendingTitle  Key = "confirm_pending.title"
	ConfirmPendingText   Key = "confirm_pending.text"
	ConfirmPendingHint   Key = "confirm_pending.hint"
	ConfirmSendAgain     Key = "confirm_pending.send_again"
	ConfirmSentAgain     Key = "confirm_pending.sent_again"
	ConfirmTitle         Key = "confirm.title"
	ConfirmWorking       Key = "confirm.working"
	ConfirmOpenLead      Key = "confirm.open_lead"
	RegisterLanguageHint Key = "register.language_hint"
	CodeNewAfter         Key = "code.new_after"
	RegisterReadPrivacy  Key = "register.read_privacy"
	RegisterReadTerms    Key = "register.read_terms"
	LoginOneTryLeft      Key = "login.one_try_left"
	LoginTwoTriesLeft    Key = "login.two_tries_left"
	ConfirmOpenButton    Key = "confirm.open_button"
	ConfirmDone          Key = "confirm.done"
	ConfirmEmailChanged  Key = "confirm.email_changed"
	LinkInvalid          Key = "link.invalid"
	EmailTaken           Key = "email.taken"
	ForgotTitle          Key = "forgot.title"
	ForgotLead           Key = "forgot.lead"
	ForgotButton         Key = "forgot.button"
	ForgotSent           Key = "forgot.sent"
	ResetTitle           Key = "reset.title"
	ResetLead            Key = "reset.lead"
	ResetButton          Key = "reset.button"
	ResetDone            Key = "reset.done"
	ResetNoToken         Key = "reset.no_token"
	PasswordWrong        Key = "password.wrong"
	NothingPending       Key = "stepup.nothing_pending"
	StrengthLabel        Key = "strength.label"
	Strength0            Key = "strength.0"
	Strength1            Key = "strength.1"
	Strength2            Key = "strength.2"
	Strength3            Key = "strength.3"
	Strength4            Key = "strength.4"
	ShowPassword         Key = "password.show"
	HidePassword         Key = "password.hide"
)

func init() {
	register(map[Key][2]string{
		LoginTitle:        {"Log in with your {brand} ID", "Mit Ihrer {brand} ID anmelden"},
		LoginLead:         {"One login for the portal, the app and your connected services.", "Ein Login für das Portal, die App und Ihre vernetzten Dienste."},
		LoginButton:       {"Log in", "Anmelden"},
		LoginForgot:       {"Forgot password?", "Passwort vergessen?"},
		LoginRegisterNow:  {"Register now", "Jetzt registrieren"},
		LoginNoAccount:    {"New here?", "Neu hier?"},
		LoginInvalid:      {"The e-mail address, Phone ID or password is not right. Check them and try again.", "E-Mail-Adresse, Phone ID oder Passwort stimmen nicht. Prüfen Sie die Eingaben und versuchen Sie es erneut."},
		LoginBlocked:      {"This ID is temporarily blocked after too many wrong passwords, until {time}. You can set a new password with \"Forgot password?\" to lift the block now.", "Diese ID ist nach zu vielen falschen Passwörtern vorübergehend gesperrt, bis {time}. Mit „Passwort vergessen?“ können Sie ein neues Passwort setzen und die Sperre sofort aufheben."},
		LoginNotConfirmed: {"Your e-mail address is not confirmed yet. Open the link in the e-mail we sent you, or let us send it again.", "Ihre E-Mail-Adresse ist noch nicht bestätigt. Öffnen Sie den Link in unserer E-Mail oder lassen Sie sie sich erneut senden."},
		LoginResendLink:   {"Send the e-mail again", "E-Mail erneut senden"},
		LogoutPending:     {"You are logged out on this device. Your session on the server ends as soon as the network is back; until then nothing of your account is shown here.", "Sie sind auf diesem Gerät abgemeldet. Ihre Sitzung auf dem Server endet, sobald das Netz wieder da ist; bis dahin wird hier nichts aus Ihrem Konto angezeigt."},
		LoginLinkSent:     {"If the address needs confirming, a new link is on its way.", "Falls die Adresse noch bestätigt werden muss, ist ein neuer Link unterwegs."},
		CodeTitle:         {"Enter your activation code", "Aktivierungscode eingeben"},
		CodeSentTo:        {"We have sent an activation code to {email}", "Wir haben einen Aktivierungscode an {email} gesendet"},
		CodeValidity:      {"The code is valid for 10 minutes and works once.", "Der Code ist 10 Minuten gültig und funktioniert nur einmal."},
		CodeConfirm:       {"Confirm", "Bestätigen"},
		CodeRequestNew:    {"Request a new one", "Neuen Code anfordern"},
		CodeNewSent:       {"A new code is on its way. The previous one no longer works.", "Ein neuer Code ist unterwegs. Der vorherige funktioniert nicht mehr."},
		CodeReplaced: {"This is the code from an earlier message: a newer code replaced it when one was requested again. Enter the code from the newest message.",
			"Das ist der Code aus einer früheren Nachricht: Er wurde ersetzt, als ein neuer angefordert wurde. Geben Sie den Code aus der neuesten Nachricht ein."},
		CodeInvalid:         {"This code is not right. Check the digits in the e-mail and try again.", "Dieser Code stimmt nicht. Prüfen Sie die Ziffern in der E-Mail und versuchen Sie es erneut."},
		CodeVoid:            {"This code no longer works (expired, used or too many wrong entries). Request a new one.", "Dieser Code funktioniert nicht mehr (abgelaufen, verwendet oder zu oft falsch eingegeben). Fordern Sie einen neuen an."},
		CodeBackToLogin:     {"Back to log in", "Zurück zur Anmeldung"},
		RegisterTitle:       {"Create your {brand} ID", "Ihre {brand} ID erstellen"},
		RegisterLead:        {"Fields without \"(optional)\" are required.", "Felder ohne „(optional)“ sind Pflichtfelder."},
		RegisterLoginData:   {"Login data", "Zugangsdaten"},
		RegisterPersonal:    {"Personal data", "Persönliche Daten"},
		RegisterAddress:     {"Address", "Adresse"},
		RegisterContact:     {"Contact", "Kontakt"},
		RegisterConsent:     {"Consent", "Einwilligung"},
		RegisterButton:      {"Register", "Registrieren"},
		RegisterHaveAccount: {"Already have a {brand} ID? Log in", "Sie haben schon eine {brand} ID? Anmelden"},
		ConfirmPendingTitle: {"Please confirm your e-mail address", "Bitte bestätigen Sie Ihre E-Mail-Adresse"},
		ConfirmPendingText:  {"We have sent an e-mail to {email}. Open the link in it within 24 hours to finish your registration; it logs you in straight away.", "Wir haben eine E-Mail an {email} gesendet. Öffnen Sie den Link darin innerhalb von 24 Stunden, um die Registrierung abzuschließen; er meldet Sie direkt an."},
		ConfirmPendingHint:  {"Nothing arrived? Check your spam folder, or send the e-mail again.", "Nichts angekommen? Sehen Sie im Spam-Ordner nach oder senden Sie die E-Mail erneut."},
		ConfirmSendAgain:    {"Send the e-mail again", "E-Mail erneut senden"},
		ConfirmSentAgain:    {"Sent. The new link replaces the previous one.", "Gesendet. Der neue Link ersetzt den vorherigen."},
		ConfirmTitle:        {"Confirming your e-mail address", "Ihre E-Mail-Adresse wird bestätigt"},
		ConfirmWorking:      {"One moment…", "Einen Moment …"},
		RegisterLanguageHint: {"The {brand} ID speaks this language on its pages and in its e-mails. With \"From my country of residence\" the country above decides. You can change it later under Personal data.",
			"Die {brand} ID verwendet diese Sprache auf ihren Seiten und in ihren E-Mails. Mit „Nach meinem Wohnsitzland“ entscheidet das Land oben. Sie können sie später unter Persönliche Daten ändern."},
		LoginOneTryLeft: {"One more wrong password and this {brand} ID is blocked for 15 minutes on browsers that have not signed in to it before. Forgot your password? Reset it instead.",
			"Noch ein falsches Passwort, dann wird diese {brand} ID für 15 Minuten auf Browsern gesperrt, die sich noch nie angemeldet haben. Passwort vergessen? Setzen Sie es lieber zurück."},
		LoginTwoTriesLeft: {"Two more wrong passwords and this {brand} ID is blocked for 15 minutes on browsers that have not signed in to it before. Forgot your password? Reset it instead.",
			"Noch zwei falsche Passwörter, dann wird diese {brand} ID für 15 Minuten auf Browsern gesperrt, die sich noch nie angemeldet haben. Passwort vergessen? Setzen Sie es lieber zurück."},
		RegisterReadTerms:   {"Read the terms of use (opens in a new tab)", "Nutzungsbedingungen lesen (öffnet in einem neuen Tab)"},
		RegisterReadPrivacy: {"Read the privacy notice (opens in a new tab)", "Datenschutzhinweis lesen (öffnet in einem neuen Tab)"},
		CodeNewAfter: {"You can request a new code in {seconds} seconds. The code we sent is still valid until then.",
			"Einen neuen Code können Sie in {seconds} Sekunden anfordern. Bis dahin gilt der gesendete Code."},
		ConfirmOpenLead:     {"You opened the link from our e-mail. Confirm your address with the button below.", "Sie haben den Link aus unserer E-Mail geöffnet. Bestätigen Sie Ihre Adresse mit der Schaltfläche unten."},
		ConfirmOpenButton:   {"Confirm e-mail address", "E-Mail-Adresse bestätigen"},
		ConfirmDone:         {"Your e-mail address is confirmed.", "Ihre E-Mail-Adresse ist bestätigt."},
		ConfirmEmailChanged: {"Your e-mail address has been changed. Log in with the new address from now on.", "Ihre E-Mail-Adresse wurde geändert. Melden Sie sich ab jetzt mit der neuen Adresse an."},
		LinkInvalid:         {"This link has expired or was already used. Request a new one.", "Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an."},
		EmailTaken:          {"This e-mail address is already in use by another {brand} ID.", "Diese E-Mail-Adresse wird bereits von einer anderen {brand} ID verwendet."},
		ForgotTitle:         {"Forgot your password?", "Passwort vergessen?"},
		ForgotLead:          {"Enter the e-mail address of your {brand} ID. We will send you a link to set a new password.", "Geben Sie die E-Mail-Adresse Ihrer {brand} ID ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen."},
		ForgotButton:        {"Send link", "Link senden"},
		ForgotSent:          {"If a {brand} ID exists for this address, an e-mail with a link is on its way. The link is valid for 1 hour.", "Falls zu dieser Adresse eine {brand} ID existiert, ist eine E-Mail mit Link unterwegs. Der Link ist 1 Stunde gültig."},
		ResetTitle:          {"Set a new password", "Neues Passwort festlegen"},
		ResetLead:           {"After the change you will be logged out on every device. Two-factor authentication stays as it is.", "Nach der Änderung werden Sie auf allen Geräten abgemeldet. Die Zwei-Faktor-Authentifizierung bleibt, wie sie ist."},
		ResetButton:         {"Save new password", "Neues Passwort speichern"},
		ResetDone:           {"Your password has been changed. You can log in with it now.", "Ihr Passwort wurde geändert. Sie können sich jetzt damit anmelden."},
		ResetNoToken:        {"This page needs the link from the e-mail. Request a new link if you cannot find it.", "Diese Seite braucht den Link aus der E-Mail. Fordern Sie einen neuen Link an, falls Sie ihn nicht finden."},
		PasswordWrong:       {"This password is not right.", "Dieses Passwort ist nicht richtig."},
		NothingPending:      {"This step has run out. Please start again.", "Dieser Schritt ist abgelaufen. Bitte beginnen Sie erneut."},
		StrengthLabel:       {"Password strength", "Passwortstärke"},
		Strength0:           {"Too weak", "Zu schwach"},
		Strength1:           {"Weak", "Schwach"},
		Strength2:           {"Fair", "Ausreichend"},
		Strength3:           {"Good", "Gut"},
		Strength4:           {"Strong", "Stark"},
		ShowPassword:        {"Show", "Anzeigen"},
		HidePassword:        {"Hide", "Verbergen"},
	})
}
