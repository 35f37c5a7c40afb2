package mail

// The letters about passkeys, the authenticator app and the recovery codes,
// in both languages; init adds them to the languages' letters.

func init() {
	for k, l := range factorLettersEN {
		english.letters[k] = l
	}
	for k, l := range factorLettersDE {
		german.letters[k] = l
	}
}

var factorLettersEN = map[Kind]letter{
	KindSignInChangeCode: {
		Subject: "Your code to change how you log in",
		Body: []block{
			p("You're changing how you log in to your {{.Brand}} ID (passkeys, authenticator app or recovery codes). Enter this code to continue:"),
			code(),
			p("The code is valid for {{.Valid}} and works once."),
		},
		Ignore: []block{
			p("Didn't ask for this? Don't enter the code anywhere, and change your password right away: someone may know it."),
		},
	},
	KindPasskeyAdded: {
		Subject: "A passkey was added to your {{.Brand}} ID",
		Body: []block{
			p("A new passkey, \"{{.Device}}\", was added to your {{.Brand}} ID. It logs in without a password and without a code: whoever holds the device and can unlock it."),
			p("You can see and remove your passkeys under Account data:"),
			link("Open Account data", "{{.Link}}"),
		},
		Ignore: []block{
			p("Wasn't you? Then someone had access to your account. Log in, remove this passkey under Account data right away, and change your password."),
		},
	},
	KindPasskeyRemoved: {
		Subject: "A passkey was removed from your {{.Brand}} ID",
		Body: []block{
			p("The passkey \"{{.Device}}\" was removed from your {{.Brand}} ID. It no longer logs in, even if your device still offers it."),
			link("Open Account data", "{{.Link}}"),
		},
		Ignore: []block{
			p("Wasn't you? Then someone had access to your account. Log in, check your passkeys under Account data, and change your password right away."),
		},
	},
	KindTOTPAdded: {
		Subject: "An authenticator app now protects your {{.Brand}} ID",
		Body: []block{
			p("An authenticator app was set up for your {{.Brand}} ID. From now on, logging in asks for the 6-digit code the app shows after your password."),
			link("Open Account data", "{{.Link}}"),
		},
		Ignore: []block{
			p("Wasn't you? Then someone had access to your account and can now log in with their own app. Log in, remove the authenticator app under Account data, and change your password right away."),
		},
	},
	KindTOTPRemoved: {
		Subject: "The authenticator app was removed from your {{.Brand}} ID",
		Body: []block{
			p("The authenticator app no longer protects your {{.Brand}} ID: its codes don't work any more. You can set up an app again at any time under Account data."),
			link("Open Account data", "{{.Link}}"),
		},
		Ignore: []block{
			p("Wasn't you? Then someone had access to your account. Change your password right away and check two-factor authentication under Account data."),
		},
	},
	KindRecoveryCodesNew: {
		Subject: "New recovery codes for your {{.Brand}} ID",
		Body: []block{
			p("New recovery codes were created for your {{.Brand}} ID. The earlier ones no longer work. Keep the new ones somewhere safe, away from your phone."),
			link("Open Account data", "{{.Link}}"),
		},
		Ignore: []block{
			p("Wasn't you? Then someone had access to your account. Change your password right away and create new recovery codes yourself."),
		},
	},
	KindRecoveryCodeUsed: {
		Subject: "A recovery code was used for your {{.Brand}} ID",
		Body: []block{
			p("One of your recovery codes was just used for your {{.Brand}} ID: {{if .Device}}{{.Device}}{{else}}in a browser we could not name{{end}}, {{.When}}. Each code works once; {{if eq .Left 1}}1 code is left{{else}}{{.Left}} codes are left{{end}}."),
			p("If you have lost your phone or no longer get the codes, check two-factor authentication under Account data, and create new recovery codes there when only few are left:"),
			link("Open Account data", "{{.Link}}"),
		},
		Ignore: []block{
			p("Wasn't you? Then someone knows your password and has your recovery codes. Log in, create new recovery codes under Account data (the old ones stop working), and change your password right away."),
		},
	},
}

var factorLettersDE = map[Kind]letter{
	KindSignInChangeCode: {
		Subject: "Ihr Code zum Ändern Ihrer Anmeldung",
		Body: []block{
			p("Sie ändern, wie Sie sich bei Ihrer {{.Brand}} ID anmelden (Passkeys, Authenticator-App oder Wiederherstellungscodes). Geben Sie diesen Code ein, um fortzufahren:"),
			code(),
			p("Der Code ist {{.Valid}} gültig und nur einmal verwendbar."),
		},
		Ignore: []block{
			p("Sie haben das nicht angefordert? Geben Sie den Code nirgends ein und ändern Sie sofort Ihr Passwort: Womöglich kennt es jemand."),
		},
	},
	KindPasskeyAdded: {
		Subject: "Ihrer {{.Brand}} ID wurde ein Passkey hinzugefügt",
		Body: []block{
			p("Ihrer {{.Brand}} ID wurde ein neuer Passkey hinzugefügt: „{{.Device}}“. Er meldet ohne Passwort und ohne Code an – jeden, der das Gerät hat und entsperren kann."),
			p("Ihre Passkeys sehen und entfernen Sie unter Kontodaten:"),
			link("Kontodaten öffnen", "{{.Link}}"),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann hatte jemand Zugriff auf Ihr Konto. Melden Sie sich an, entfernen Sie diesen Passkey sofort unter Kontodaten und ändern Sie Ihr Passwort."),
		},
	},
	KindPasskeyRemoved: {
		Subject: "Ein Passkey wurde aus Ihrer {{.Brand}} ID entfernt",
		Body: []block{
			p("Der Passkey „{{.Device}}“ wurde aus Ihrer {{.Brand}} ID entfernt. Er meldet nicht mehr an, auch wenn Ihr Gerät ihn noch anbietet."),
			link("Kontodaten öffnen", "{{.Link}}"),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann hatte jemand Zugriff auf Ihr Konto. Melden Sie sich an, prüfen Sie Ihre Passkeys unter Kontodaten und ändern Sie sofort Ihr Passwort."),
		},
	},
	KindTOTPAdded: {
		Subject: "Eine Authenticator-App schützt jetzt Ihre {{.Brand}} ID",
		Body: []block{
			p("Für Ihre {{.Brand}} ID wurde eine Authenticator-App eingerichtet. Ab sofort fragt die Anmeldung nach Ihrem Passwort nach dem 6-stelligen Code, den die App anzeigt."),
			link("Kontodaten öffnen", "{{.Link}}"),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann hatte jemand Zugriff auf Ihr Konto und kann sich jetzt mit seiner eigenen App anmelden. Melden Sie sich an, entfernen Sie die Authenticator-App unter Kontodaten und ändern Sie sofort Ihr Passwort."),
		},
	},
	KindTOTPRemoved: {
		Subject: "Die Authenticator-App wurde aus Ihrer {{.Brand}} ID entfernt",
		Body: []block{
			p("Die Authenticator-App schützt Ihre {{.Brand}} ID nicht mehr: Ihre Codes funktionieren nicht mehr. Unter Kontodaten können Sie jederzeit wieder eine App einrichten."),
			link("Kontodaten öffnen", "{{.Link}}"),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann hatte jemand Zugriff auf Ihr Konto. Ändern Sie sofort Ihr Passwort und prüfen Sie die Zwei-Faktor-Authentifizierung unter Kontodaten."),
		},
	},
	KindRecoveryCodesNew: {
		Subject: "Neue Wiederherstellungscodes für Ihre {{.Brand}} ID",
		Body: []block{
			p("Für Ihre {{.Brand}} ID wurden neue Wiederherstellungscodes erstellt. Die bisherigen funktionieren nicht mehr. Bewahren Sie die neuen sicher auf, getrennt von Ihrem Smartphone."),
			link("Kontodaten öffnen", "{{.Link}}"),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann hatte jemand Zugriff auf Ihr Konto. Ändern Sie sofort Ihr Passwort und erstellen Sie selbst neue Wiederherstellungscodes."),
		},
	},
	KindRecoveryCodeUsed: {
		Subject: "Ein Wiederherstellungscode Ihrer {{.Brand}} ID wurde verwendet",
		Body: []block{
			p("Soeben wurde einer Ihrer Wiederherstellungscodes für Ihre {{.Brand}} ID verwendet: {{if .Device}}{{.Device}}{{else}}in einem Browser, den wir nicht benennen können{{end}}, {{.When}}. Jeder Code funktioniert nur einmal; {{if eq .Left 1}}1 Code ist noch übrig{{else}}{{.Left}} Codes sind noch übrig{{end}}."),
			p("Wenn Sie Ihr Smartphone verloren haben oder keine Codes mehr bekommen, prüfen Sie die Zwei-Faktor-Authentifizierung unter Kontodaten und erstellen Sie dort neue Wiederherstellungscodes, wenn nur noch wenige übrig sind:"),
			link("Kontodaten öffnen", "{{.Link}}"),
		},
		Ignore: []block{
			p("Das waren nicht Sie? Dann kennt jemand Ihr Passwort und hat Ihre Wiederherstellungscodes. Melden Sie sich an, erstellen Sie unter Kontodaten neue Wiederherstellungscodes (die alten funktionieren dann nicht mehr) und ändern Sie sofort Ihr Passwort."),
		},
	},
}
