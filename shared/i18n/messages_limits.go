package i18n

// Messages for the limits on API requests that only a client other than the
// app can reach (the app never sends that much); they still say what the
// limit is and what to do.
func init() {
	register(map[Key][2]string{
		"verr.user_inputs.too_many": {
			"At most 5 entries can be compared with the password. Send fewer.",
			"Höchstens 5 Einträge können mit dem Passwort verglichen werden. Senden Sie weniger.",
		},
		"verr.user_inputs.too_long": {
			"Each entry compared with the password may have at most 254 characters. Shorten it.",
			"Jeder Eintrag, der mit dem Passwort verglichen wird, darf höchstens 254 Zeichen haben. Kürzen Sie ihn.",
		},
	})
}
