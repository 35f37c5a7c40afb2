package state

import (
	"time"

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
