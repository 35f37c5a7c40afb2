package i18n

// Keys of signing in to the brand's apps with the {brand} ID (OpenID
// Connect): the login for an app, the consent screen, the sign-in error
// page, the sign-out question and "Connected apps".
const (
	AppRequestGone  Key = "apps.request_gone"
	AppNotConnected Key = "apps.not_connected"

	LoginForApp      Key = "login.for_app"
	LoginForAppAgain Key = "login.for_app_again"

	ConsentTitle   Key = "consent.title"
	ConsentLead    Key = "consent.lead"
	ConsentRemove  Key = "consent.remove_later"
	ConsentAllow   Key = "consent.allow"
	ConsentCancel  Key = "consent.cancel"
	ConsentOffline Key = "consent.offline"

	SignInErrorTitle Key = "signin_error.title"
	SignInErrorHome  Key = "signin_error.home"

	SignOutTitle   Key = "signout.title"
	SignOutLead    Key = "signout.lead"
	SignOutButton  Key = "signout.button"
	SignOutStay    Key = "signout.stay"
	SignOutNothing Key = "signout.nothing"

	AppsTitle    Key = "apps.title"
	AppsNone     Key = "apps.none"
	AppsSince    Key = "apps.since"
	AppsLastUsed Key = "apps.last_used"
	AppsRemove   Key = "apps.remove"
	AppsRemoved  Key = "apps.removed"
)

// ScopeKey is the key of a scope's words on the consent screen and under
// "Connected apps" ("scope.email").
func ScopeKey(scope string) Key { return Key("scope." + scope) }

// SignInErrorKey is the key of the sign-in error page's words for a reason
// (shared/api Reason…).
func SignInErrorKey(reason string) Key { return Key("signin_error." + reason) }

func init() {
	register(map[Key][2]string{
		AppRequestGone: {"This sign-in request is no longer open in this browser. Go back to the app and sign in again.",
			"Diese Anmeldeanfrage ist in diesem Browser nicht mehr offen. Gehen Sie zurück zur App und melden Sie sich dort erneut an."},
		AppNotConnected: {"This app is not connected to your {brand} ID (any more). Reload the page to see the current list.",
			"Diese App ist nicht (mehr) mit Ihrer {brand} ID verbunden. Laden Sie die Seite neu, um die aktuelle Liste zu sehen."},
		"event.app_connected": {"App connected", "App verbunden"},
		"event.app_removed":   {"App access removed", "Zugriff einer App entfernt"},

		LoginForApp:      {"Log in to continue to {app}.", "Melden Sie sich an, um zu {app} weiterzugehen."},
		LoginForAppAgain: {"{app} asks you to log in again before you continue.", "{app} bittet Sie, sich erneut anzumelden, bevor es weitergeht."},

		ConsentTitle: {"{app} wants to use your {brand} ID", "{app} möchte Ihre {brand} ID verwenden"},
		ConsentLead:  {"If you allow it, {app} receives:", "Wenn Sie zustimmen, erhält {app}:"},
		ConsentRemove: {"You can remove its access at any time under Security › Connected apps.",
			"Sie können den Zugriff jederzeit unter Sicherheit › Verbundene Apps entfernen."},
		ConsentAllow:   {"Allow", "Zulassen"},
		ConsentCancel:  {"Cancel", "Abbrechen"},
		ConsentOffline: {"Answering needs the network. Check your connection and try again.", "Zum Antworten ist eine Netzverbindung nötig. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut."},

		"scope.openid":         {"that you have a {brand} ID, as a number only this app knows", "dass Sie eine {brand} ID haben, als Nummer, die nur diese App kennt"},
		"scope.email":          {"your e-mail address", "Ihre E-Mail-Adresse"},
		"scope.profile":        {"your name, date of birth and language", "Ihren Namen, Ihr Geburtsdatum und Ihre Sprache"},
		"scope.phone":          {"your Phone ID (mobile number), once verified", "Ihre Phone ID (Mobilnummer), sobald sie bestätigt ist"},
		"scope.address":        {"your address", "Ihre Adresse"},
		"scope.offline_access": {"access while you are not using it, until you remove it", "Zugriff, auch wenn Sie die App gerade nicht nutzen, bis Sie ihn entfernen"},

		SignInErrorTitle: {"This sign-in cannot continue", "Diese Anmeldung kann nicht weitergehen"},
		SignInErrorHome:  {"Go to your {brand} ID", "Zu Ihrer {brand} ID"},
		"signin_error.unknown_app": {"The app that sent you here is not known to the {brand} ID. The link may be wrong or out of date. Go back to the app and try again; if this happens again, tell the app's makers.",
			"Die App, die Sie hierher geschickt hat, ist der {brand} ID nicht bekannt. Der Link ist vielleicht falsch oder veraltet. Gehen Sie zurück zur App und versuchen Sie es erneut; wenn es wieder passiert, sagen Sie es den Machern der App."},
		"signin_error.redirect_uri": {"The app asked to send you back to an address it has not registered with the {brand} ID, so you were not sent there. Go back to the app and try again; if this happens again, tell the app's makers.",
			"Die App wollte Sie an eine Adresse zurückschicken, die sie bei der {brand} ID nicht angemeldet hat, deshalb wurden Sie nicht dorthin geschickt. Gehen Sie zurück zur App und versuchen Sie es erneut; wenn es wieder passiert, sagen Sie es den Machern der App."},
		"signin_error.expired": {"This sign-in took too long or is no longer open. Go back to the app and start the sign-in again.",
			"Diese Anmeldung hat zu lange gedauert oder ist nicht mehr offen. Gehen Sie zurück zur App und starten Sie die Anmeldung erneut."},
		"signin_error.other_browser": {"This sign-in was started in another browser. Go back to the app in this browser and start the sign-in again.",
			"Diese Anmeldung wurde in einem anderen Browser begonnen. Gehen Sie in diesem Browser zurück zur App und starten Sie die Anmeldung erneut."},
		"signin_error.used": {"This sign-in is already complete. Go back to the app.",
			"Diese Anmeldung ist bereits abgeschlossen. Gehen Sie zurück zur App."},
		"signin_error.invalid_request": {"The app's sign-in request is not valid. Go back to the app and try again; if this happens again, tell the app's makers.",
			"Die Anmeldeanfrage der App ist ungültig. Gehen Sie zurück zur App und versuchen Sie es erneut; wenn es wieder passiert, sagen Sie es den Machern der App."},

		SignOutTitle:  {"Log out of your {brand} ID too?", "Auch von Ihrer {brand} ID abmelden?"},
		SignOutLead:   {"{app} has logged you out. In this browser you are still logged in to your {brand} ID.", "{app} hat Sie abgemeldet. In diesem Browser sind Sie noch mit Ihrer {brand} ID angemeldet."},
		SignOutButton: {"Log out", "Abmelden"},
		SignOutStay:   {"Stay logged in", "Angemeldet bleiben"},
		SignOutNothing: {"There is nothing to do here: no app is waiting for an answer. You can close this page.",
			"Hier gibt es nichts zu tun: Keine App wartet auf eine Antwort. Sie können diese Seite schließen."},

		AppsTitle:    {"Connected apps", "Verbundene Apps"},
		AppsNone:     {"No app uses your {brand} ID yet.", "Noch keine App verwendet Ihre {brand} ID."},
		AppsSince:    {"Connected since {time}", "Verbunden seit {time}"},
		AppsLastUsed: {"last used {time}", "zuletzt genutzt {time}"},
		AppsRemove:   {"Remove access", "Zugriff entfernen"},
		AppsRemoved:  {"{app} can no longer use your {brand} ID. It asks again the next time you log in to it.", "{app} kann Ihre {brand} ID nicht mehr verwenden. Die App fragt erneut, wenn Sie sich das nächste Mal dort anmelden."},
	})
}
