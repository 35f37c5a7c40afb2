package state

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/minicorp/miniid/shared/i18n"
)

// FormatSavedAt shows when the device's copy was saved, in the reader's
// language and the browser's time zone.
func FormatSavedAt(savedAt, lang string) string {
	t, err := time.Parse(time.RFC3339, savedAt)
	if err != nil {
		return savedAt
	}
	t = t.Local()
	if i18n.Lang(lang) == i18n.German {
		return t.Format("02.01.2006, 15:04")
	}
	return t.Format("2 Jan 2006, 15:04")
}

var hadEarlierVersion bool

// NoteVersion records which app version runs on this device, and whether an
// earlier one ran before (then a service worker update is a real update).
// Called once at start.
func NoteVersion() {
	if app.IsServer {
		return
	}
	ls := app.Window().Get("localStorage")
	seen := ls.Call("getItem", "app_version")
	current := app.Getenv("GOAPP_VERSION")
	hadEarlierVersion = seen.Truthy() && seen.String() != ""
	ls.Call("setItem", "app_version", current)
}

// HadEarlierVersion reports whether this device ran the app before this load.
func HadEarlierVersion() bool { return hadEarlierVersion }
