package mail

// careLettersDE are the German letters of customer care and self-service.
var careLettersDE = map[Kind]letter{
	KindSupportBlockEnded: {
		Subject: "Der Kundenservice hat die Sperre Ihrer {{.Brand}} ID aufgehoben",
		Body: []block{
			p("Unser Kundenservice hat soeben die vorübergehende Sperre Ihrer {{.Brand}} ID nach zu vielen falschen Passwörtern aufgehoben. Sie können sich wieder anmelden."),
			p("Der vom Kundenservice notierte Grund: {{.Reason}}"),
		},
		Ignore: []block{
			p("Sie haben den Kundenservice nicht kontaktiert? Dann hat sich vielleicht jemand als Sie ausgegeben. Legen Sie sofort ein neues Passwort fest:"),
			link("Passwort zurücksetzen", "{{.Link}}"),
		},
	},
	KindSupportConfirmationSent: {
		Subject: "Der Kundenservice hat Ihren Bestätigungslink erneut gesendet",
		Body: []block{
			p("Unser Kundenservice hat Ihnen soeben einen neuen Link gesendet, mit dem Sie die E-Mail-Adresse Ihrer {{.Brand}} ID bestätigen. Sie finden ihn in einer separaten E-Mail."),
			p("Der vom Kundenservice notierte Grund: {{.Reason}}"),
		},
		Ignore: []block{
			p("Sie haben den Kundenservice nicht kontaktiert? Dann ignorieren Sie einfach beide E-Mails: Ohne Bestätigung passiert nichts."),
		},
	},
	KindSupportSessionsEnded: {
		Subject: "Der Kundenservice hat Ihre {{.Brand}} ID auf allen Geräten abgemeldet",
		Body: []block{
			p("Unser Kundenservice hat soeben alle Sitzungen Ihrer {{.Brand}} ID beendet: Sie sind auf allen Geräten abgemeldet und müssen sich neu anmelden."),
			p("Der vom Kundenservice notierte Grund: {{.Reason}}"),
		},
		Ignore: []block{
			p("Sie haben den Kundenservice nicht kontaktiert? Legen Sie sicherheitshalber ein neues Passwort fest:"),
			link("Passwort zurücksetzen", "{{.Link}}"),
		},
	},
	KindSupportResetSent: {
		Subject: "Der Kundenservice hat Ihnen einen Link für ein neues Passwort gesendet",
		Body: []block{
			p("Unser Kundenservice hat Ihnen soeben einen Link gesendet, mit dem Sie ein neues Passwort für Ihre {{.Brand}} ID festlegen. Sie finden ihn in einer separaten E-Mail; der Kundenservice sieht und setzt Ihr Passwort nie."),
			p("Der vom Kundenservice notierte Grund: {{.Reason}}"),
		},
		Ignore: []block{
			p("Sie haben den Kundenservice nicht kontaktiert? Ignorieren Sie den Link einfach: Ihr Passwort bleibt, wie es ist."),
		},
	},
	KindSecurityQuestionCode: {
		Subject: "Ihr Code zum Ändern Ihrer Sicherheitsfrage",
		Body: []block{
			p("Hier ist Ihr Code, um die Sicherheitsfrage Ihrer {{.Brand}} ID zu ändern:"),
			code(),
			p("Der Code ist {{.Valid}} gültig und funktioniert einmal. Geben Sie ihn niemals weiter: {{.Brand}} wird Sie nie danach fragen."),
		},
		Ignore: []block{
			p("Nicht angefordert? Dann kennt jemand Ihr Passwort: Legen Sie sofort ein neues fest."),
		},
	},
	KindSecurityQuestionChanged: {
		Subject: "Die Sicherheitsfrage Ihrer {{.Brand}} ID wurde geändert",
		Body: []block{
			p("Die Sicherheitsfrage Ihrer {{.Brand}} ID wurde soeben geändert. Unser Kundenservice stellt sie, wenn Sie uns anrufen; sie ersetzt nie Ihr Passwort."),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann kennt jemand Ihr Passwort. Legen Sie sofort ein neues fest:"),
			link("Passwort zurücksetzen", "{{.Link}}"),
		},
	},
	KindSecurityQuestionLocked: {
		Subject: "Ihre Sicherheitsfrage ist nach drei falschen Antworten gesperrt",
		Body: []block{
			p("Eine Anruferin oder ein Anrufer hat unserem Kundenservice dreimal hintereinander eine falsche Antwort auf die Sicherheitsfrage Ihrer {{.Brand}} ID gegeben. Zu Ihrem Schutz kann der Kundenservice sie bis {{.Until}} nicht prüfen."),
			p("Waren Sie das? Dann ist nichts weiter zu tun. Jede Prüfung durch den Kundenservice sehen Sie auf Ihrer Seite Sicherheit:"),
			link("Sicherheit öffnen", "{{.Link}}"),
		},
		Ignore: []block{
			p("Wenn nicht, versucht vielleicht jemand, sich am Telefon als Sie auszugeben. Der Kundenservice setzt aufgrund der Antwort nie ein Passwort zurück, Ihr Konto ist also sicher; wählen Sie eventuell eine neue Frage und Antwort."),
		},
	},
	KindExportCode: {
		Subject: "Ihr Code zum Herunterladen Ihrer Daten",
		Body: []block{
			p("Hier ist Ihr Code, um die Daten Ihrer {{.Brand}} ID herunterzuladen:"),
			code(),
			p("Der Code ist {{.Valid}} gültig und funktioniert einmal. Geben Sie ihn niemals weiter: {{.Brand}} wird Sie nie danach fragen."),
		},
		Ignore: []block{
			p("Nicht angefordert? Dann kennt jemand Ihr Passwort: Legen Sie sofort ein neues fest."),
		},
	},
	KindDataExported: {
		Subject: "Die Daten Ihrer {{.Brand}} ID wurden heruntergeladen",
		Body: []block{
			p("Die Daten Ihrer {{.Brand}} ID wurden am {{.When}}{{if .Device}} mit {{.Device}}{{end}} heruntergeladen. Die Datei enthält Ihre persönlichen Daten: Bewahren Sie sie sicher auf."),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann kennt jemand Ihr Passwort und einen zweiten Faktor. Legen Sie sofort ein neues Passwort fest:"),
			link("Passwort zurücksetzen", "{{.Link}}"),
		},
	},
	KindAccountDeactivated: {
		Subject: "Ihre {{.Brand}} ID wird am {{.Until}} gelöscht",
		Body: []block{
			p("Wie gewünscht haben wir Ihre {{.Brand}} ID deaktiviert und Sie auf allen Geräten abgemeldet. Niemand kann sich mehr damit anmelden."),
			p("Am {{.Until}} löschen wir sie endgültig, mit Ihren persönlichen Daten. Bis dahin können Sie es sich anders überlegen und sie behalten:"),
			link("Meine {{.Brand}} ID behalten", "{{.Link}}"),
			p("Der Link funktioniert bis dahin. Nach der Löschung können Sie sich jederzeit wieder mit dieser Adresse registrieren."),
		},
		Ignore: []block{
			p("Sie haben sie nicht selbst gelöscht? Dann kannte jemand Ihr Passwort: Behalten Sie Ihre ID mit dem Link oben und legen Sie dann ein neues Passwort fest."),
		},
	},
	KindAccountRestored: {
		Subject: "Ihre {{.Brand}} ID ist wieder aktiv",
		Body: []block{
			p("Willkommen zurück: Ihre {{.Brand}} ID wird nicht gelöscht, und Sie können sich wie gewohnt anmelden."),
			link("Anmelden", "{{.Link}}"),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann hatte jemand Zugriff auf diese E-Mail. Legen Sie ein neues Passwort fest und prüfen Sie Ihr E-Mail-Konto."),
		},
	},
}
