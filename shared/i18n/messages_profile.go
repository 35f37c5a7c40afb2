package i18n

// Keys of the profile pages and the two-factor dialog.
const (
	ProfileTitle           Key = "profile.title"
	ProfileMiniID          Key = "profile.mini_id"
	ProfileCountry         Key = "profile.country"
	ProfileAccountData     Key = "profile.account_data"
	ProfilePersonalData    Key = "profile.personal_data"
	ProfileSecurity        Key = "profile.security"
	ProfileHelp            Key = "profile.help"
	AccountTitle           Key = "account.title"
	AccountLead            Key = "account.lead"
	AccountPhoneID         Key = "account.phone_id"
	AccountPhoneNone       Key = "account.phone_none"
	AccountPhoneUnverified Key = "account.phone_unverified"
	AccountEmailPending    Key = "account.email_pending"
	AccountPassword        Key = "account.password"
	AccountTwoFactor       Key = "account.two_factor"
	AccountNotActivated    Key = "account.not_activated"
	AccountActivated       Key = "account.activated"
	AccountDelete          Key = "account.delete"
	TFTitle                Key = "2fa.title"
	TFExplainOff           Key = "2fa.explain_off"
	TFExplainOn            Key = "2fa.explain_on"
	TFActivate             Key = "2fa.activate"
	TFDeactivate           Key = "2fa.deactivate"
	TFPasswordLead         Key = "2fa.password_lead"
	TFNext                 Key = "2fa.next"
	TFNowActivated         Key = "2fa.now_activated"
	TFNowDeactivated       Key = "2fa.now_deactivated"
	TFStatusLabel          Key = "2fa.status"
	AppDescription         Key = "app.description"
)

func init() {
	register(map[Key][2]string{
		ProfileTitle:           {"My profile", "Mein Profil"},
		ProfileMiniID:          {"{brand} ID", "{brand} ID"},
		ProfileCountry:         {"Country of residence", "Land des Wohnsitzes"},
		ProfileAccountData:     {"Account data", "Kontodaten"},
		ProfilePersonalData:    {"Personal data", "Persönliche Daten"},
		ProfileSecurity:        {"Security", "Sicherheit"},
		ProfileHelp:            {"Help", "Hilfe"},
		AccountTitle:           {"Account data", "Kontodaten"},
		AccountLead:            {"How you log in, and how your {brand} ID is protected.", "Wie Sie sich anmelden und wie Ihre {brand} ID geschützt ist."},
		AccountPhoneID:         {"Phone ID", "Phone ID"},
		AccountPhoneNone:       {"Not set", "Nicht hinterlegt"},
		AccountPhoneUnverified: {"not verified yet", "noch nicht bestätigt"},
		AccountEmailPending: {"Change to {email} waiting: open the link we sent there. Until then, log in with the address above.",
			"Änderung auf {email} ausstehend: Öffnen Sie den Link, den wir dorthin geschickt haben. Bis dahin melden Sie sich mit der Adresse oben an."},
		AccountPassword:     {"Password", "Passwort"},
		AccountTwoFactor:    {"TWO-FACTOR AUTHENTICATION", "ZWEI-FAKTOR-AUTHENTIFIZIERUNG"},
		AccountNotActivated: {"Not activated", "Nicht aktiviert"},
		AccountActivated:    {"Activated", "Aktiviert"},
		AccountDelete:       {"Delete {brand} ID", "{brand} ID löschen"},
		TFTitle:             {"Two-factor authentication", "Zwei-Faktor-Authentifizierung"},
		TFExplainOff:        {"With two-factor authentication, every login asks for your password and for a 6-digit code we send to your e-mail address. Someone who learns your password still cannot get in.", "Mit der Zwei-Faktor-Authentifizierung fragt jede Anmeldung nach Ihrem Passwort und nach einem 6-stelligen Code, den wir an Ihre E-Mail-Adresse senden. Wer Ihr Passwort kennt, kommt trotzdem nicht hinein."},
		TFExplainOn:         {"Two-factor authentication is on: every login asks for a code sent to your e-mail address. Deactivating it makes your password the only protection.", "Die Zwei-Faktor-Authentifizierung ist aktiv: Jede Anmeldung fragt nach einem Code, der an Ihre E-Mail-Adresse geht. Wenn Sie sie deaktivieren, schützt nur noch Ihr Passwort."},
		TFActivate:          {"Activate", "Aktivieren"},
		TFDeactivate:        {"Deactivate", "Deaktivieren"},
		TFPasswordLead:      {"To continue, enter your password.", "Geben Sie zum Fortfahren Ihr Passwort ein."},
		TFNext:              {"NEXT", "WEITER"},
		TFNowActivated:      {"Two-factor authentication is now activated.", "Die Zwei-Faktor-Authentifizierung ist jetzt aktiviert."},
		TFNowDeactivated:    {"Two-factor authentication is now deactivated.", "Die Zwei-Faktor-Authentifizierung ist jetzt deaktiviert."},
		TFStatusLabel:       {"Status", "Status"},
		AppDescription:      {"Your one login for the web portal, the app and connected services.", "Ihr Login für das Webportal, die App und vernetzte Dienste."},
	})
}
