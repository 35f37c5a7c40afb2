package i18n

// Keys of signing in to the brand's apps with the {brand} ID (OpenID
// Connect): the consent screen, the sign-in error page, "Connected apps".
const (
	AppRequestGone  Key = "apps.request_gone"
	AppNotConnected Key = "apps.not_connected"
)

func init() {
	register(map[Key][2]string{
		AppRequestGone: {"This sign-in request is no longer open in this browser. Go back to the app and sign in again.",
			"Diese Anmeldeanfrage ist in diesem Browser nicht mehr offen. Gehen Sie zurück zur App und melden Sie sich dort erneut an."},
		AppNotConnected: {"This app is not connected to your {brand} ID (any more). Reload the page to see the current list.",
			"Diese App ist nicht (mehr) mit Ihrer {brand} ID verbunden. Laden Sie die Seite neu, um die aktuelle Liste zu sehen."},
		"event.app_connected": {"App connected", "App verbunden"},
		"event.app_removed":   {"App access removed", "Zugriff einer App entfernt"},
	})
}
