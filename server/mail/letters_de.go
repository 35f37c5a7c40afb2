package mail

import "fmt"

var german = language{
	code: "de",
	greet: func(name string) string {
		if name == "" {
			return "Guten Tag,"
		}
		return "Guten Tag " + name + ","
	},
	signoff:  func(brand string) string { return "Ihr " + brand + "-Team" },
	fallback: "Der Button funktioniert nicht? Kopieren Sie diesen Link in Ihren Browser:",
	validity: func(minutes int) string {
		switch {
		case minutes == 60:
			return "1 Stunde"
		case minutes%60 == 0:
			return fmt.Sprintf("%d Stunden", minutes/60)
		case minutes == 1:
			return "1 Minute"
		}
		return fmt.Sprintf("%d Minuten", minutes)
	},
	letters: map[Kind]letter{
		KindConfirmEmail: {
			Subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse für Ihre {{.Brand}} ID",
			Body: []block{
				p("Willkommen bei {{.Brand}} ID! Bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihre Registrierung abzuschließen:"),
				link("E-Mail-Adresse bestätigen", "{{.Link}}"),
				p("Der Link ist {{.Valid}} gültig. Öffnen Sie ihn im Browser, in dem Sie sich registriert haben, sind Sie damit auch gleich angemeldet; anderswo wählen Sie auf der Seite, die er öffnet, Ihr Passwort noch einmal."),
			},
			Ignore: []block{
				p("Sie haben sich nicht registriert? Dann hat sich wohl jemand bei der Adresse vertippt. Ignorieren Sie diese E-Mail einfach: Ohne Bestätigung wird kein Konto aktiviert."),
			},
		},
		KindAlreadyRegistered: {
			Subject: "Registrierungsversuch mit Ihrer E-Mail-Adresse",
			Body: []block{
				p("Gerade wollte jemand mit dieser E-Mail-Adresse eine neue {{.Brand}} ID anlegen. Sie haben bereits eine, daher wurde nichts geändert."),
				p("Waren Sie das? Dann melden Sie sich einfach an:"),
				link("Anmelden", "{{.Link}}"),
				p("Passwort vergessen? Hier können Sie ein neues festlegen:"),
				link("Passwort zurücksetzen", "{{.ResetLink}}"),
			},
			Ignore: []block{
				p("Wenn Sie das nicht waren, müssen Sie nichts tun: Ihr Konto ist sicher."),
			},
		},
		KindPasswordReset: {
			Subject: "Passwort Ihrer {{.Brand}} ID zurücksetzen",
			Body: []block{
				p("Wir haben eine Anfrage erhalten, das Passwort Ihrer {{.Brand}} ID zurückzusetzen. Hier können Sie ein neues wählen:"),
				link("Neues Passwort festlegen", "{{.Link}}"),
				p("Der Link ist {{.Valid}} gültig und funktioniert nur einmal. Mit dem neuen Passwort werden Sie auf allen Geräten abgemeldet."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Dann ignorieren Sie diese E-Mail einfach: Ihr Passwort bleibt, wie es ist."),
			},
		},
		KindBlocked: {
			Subject: "Ihre {{.Brand}} ID ist vorübergehend gesperrt",
			Body: []block{
				p("Für Ihre {{.Brand}} ID wurde mehrmals hintereinander ein falsches Passwort eingegeben. Zu Ihrem Schutz ist die Anmeldung bis {{.Until}} gesperrt."),
				p("Waren Sie das und haben Ihr Passwort vergessen? Dann legen Sie gleich ein neues fest, damit wird auch die Sperre aufgehoben:"),
				link("Passwort zurücksetzen", "{{.Link}}"),
				p("Der Link ist {{.Valid}} gültig."),
			},
			Ignore: []block{
				p("Wenn Sie das nicht waren, versucht womöglich jemand, Ihr Passwort zu erraten. Solange die Sperre gilt, ist Ihr Konto geschützt; legen Sie zur Sicherheit über den Link oben ein neues, starkes Passwort fest."),
			},
		},
		KindLoginCode: {
			Subject: "Ihr Anmeldecode für Ihre {{.Brand}} ID",
			Body: []block{
				p("Hier ist Ihr Code, um die Anmeldung bei Ihrer {{.Brand}} ID abzuschließen:"),
				code(),
				p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar. Geben Sie ihn niemals weiter: {{.Brand}} wird Sie nie danach fragen."),
			},
			Ignore: []block{
				p("Sie wollten sich nicht anmelden? Dann kennt jemand Ihr Passwort. Bitte ändern Sie es sofort."),
			},
		},
		KindTwoFactorOnCode: {
			Subject: "Ihr Code zum Aktivieren der Zwei-Faktor-Authentifizierung",
			Body: []block{
				p("Sie aktivieren die Zwei-Faktor-Authentifizierung für Ihre {{.Brand}} ID. Geben Sie diesen Aktivierungscode ein, um den Vorgang abzuschließen:"),
				code(),
				p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Dann kennt womöglich jemand Ihr Passwort. Bitte ändern Sie es sofort."),
			},
		},
		KindTwoFactorOffCode: {
			Subject: "Ihr Code zum Deaktivieren der Zwei-Faktor-Authentifizierung",
			Body: []block{
				p("Sie deaktivieren die Zwei-Faktor-Authentifizierung für Ihre {{.Brand}} ID. Geben Sie diesen Code ein, um es zu bestätigen:"),
				code(),
				p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Geben Sie den Code nirgends ein und ändern Sie sofort Ihr Passwort: Womöglich kennt es jemand."),
			},
		},
		KindDeleteCode: {
			Subject: "Ihr Code zum Löschen Ihrer {{.Brand}} ID",
			Body: []block{
				p("Sie möchten Ihre {{.Brand}} ID löschen. Geben Sie diesen Code ein, um es zu bestätigen:"),
				code(),
				p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar. Das Löschen lässt sich nicht rückgängig machen."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Geben Sie den Code nirgends ein und ändern Sie sofort Ihr Passwort: Womöglich kennt es jemand. Ihr Konto bleibt bestehen."),
			},
		},
		KindEmailChangeCode: {
			Subject: "Ihr Code zum Ändern Ihrer E-Mail-Adresse",
			Body: []block{
				p("Sie ändern die E-Mail-Adresse Ihrer {{.Brand}} ID. Geben Sie diesen Code ein, um fortzufahren:"),
				code(),
				p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Geben Sie den Code nirgends ein und ändern Sie sofort Ihr Passwort: Womöglich kennt es jemand."),
			},
		},
		KindPasswordChangeCode: {
			Subject: "Ihr Code zum Ändern Ihres Passworts",
			Body: []block{
				p("Sie ändern das Passwort Ihrer {{.Brand}} ID. Geben Sie diesen Code ein, um fortzufahren:"),
				code(),
				p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Geben Sie den Code nirgends ein und ändern Sie sofort Ihr Passwort: Womöglich kennt es jemand."),
			},
		},
		KindPhoneChangeCode: {
			Subject: "Ihr Code zum Ändern Ihrer Phone ID",
			Body: []block{
				p("Sie ändern die Phone ID (Mobilnummer) Ihrer {{.Brand}} ID. Geben Sie diesen Code ein, um fortzufahren:"),
				code(),
				p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Geben Sie den Code nirgends ein und ändern Sie sofort Ihr Passwort: Womöglich kennt es jemand."),
			},
		},
		KindTwoFactorActivated: {
			Subject: "Die Zwei-Faktor-Authentifizierung ist jetzt aktiviert",
			Body: []block{
				p("Die Zwei-Faktor-Authentifizierung ist für Ihre {{.Brand}} ID jetzt aktiviert. Ab sofort fragen wir bei jeder Anmeldung nach einem Code, den wir an diese Adresse senden."),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Dann kennt jemand Ihr Passwort. Bitte legen Sie sofort ein neues fest:"),
				link("Passwort zurücksetzen", "{{.Link}}"),
			},
		},
		KindTwoFactorDeactivated: {
			Subject: "Die Zwei-Faktor-Authentifizierung ist jetzt deaktiviert",
			Body: []block{
				p("Die Zwei-Faktor-Authentifizierung wurde für Ihre {{.Brand}} ID deaktiviert. Zum Anmelden genügt jetzt Ihr Passwort. Unter „Kontodaten“ können Sie sie jederzeit wieder aktivieren."),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Dann hat womöglich jemand Zugriff auf Ihr Konto. Bitte legen Sie sofort ein neues Passwort fest und aktivieren Sie die Zwei-Faktor-Authentifizierung wieder:"),
				link("Passwort zurücksetzen", "{{.Link}}"),
			},
		},
		KindPasswordChanged: {
			Subject: "Das Passwort Ihrer {{.Brand}} ID wurde geändert",
			Body: []block{
				p("Das Passwort Ihrer {{.Brand}} ID wurde soeben geändert. Zu Ihrer Sicherheit wurden Sie auf allen anderen Geräten abgemeldet."),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Bitte legen Sie sofort ein neues Passwort fest:"),
				link("Passwort zurücksetzen", "{{.Link}}"),
			},
		},
		KindEmailChangeConfirm: {
			Subject: "Bitte bestätigen Sie Ihre neue E-Mail-Adresse für Ihre {{.Brand}} ID",
			Body: []block{
				p("Bitte bestätigen Sie, dass dies die neue E-Mail-Adresse Ihrer {{.Brand}} ID werden soll:"),
				link("Neue Adresse bestätigen", "{{.Link}}"),
				p("Der Link ist {{.Valid}} gültig. Bis zur Bestätigung gilt weiterhin Ihre bisherige Adresse."),
			},
			Ignore: []block{
				p("Sie haben das nicht angefordert? Dann ignorieren Sie diese E-Mail einfach: Es ändert sich nichts."),
			},
		},
		KindEmailChangedNotice: {
			Subject: "Die E-Mail-Adresse Ihrer {{.Brand}} ID wurde geändert",
			Body: []block{
				p("Die E-Mail-Adresse Ihrer {{.Brand}} ID wurde in {{.Masked}} geändert. Bitte melden Sie sich ab jetzt mit der neuen Adresse an."),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Mit diesem Link machen Sie die Änderung rückgängig. Danach melden Sie sich wieder mit dieser Adresse an, alle Geräte sind abgemeldet, und Sie wählen gleich ein neues Passwort:"),
				link("Änderung rückgängig machen", "{{.Link}}"),
				p("Der Link ist {{.Valid}} gültig."),
			},
		},
		KindPhoneAdded: {
			Subject: "Neue Phone ID für Ihre {{.Brand}} ID",
			Body: []block{
				p("Die Mobilnummer {{.Masked}} ist jetzt die Phone ID Ihrer {{.Brand}} ID. Sie können sich damit anmelden."),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Bitte legen Sie sofort ein neues Passwort fest und entfernen Sie die Nummer unter „Kontodaten“:"),
				link("Passwort zurücksetzen", "{{.Link}}"),
			},
		},
		KindPhoneRemoved: {
			Subject: "Phone ID Ihrer {{.Brand}} ID entfernt",
			Body: []block{
				p("Die Mobilnummer {{.Masked}} ist nicht mehr die Phone ID Ihrer {{.Brand}} ID. Melden Sie sich bitte mit Ihrer E-Mail-Adresse an."),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Bitte legen Sie sofort ein neues Passwort fest:"),
				link("Passwort zurücksetzen", "{{.Link}}"),
			},
		},
		KindPhoneCode: {
			Subject: "Ihr Code für die {{.Brand}} ID",
			Body: []block{
				p("Ihr Code für die {{.Brand}} ID:"),
				code(),
				p("{{.Valid}} gültig. Bitte nicht weitergeben."),
			},
			Ignore: []block{
				p("Nicht angefordert? Dann ignorieren Sie diese SMS."),
			},
		},
		KindNewSignIn: {
			Subject: "Neue Anmeldung bei Ihrer {{.Brand}} ID",
			Body: []block{
				p("Mit Ihrer {{.Brand}} ID hat sich gerade jemand auf einem Gerät angemeldet, auf dem sie bisher nicht benutzt wurde: {{if .Device}}{{.Device}}{{else}}ein Browser, den wir nicht erkennen{{end}}, {{.When}}."),
				p("Waren Sie das, ist nichts weiter zu tun. Alle angemeldeten Geräte sehen Sie auf Ihrer Sicherheitsseite:"),
				link("Sicherheitsseite öffnen", "{{.Link}}"),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Dann kennt jemand anderes Ihr Passwort. Öffnen Sie die Sicherheitsseite, melden Sie das Gerät ab und ändern Sie sofort Ihr Passwort."),
			},
		},
		KindCodesPaused: {
			Subject: "Codes für Ihre {{.Brand}} ID pausiert",
			Body: []block{
				p("In der letzten Stunde wurden für Ihre {{.Brand}} ID viele Codes angefordert oder falsch eingegeben. Zu ihrem Schutz senden und akzeptieren wir bis {{.Until}} keine Codes für sie."),
				p("Waren Sie das, warten Sie bitte bis dahin und versuchen Sie es dann erneut."),
			},
			Ignore: []block{
				p("Das waren nicht Sie? Dann kennt möglicherweise jemand Ihr Passwort. Bitte legen Sie sofort ein neues fest:"),
				link("Neues Passwort festlegen", "{{.Link}}"),
			},
		},
		KindAccountDeleted: {
			Subject: "Ihre {{.Brand}} ID wurde gelöscht",
			Body: []block{
				p("Wie gewünscht haben wir Ihre {{.Brand}} ID und Ihre persönlichen Daten gelöscht und Sie auf allen Geräten abgemeldet."),
				p("Schade, dass Sie gehen. Sie sind jederzeit wieder willkommen: Mit dieser Adresse können Sie sich erneut registrieren."),
			},
			Ignore: []block{
				p("Sie haben Ihr Konto nicht selbst gelöscht? Dann kannte jemand anderes Ihr Passwort. Bitte wenden Sie sich umgehend an unseren Kundenservice."),
			},
		},
	},
}
