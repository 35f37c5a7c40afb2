package i18n

// Keys of the app shell: status bar, menus, common words, errors.
const (
	NavHelp         Key = "nav.help"
	NavMyProfile    Key = "nav.my_profile"
	NavLogOut       Key = "nav.log_out"
	NavLogIn        Key = "nav.log_in"
	NavProfileMenu  Key = "nav.profile_menu"
	NavSkip         Key = "nav.skip"
	Loading         Key = "common.loading"
	LoadFailed      Key = "common.load_failed"
	TryAgain        Key = "common.try_again"
	Close           Key = "common.close"
	Cancel          Key = "common.cancel"
	Edit            Key = "common.edit"
	Save            Key = "common.save"
	Back            Key = "common.back"
	Optional        Key = "common.optional"
	NotFoundTitle   Key = "notfound.title"
	NotFoundText    Key = "notfound.text"
	NotFoundHome    Key = "notfound.home"
	OfflineBanner   Key = "offline.banner"
	OfflineNoChange Key = "offline.no_change"
	UpdateReady     Key = "update.ready"
	UpdateReload    Key = "update.reload"
	ErrNetwork      Key = "error.network"
	ErrServer       Key = "error.server"
	ErrRateLimited  Key = "error.rate_limited"
	ErrFixFields    Key = "error.fix_fields"
	ErrSession      Key = "error.session"
	WaitSeconds     Key = "common.wait_seconds"
	HomeTitle       Key = "home.title"
)

func init() {
	register(map[Key][2]string{
		NavHelp:         {"Help", "Hilfe"},
		NavMyProfile:    {"My profile", "Mein Profil"},
		NavLogOut:       {"Log out", "Abmelden"},
		NavLogIn:        {"Log in", "Anmelden"},
		NavProfileMenu:  {"Profile menu", "Profilmenü"},
		NavSkip:         {"Skip to content", "Zum Inhalt springen"},
		Loading:         {"Loading…", "Wird geladen …"},
		LoadFailed:      {"This could not be loaded.", "Das konnte nicht geladen werden."},
		TryAgain:        {"Try again", "Erneut versuchen"},
		Close:           {"Close", "Schließen"},
		Cancel:          {"Cancel", "Abbrechen"},
		Edit:            {"Edit", "Bearbeiten"},
		Save:            {"Save", "Speichern"},
		Back:            {"Back", "Zurück"},
		Optional:        {"(optional)", "(optional)"},
		NotFoundTitle:   {"Page not found", "Seite nicht gefunden"},
		NotFoundText:    {"There is no page at this address. Check the link, or start again from the beginning.", "Unter dieser Adresse gibt es keine Seite. Prüfen Sie den Link oder beginnen Sie von vorn."},
		NotFoundHome:    {"Go to the start page", "Zur Startseite"},
		OfflineBanner:   {"Offline — last updated {time}", "Offline – zuletzt aktualisiert {time}"},
		OfflineNoChange: {"Changes need a network connection.", "Änderungen brauchen eine Netzverbindung."},
		UpdateReady:     {"A new version of the portal is ready.", "Eine neue Version des Portals ist bereit."},
		UpdateReload:    {"Reload", "Neu laden"},
		ErrNetwork:      {"The server cannot be reached. Check your connection and try again.", "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut."},
		ErrServer:       {"Something went wrong on our side. Please try again in a moment.", "Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal."},
		ErrRateLimited:  {"Too many attempts. Please wait {seconds} seconds and try again.", "Zu viele Versuche. Bitte warten Sie {seconds} Sekunden und versuchen Sie es erneut."},
		ErrFixFields:    {"Please correct the marked fields.", "Bitte korrigieren Sie die markierten Felder."},
		ErrSession:      {"Your session has ended. Please log in again.", "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."},
		WaitSeconds:     {"wait {seconds} s", "noch {seconds} s"},
		HomeTitle:       {"{brand} ID", "{brand} ID"},
	})
}
