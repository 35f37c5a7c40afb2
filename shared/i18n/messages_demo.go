package i18n

// Keys of "{brand} Connected", the demo app that logs in with the {brand}
// ID (server/cmd/connected).
const (
	DemoLead        Key = "demo.lead"
	DemoLogin       Key = "demo.login"
	DemoLoginStrong Key = "demo.login_strong"
	DemoHello       Key = "demo.hello"
	DemoMethods     Key = "demo.methods"
	DemoLevel       Key = "demo.level"
	DemoEmail       Key = "demo.email"
	DemoLogout      Key = "demo.logout"
	DemoFailed      Key = "demo.failed"
	DemoLoggedOut   Key = "demo.logged_out"
)

// DemoAMRKey is the key of an amr value's words ("demo.amr.pwd").
func DemoAMRKey(amr string) Key { return Key("demo.amr." + amr) }

func init() {
	register(map[Key][2]string{
		DemoLead: {"Your car, your trips and your services in one place. This demo app has no accounts of its own: you log in with your {brand} ID.",
			"Ihr Auto, Ihre Fahrten und Ihre Dienste an einem Ort. Diese Demo-App hat keine eigenen Konten: Sie melden sich mit Ihrer {brand} ID an."},
		DemoLogin:       {"Log in with {brand} ID", "Mit {brand} ID anmelden"},
		DemoLoginStrong: {"Log in with two factors", "Mit zwei Faktoren anmelden"},
		DemoHello:       {"Hello, {name}", "Hallo, {name}"},
		DemoMethods:     {"How you logged in (amr):", "Wie Sie sich angemeldet haben (amr):"},
		DemoLevel:       {"Level (acr): {acr}", "Stufe (acr): {acr}"},
		DemoEmail:       {"E-mail address: {email}", "E-Mail-Adresse: {email}"},
		DemoLogout:      {"Log out", "Abmelden"},
		DemoFailed:      {"The login did not work ({error}). Please try again.", "Die Anmeldung hat nicht geklappt ({error}). Bitte versuchen Sie es erneut."},
		DemoLoggedOut:   {"You are logged out.", "Sie sind abgemeldet."},
		"demo.amr.pwd":  {"password", "Passwort"},
		"demo.amr.otp":  {"one-time code by e-mail", "Einmalcode per E-Mail"},
		"demo.amr.mfa":  {"more than one factor", "mehr als ein Faktor"},
	})
}
